using System.Globalization;
using System.Text;
using Traces;
using Traces.Lsm;
using Traces.OrdNeu;
using RunBatch = Traces.OrdNeu.OrdValBatch<Traces.Lsm.ByteString, Traces.Lsm.ByteString, Traces.Timestamp, long,
    Traces.OrdNeu.SliceContainer<Traces.Lsm.ByteString, byte, Traces.Lsm.ByteStringSlices>,
    Traces.OrdNeu.SliceContainer<Traces.Lsm.ByteString, byte, Traces.Lsm.ByteStringSlices>>;
using RunCursor = Traces.OrdNeu.OrdValCursor<
    Traces.Lsm.ByteString, Traces.Lsm.ByteString, Traces.Timestamp, long,
    Traces.OrdNeu.SliceContainer<Traces.Lsm.ByteString, byte, Traces.Lsm.ByteStringSlices>,
    Traces.OrdNeu.SliceContainer<Traces.Lsm.ByteString, byte, Traces.Lsm.ByteStringSlices>>;

namespace Book.Scenes.Lsm;

/// <summary>One step of the store's script: a write, a freeze, a flush or a snapshot.</summary>
/// <param name="Op"><c>put</c>, <c>delete</c>, <c>freeze</c>, <c>flush</c> or <c>snapshot</c>.</param>
/// <param name="Key">The key written (puts and deletes).</param>
/// <param name="Value">The value written (puts).</param>
public sealed record LsmStep(string Op, string Key = "", string Value = "");

/// <summary>
/// Chapter 12's pictures: a real <see cref="LsmStore"/> with a mutable memtable, a frozen one and two sealed runs,
/// read at a snapshot; what each source offers for each key, and which source wins.
/// </summary>
public static class LsmScenes
{
    /// <summary>
    /// The writes, in order (each takes the next version, from 1), with the freezes, flushes and snapshots between
    /// them. The snapshot after the first write pins version 1, so that the runs keep their exact versions.
    /// </summary>
    public static IReadOnlyList<LsmStep> Script { get; } =
    [
        new("put", "a", "apple"), new("snapshot"), new("put", "b", "bean"), new("put", "c", "corn"),
        new("put", "d", "date"), new("freeze"), new("flush"),
        new("put", "b", "basil"), new("delete", "c"), new("put", "e", "elm"), new("freeze"), new("flush"),
        new("put", "a", "acorn"), new("put", "d", "dill"), new("freeze"),
        new("put", "e", "ember"), new("snapshot"), new("put", "b", "birch"), new("put", "a", "alder"),
    ];

    /// <summary>The version the figure reads at: the second snapshot's.</summary>
    public const ulong ReadVersion = 10;

    /// <summary>Runs <see cref="Script"/> against a new store and returns it with the snapshots it opened.</summary>
    public static (LsmStore Store, IReadOnlyList<LsmSnapshot> Snapshots) Build()
    {
        var store = new LsmStore();
        var snapshots = new List<LsmSnapshot>();
        foreach (var step in Script)
        {
            switch (step.Op)
            {
                case "put": store.Put(Bytes(step.Key), Bytes(step.Value)); break;
                case "delete": store.Delete(Bytes(step.Key)); break;
                case "freeze": store.Freeze(); break;
                case "flush": store.Flush(); break;
                default: snapshots.Add(store.OpenSnapshot()); break;
            }
        }

        return (store, snapshots);
    }

