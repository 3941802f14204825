using BenchmarkDotNet.Attributes;

namespace Traces.Benchmarks;

/// <summary>
/// The store workload (the LSM add-on against real LSM stores): string keys as ASCII bytes, loaded into a fresh
/// store, then read by point gets, by range scans of consecutive keys, and by the same scans through a snapshot
/// opened before more writes.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="StoreOperation.Put"/> loads the scan workload's entries into a store opened before the clock starts
/// (and closed, its files deleted, after it stops); the load leaves the store in the state its reads use, so a
/// store read as sealed runs or files pays for sealing them here. <see cref="StoreOperation.Get"/> looks up
/// <see cref="StoreData.Gets"/> random existing keys; <see cref="StoreOperation.Scan"/> scans the scan
/// workload's ranges; <see cref="StoreOperation.SnapshotScan"/> opens a snapshot after the load, then overwrites a
/// quarter of the keys and inserts an eighth as many new ones inside the ranges (<see cref="StoreData.LaterWrites"/>),
/// all before the clock starts, and scans the same ranges through the snapshot.
/// </para>
/// <para>
/// Every operation returns the total length of the values it read (for a load, of one key's value read back), which
/// must be <see cref="ExpectedResult"/>: a snapshot that saw a later write would read more.
/// </para>
/// </remarks>
public class LsmPeerBenchmarks
{
    private KeyValuePair<byte[], byte[]>[] _entries = [];
    private (byte[] Lower, byte[] Upper)[] _ranges = [];
    private byte[][] _gets = [];
    private IStoreSubject? _store;
    private IStoreSnapshot? _snapshot;

    /// <summary>Gets or sets the subject's name.</summary>
    [ParamsSource(nameof(Subjects))]
    public string Subject { get; set; } = "";

    /// <summary>Gets or sets what is measured.</summary>
    [Params(StoreOperation.Put, StoreOperation.Get, StoreOperation.Scan, StoreOperation.SnapshotScan)]
    public StoreOperation Operation { get; set; }

    /// <summary>Gets or sets the number of entries loaded.</summary>
    [ParamsSource(nameof(EntryCounts))]
    public int Entries { get; set; }

    /// <summary>Gets the subjects that take part.</summary>
    public static IEnumerable<string> Subjects => SubjectCatalog.Default.StoreNames();

    /// <summary>Gets the number of entries to load: the scan workload's.</summary>
    public static IEnumerable<int> EntryCounts => [WorkloadSizes.Current.ScanEntries];

    /// <summary>Gets the number of entries one operation puts or scans, or of keys it gets.</summary>
    public int ItemsPerOperation => Operation switch
    {
        StoreOperation.Put => Entries,
        StoreOperation.Get => StoreData.Gets,
        _ => AddOnData.ScanRanges * AddOnData.ScanLength,
    };

    /// <summary>Gets what <see cref="Run"/> must return; set by <see cref="Setup"/>.</summary>
    public long ExpectedResult { get; private set; }

    /// <summary>Builds the data and, unless loading is measured, the loaded store (and its snapshot), outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _entries = StoreData.Entries(Entries);
        _ranges = StoreData.Ranges(Entries);
        _gets = StoreData.GetKeys(Entries);
        ExpectedResult = Operation switch
        {
            StoreOperation.Put => _entries[0].Value.Length,
            StoreOperation.Get => StoreData.ExpectedGets(_entries, _gets),
            _ => StoreData.ExpectedScan(_entries, _ranges),
        };
        if (Operation == StoreOperation.Put)
        {
            return;
        }

        _store = SubjectCatalog.Default.CreateStore(Subject);
        _store.Load(_entries);
        if (Operation == StoreOperation.SnapshotScan)
        {
            _snapshot = _store.OpenSnapshot();
            foreach (var (key, value) in StoreData.LaterWrites(Entries))
            {
                _store.Put(key, value);
            }
        }
    }

    /// <summary>Opens the empty store a load fills, before each measured load.</summary>
    [IterationSetup]
    public void PrepareIteration()
    {
        if (Operation == StoreOperation.Put)
        {
            _store?.Dispose();
            _store = SubjectCatalog.Default.CreateStore(Subject);
        }
    }

    /// <summary>Runs the operation.</summary>
    /// <returns>The total length of the values read: <see cref="ExpectedResult"/>.</returns>
    [Benchmark]
    public long Run()
    {
        var store = _store!;
        long total = 0;
        switch (Operation)
        {
            case StoreOperation.Put:
                store.Load(_entries);
                return store.Get(_entries[0].Key)?.Length ?? 0;
            case StoreOperation.Get:
                foreach (byte[] key in _gets)
                {
                    total += store.Get(key)?.Length ?? 0;
                }

                return total;
            case StoreOperation.Scan:
                foreach (var (lower, upper) in _ranges)
                {
                    total += store.Scan(lower, upper);
                }

                return total;
            default:
                foreach (var (lower, upper) in _ranges)
                {
                    total += _snapshot!.Scan(lower, upper);
                }

                return total;
        }
    }

    /// <summary>Closes the store a measured load filled, and deletes its files.</summary>
    [IterationCleanup]
    public void FinishIteration()
    {
        if (Operation == StoreOperation.Put)
        {
            _store?.Dispose();
            _store = null;
        }
    }

    /// <summary>Closes the snapshot and the store, and deletes the store's files.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _snapshot?.Dispose();
        _snapshot = null;
        _store?.Dispose();
        _store = null;
    }
}
