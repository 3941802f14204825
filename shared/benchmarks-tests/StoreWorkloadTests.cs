using System.Text;
using Traces.Benchmarks;

namespace Traces.Benchmarks.Tests;

/// <summary>
/// The store workload: the LSM store and its peers (RocksDB in memory and flushed, ZoneTree) hold and answer
/// exactly the same entries, each is in the state the workload says it is, and every operation runs once at a tiny
/// size and returns what the data implies.
/// </summary>
[Trait("Part", "benchmarks")]
public sealed class StoreWorkloadTests
{
    private const int Count = 300;

    public static TheoryData<string> StoreSubjects => new(SubjectCatalog.Default.StoreNames());

    public static TheoryData<string> PeerSubjects => new(StorePeers.Names);

    [Fact]
    public void The_lsm_store_and_the_three_peers_take_part_as_sealed_runs_memtable_and_peers()
    {
        SubjectCatalog.Default.StoreNames().Should().Equal("part5-lsm", "part5-lsm-memtable", "rocksdb", "rocksdb-sst", "zonetree");
    }

    [Theory]
    [MemberData(nameof(StoreSubjects))]
    public void Every_operation_returns_the_value_bytes_the_data_implies(string subject)
    {
        foreach (var operation in Enum.GetValues<StoreOperation>())
        {
            var benchmark = new LsmPeerBenchmarks { Subject = subject, Operation = operation, Entries = WorkloadSizes.Tiny.ScanEntries };
            benchmark.Setup();
            try
            {
                // Twice, as BenchmarkDotNet runs it: a load gets a fresh store each time.
                for (int round = 0; round < 2; round++)
                {
                    benchmark.PrepareIteration();
                    benchmark.Run().Should().Be(benchmark.ExpectedResult, $"{subject} runs {operation}");
                    benchmark.FinishIteration();
                }
            }
            finally
            {
                benchmark.Cleanup();
            }
        }
    }

    [Theory]
    [MemberData(nameof(StoreSubjects))]
    public void Each_store_loads_and_answers_the_same_entries_as_the_lsm_store_and_a_sorted_list(string subject)
    {
        var entries = StoreData.Entries(Count);
        var later = StoreData.LaterWrites(Count);
        using var lsm = new LsmStoreSubject(sealRuns: true);
        using var store = SubjectCatalog.Default.CreateStore(subject);
        lsm.Load(entries);
        store.Load(entries);
        var before = Model(entries);
        var ranges = Ranges();

        foreach (var (key, value) in entries)
        {
            TextOrNull(store.Get(key)).Should().Be(Text(value));
        }

        store.Get(Bytes(AddOnData.ScanKey(5) + "+")).Should().BeNull("a key between two loaded keys was never written");
        store.Get(Bytes(AddOnData.ScanKey(Count))).Should().BeNull("a key past the loaded ones was never written");
        foreach (var (lower, upper) in ranges)
        {
            Scanned(store.Scan, lower, upper).Should().Equal(Expected(before, lower, upper), $"{subject} scans [{lower}, {upper}]")
                .And.Equal(Scanned(lsm.Scan, lower, upper));
        }

        using var snapshot = store.OpenSnapshot();
        using var lsmSnapshot = lsm.OpenSnapshot();
        foreach (var (key, value) in later)
        {
            store.Put(key, value);
            lsm.Put(key, value);
        }

        var after = Model([.. entries, .. later]);
        foreach (var (lower, upper) in ranges)
        {
            Scanned(snapshot.Scan, lower, upper).Should().Equal(Expected(before, lower, upper), $"{subject}'s snapshot reads [{lower}, {upper}] as before the writes")
                .And.Equal(Scanned(lsmSnapshot.Scan, lower, upper));
            Scanned(store.Scan, lower, upper).Should().Equal(Expected(after, lower, upper), $"{subject} reads [{lower}, {upper}] after the writes")
                .And.Equal(Scanned(lsm.Scan, lower, upper));
        }

        TextOrNull(store.Get(later[0].Key)).Should().Be(Text(later[0].Value));
    }