    /// <summary>
    /// The store's four sources, newest first, and the scan at <see cref="ReadVersion"/>: for each key, what each
    /// source holds (versions in a memtable, updates in a run; those after the snapshot are faded), what the
    /// source's own iterator offers at the snapshot, which offer wins (the newest source's), and what the scan
    /// returns once tombstones are hidden.
    /// </summary>
    [Scene("lsm-merge-at-snapshot")]
    public static Figure MergeAtSnapshot()
    {
        var (store, _) = Build();
        var sources = Sources(store);
        var result = Read(store.Scan(Bound.Unbounded, Bound.Unbounded, ReadVersion));
        var keys = sources.SelectMany(s => s.Entries.Select(e => e.Key)).Distinct().Order(StringComparer.Ordinal).ToList();

        const double keyWidth = 44, column = 138, top = 58, line = 17;
        var resultX = keyWidth + sources.Count * column + 8;
        var rowHeights = keys.Select(k => sources.Max(s => s.Entries.Count(e => e.Key == k)) * line + 30).ToList();
        var canvas = new SvgCanvas(resultX + 96, top + rowHeights.Sum() + 48);
        for (var s = 0; s < sources.Count; s++)
        {
            var x = keyWidth + s * column;
            canvas.Text(x + 4, 18, sources[s].Name, "label bold").Text(x + 4, 34, sources[s].Detail, "small muted");
        }

        canvas.Text(resultX + 4, 18, "scan", "label bold")
            .Text(resultX + 4, 34, "at v" + ReadVersion.ToString(CultureInfo.InvariantCulture), "small muted");
        var y = top;
        for (var k = 0; k < keys.Count; k++)
        {
            var key = keys[k];
            canvas.Line(8, y - 8, resultX + 90, y - 8, "edge faded").Text(16, y + 12, key, "label bold mono");
            var winnerFound = false;
            for (var s = 0; s < sources.Count; s++)
            {
                var x = keyWidth + s * column;
                var entries = sources[s].Entries.Where(e => e.Key == key).ToList();
                for (var i = 0; i < entries.Count; i++)
                {
                    var entry = entries[i];
                    canvas.Text(x + 4, y + 12 + i * line, entry.Text, entry.Version <= ReadVersion ? "small mono" : "small mono faded", TextAnchor.Start,
                        ("source", s), ("key", key), ("version", entry.Version), ("visible", entry.Version <= ReadVersion));
                }

                if (sources[s].Offers.TryGetValue(key, out var offer))
                {
                    var wins = !winnerFound;
                    winnerFound = true;
                    var chipY = y + entries.Count * line;
                    canvas.Cell(x + 2, chipY, column - 14, 20, "→ " + (offer.Length == 0 ? "tombstone" : offer), wins ? "box c" : "box a",
                        ("offer-source", s), ("key", key), ("offer", offer.Length == 0 ? "(tombstone)" : offer), ("wins", wins));
                }
            }

            var found = result.FirstOrDefault(r => r.Key == key);
            canvas.Cell(resultX + 2, y, 84, 20, found.Value ?? "—", found.Value is null ? "empty" : "box c",
                ("result-key", key), ("result", found.Value ?? "(none)"));
            y += rowHeights[k];
        }

        canvas.Rect(12, y + 4, 14, 14, "box c").Text(32, y + 15, "offer that wins (newest source)", "small")
            .Rect(232, y + 4, 14, 14, "box a").Text(252, y + 15, "offer passed over", "small")
            .Text(372, y + 15, "grey: written after the snapshot", "small faded")
            .Text(12, y + 34, "Sources run newest first, left to right; a scan result of — means the key is deleted.",
                "small muted");
        return canvas.ToFigure(
            "A scan at version " + ReadVersion.ToString(CultureInfo.InvariantCulture) + " over four sources, newest "
            + "first: the mutable memtable, a frozen memtable and two sealed runs. Each source offers its newest "
            + "version of each key at the snapshot; the newest source's offer wins, and a winning tombstone hides the key.");
    }

    /// <summary>
    /// Prints the store's scan at four versions: the read sees exactly the writes up to its version, whichever
    /// source holds them now.
    /// </summary>
    [Scene("lsm-scan-at-versions")]
    public static void ScanAtVersions(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (store, _) = Build();
        foreach (var version in new ulong[] { 4, 7, ReadVersion, store.Version })
        {
            var entries = Read(store.Scan(Bound.Unbounded, Bound.Unbounded, version));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scan at version {version,2}: {string.Join("  ", entries.Select(e => e.Key + "=" + e.Value))}"));
        }
    }