    [Fact]
    public void Each_store_is_in_the_state_the_workload_names()
    {
        var entries = StoreData.Entries(Count);

        using (var sealedRuns = new LsmStoreSubject(sealRuns: true))
        {
            sealedRuns.Load(entries);
            sealedRuns.Store.RunCount.Should().Be(LsmScan.Runs);
            sealedRuns.Store.InspectSources().Mutable.IsEmpty.Should().BeTrue();
        }

        using (var memtable = new LsmStoreSubject(sealRuns: false))
        {
            memtable.Load(entries);
            memtable.Store.RunCount.Should().Be(0);
            memtable.Store.InspectSources().Mutable.Count.Should().Be(Count);
        }

        using (var inMemory = new RocksDbSubject(flushAfterLoad: false))
        {
            inMemory.Load(entries);
            inMemory.Property("rocksdb.num-entries-active-mem-table").Should().Be(Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            inMemory.Property("rocksdb.num-files-at-level0").Should().Be("0");
        }

        using (var flushed = new RocksDbSubject(flushAfterLoad: true))
        {
            flushed.Load(entries);
            flushed.Property("rocksdb.num-entries-active-mem-table").Should().Be("0");
            flushed.Property("rocksdb.num-files-at-level0").Should().Be("1");
            Directory.GetFiles(flushed.DirectoryPath, "*.sst").Should().ContainSingle();
        }

        using var zoneTree = new ZoneTreeSubject();
        zoneTree.Load(entries);
        zoneTree.Maintenance.MutableSegmentRecordCount.Should().Be(Count);
        zoneTree.Maintenance.ReadOnlySegmentsCount.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(PeerSubjects))]
    public void A_peer_keeps_its_files_in_a_temporary_directory_it_deletes_when_disposed(string subject)
    {
        var store = SubjectCatalog.Default.CreateStore(subject);
        string directory = store switch
        {
            RocksDbSubject rocks => rocks.DirectoryPath,
            ZoneTreeSubject zone => zone.DirectoryPath,
            _ => throw new InvalidOperationException($"{subject} is not a peer with a directory."),
        };
        store.Load(StoreData.Entries(Count));
        var snapshot = store.OpenSnapshot();

        Path.GetDirectoryName(directory).Should().Be(Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar));
        Directory.Exists(directory).Should().BeTrue();
        snapshot.Dispose();
        store.Dispose();
        Directory.Exists(directory).Should().BeFalse();
    }

    [Fact]
    public void Closing_rocksdb_releases_a_snapshot_left_open()
    {
        var store = new RocksDbSubject(flushAfterLoad: false);
        store.Load(StoreData.Entries(Count));
        var snapshot = store.OpenSnapshot();

        store.Dispose();

        Directory.Exists(store.DirectoryPath).Should().BeFalse();
        snapshot.Invoking(s => s.Scan(Bytes("a"), Bytes("z"))).Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Byte_order_is_ordinal_order_for_the_workload_keys_and_other_text_is_refused()
    {
        var keys = AddOnData.Entries(Count).Select(entry => entry.Key).ToArray();

        keys.Order(StringComparer.Ordinal).Select(Bytes).Should().Equal(
            keys.Select(Bytes).Order(UnsignedByteOrder.Instance), (x, y) => x.AsSpan().SequenceEqual(y));
        keys.Should().OnlyContain(key => key.All(char.IsAscii));
        var accented = () => StoreData.Bytes("clé");
        accented.Should().Throw<ArgumentException>().WithMessage("*ASCII*");
    }

    [Fact]
    public void Later_writes_overwrite_a_quarter_of_the_keys_and_insert_an_eighth_between_them()
    {
        var loaded = StoreData.Entries(Count).Select(entry => Text(entry.Key)).ToHashSet(StringComparer.Ordinal);
        var later = StoreData.LaterWrites(Count);

        later.Count(write => loaded.Contains(Text(write.Key))).Should().Be(Count / 4);
        var inserted = later.Where(write => !loaded.Contains(Text(write.Key))).ToList();
        inserted.Should().HaveCount((Count + 7) / 8);
        inserted.Should().OnlyContain(write =>
            string.CompareOrdinal(Text(write.Key), AddOnData.ScanKey(0)) > 0 && Text(write.Key).EndsWith('+'));
        later.Select(write => Text(write.Key)).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Stores_register_in_one_line_each_and_refuse_a_peer_name()
    {
        var registry = new TraceRegistry().AddStore("mine", () => new LsmStoreSubject(sealRuns: false));
        var catalog = new SubjectCatalog(registry);

        catalog.StoreNames().Should().Equal(["mine", .. StorePeers.Names]);
        using (var mine = catalog.CreateStore("mine"))
        {
            mine.Should().BeOfType<LsmStoreSubject>();
        }

        registry.Invoking(r => r.AddStore(StorePeers.RocksDb, () => new LsmStoreSubject(sealRuns: false)))
            .Should().Throw<ArgumentException>().WithMessage("*already registered*");
        registry.Invoking(r => r.AddStore("mine", () => new LsmStoreSubject(sealRuns: false)))
            .Should().Throw<ArgumentException>().WithMessage("*already registered*");
        catalog.Invoking(c => c.CreateStore("missing")).Should().Throw<ArgumentException>().WithMessage("No store subject named 'missing'*");
        registry.Stores.Should().ContainSingle();
    }

    [Fact]
    public void The_results_table_shows_each_store_operation_as_a_rate_and_charts_the_scans()
    {
        var figures = new Figures();
        figures.Set(WorkloadIds.Store, "part5-lsm", "put", 1_000);
        figures.Set(WorkloadIds.Store, "part5-lsm", "get", 500);
        figures.Set(WorkloadIds.Store, "part5-lsm", "scan", 100);
        figures.Set(WorkloadIds.Store, "part5-lsm", "snapshot-scan", 200);
        figures.Set(WorkloadIds.Store, "rocksdb", "scan", 50);

        var results = ResultsBuilder.Build(
            figures, WorkloadSizes.Tiny, BenchmarkSession.RowOrder(SubjectCatalog.Default), "m", "r", new DateOnly(2026, 12, 2), "quick");

        var table = results.Tables.Single(t => t.Id == "lsm-peers");
        table.Columns.Should().Equal("Implementation", "puts/s", "gets/s", "entries scanned/s", "through a snapshot (entries/s)");
        table.Rows.Should().BeEquivalentTo(
            new[]
            {
                new[] { "part5-lsm", "1 M", "2 M", "10 M", "5 M" },
                new[] { "rocksdb", Formats.Missing, Formats.Missing, "20 M", Formats.Missing },
            },
            options => options.WithStrictOrdering());
        results.Charts.Single(c => c.Id == "lsm-peers").Bars.Should().Equal(new ChartBar("part5-lsm", 1e7), new ChartBar("rocksdb", 2e7));
    }

    /// <summary>Ranges of every bound shape the workload can meet: on keys, between keys, outside the data, reversed.</summary>
    private static (string Lower, string Upper)[] Ranges() =>
    [
        (AddOnData.ScanKey(0), AddOnData.ScanKey(Count - 1)),
        (AddOnData.ScanKey(10), AddOnData.ScanKey(109)),
        (AddOnData.ScanKey(16) + "+", AddOnData.ScanKey(40)),
        (AddOnData.ScanKey(16), AddOnData.ScanKey(16) + "+"),
        ("a", AddOnData.ScanKey(3)),
        (AddOnData.ScanKey(Count - 2), "z"),
        ("z", "zz"),
        (AddOnData.ScanKey(9), AddOnData.ScanKey(9)),
    ];

    private static SortedDictionary<string, string> Model(IEnumerable<KeyValuePair<byte[], byte[]>> writes)
    {
        var model = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in writes)
        {
            model[Text(key)] = Text(value);
        }

        return model;
    }

    private static List<string> Expected(SortedDictionary<string, string> model, string lower, string upper) =>
        [.. model.Where(entry => string.CompareOrdinal(entry.Key, lower) >= 0 && string.CompareOrdinal(entry.Key, upper) <= 0)
            .Select(entry => $"{entry.Key}={entry.Value}")];

    private delegate long ScanMethod(byte[] lower, byte[] upper, ICollection<KeyValuePair<byte[], byte[]>>? seen);

    private static List<string> Scanned(ScanMethod scan, string lower, string upper)
    {
        var seen = new List<KeyValuePair<byte[], byte[]>>();
        long bytes = scan(Bytes(lower), Bytes(upper), seen);
        bytes.Should().Be(seen.Sum(entry => (long)entry.Value.Length), "a scan returns the total length of the values it visited");
        return [.. seen.Select(entry => $"{Text(entry.Key)}={Text(entry.Value)}")];
    }

    private static byte[] Bytes(string text) => StoreData.Bytes(text);

    private static string Text(byte[] bytes) => Encoding.ASCII.GetString(bytes);

    private static string? TextOrNull(byte[]? bytes) => bytes is null ? null : Text(bytes);
}