    /// <summary>What one source holds and offers.</summary>
    /// <param name="Name">The source's name.</param>
    /// <param name="Detail">Its kind and the versions it holds.</param>
    /// <param name="Entries">What it holds: each key's versions (memtable) or updates (run), in order.</param>
    /// <param name="Offers">What its own iterator yields at <see cref="ReadVersion"/>: key to value (empty: tombstone).</param>
    public sealed record Source(string Name, string Detail, IReadOnlyList<SourceEntry> Entries, IReadOnlyDictionary<string, string> Offers);

    /// <summary>One thing a source holds for a key.</summary>
    /// <param name="Key">The key.</param>
    /// <param name="Version">The version (memtable) or time (run).</param>
    /// <param name="Text">How the figure writes it.</param>
    public sealed record SourceEntry(string Key, ulong Version, string Text);

    /// <summary>Reads the store's sources, newest first, and what each one's iterator offers at <see cref="ReadVersion"/>.</summary>
    public static IReadOnlyList<Source> Sources(LsmStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (mutable, frozen, runs) = store.InspectSources();
        var sources = new List<Source> { Table("mutable", mutable) };
        sources.AddRange(frozen.Select(t => Table("frozen", t)));
        for (var i = 0; i < runs.Count; i++)
        {
            sources.Add(Run(i == 0 ? "newer run" : "older run", runs[i]));
        }

        return sources;
    }

    private static Source Table(string name, MemTable table)
    {
        var entries = table.Entries().Select(e => new SourceEntry(
            Text(e.Key.Key), e.Key.Version,
            string.Create(CultureInfo.InvariantCulture, $"v{e.Key.Version} {(e.Value.IsEmpty ? "tombstone" : Text(e.Value))}"))).ToList();
        return new Source(name, Versions("memtable", entries), entries,
            Offers(table.Scan(Bound.Unbounded, Bound.Unbounded, ReadVersion)));
    }

    private static Source Run(string name, RunBatch run)
    {
        var entries = new List<SourceEntry>();
        var cursor = run.GetCursor();
        for (cursor.RewindKeys(); cursor.KeyValid; cursor.StepKey())
        {
            for (cursor.RewindVals(); cursor.ValValid; cursor.StepVal())
            {
                var visitor = new Collect(Text(cursor.Key.Memory), Text(cursor.Val.Memory), entries);
                cursor.MapTimes(ref visitor);
            }
        }

        return new Source(name, Versions("run", entries), entries,
            Offers(new RunIterator<RunCursor>(run.GetCursor(), Bound.Unbounded, Bound.Unbounded, ReadVersion)));
    }

    private static string Versions(string kind, List<SourceEntry> entries) => string.Create(CultureInfo.InvariantCulture,
        $"{kind}, v{entries.Min(e => e.Version)}–{entries.Max(e => e.Version)}");

    private static Dictionary<string, string> Offers(IStorageIterator iterator) =>
        Read(iterator).ToDictionary(e => e.Key, e => e.Value ?? "", StringComparer.Ordinal);

    /// <summary>Reads an iterator to its end: each key with its value (empty for a tombstone).</summary>
    public static List<(string Key, string? Value)> Read(IStorageIterator iterator)
    {
        ArgumentNullException.ThrowIfNull(iterator);
        var entries = new List<(string, string?)>();
        for (; iterator.IsValid; iterator.Next())
        {
            entries.Add((Text(iterator.Key), Text(iterator.Value)));
        }

        return entries;
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    private readonly struct Collect(string key, string value, List<SourceEntry> entries) : IUpdateVisitor<Timestamp, long>
    {
        public void Visit(Timestamp time, long diff) => entries.Add(new SourceEntry(
            key, time.Value, string.Create(CultureInfo.InvariantCulture, $"{(diff > 0 ? "+" : "−")}{value} @{time.Value}")));
    }
}
