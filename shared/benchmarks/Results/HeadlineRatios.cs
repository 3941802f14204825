namespace Traces.Benchmarks;

/// <summary>
/// The series' headline targets, computed from a run's figures. A headline whose parts are not registered (so
/// were not measured) is left out.
/// </summary>
/// <remarks>
/// Every ratio divides one measured quantity by another, both named in the ratio's name, so that the larger side
/// is the slower or bigger one: <c>part5-load/array-sort 1.7</c> means loading into part 5 took 1.7 times as long
/// as sorting the same updates. Where a part has a native path for a workload, its better figure counts.
/// </remarks>
public static class HeadlineRatios
{
    /// <summary>The name part 5 is registered under.</summary>
    public const string Part5 = "part5";

    /// <summary>The name of part 5's spine with its unfueled "merge everything now" policy.</summary>
    public const string Part5Unfueled = "part5-unfueled";

    /// <summary>The name the LSM store is registered under in the store workload (as sealed runs).</summary>
    public const string Part5Lsm = "part5-lsm";

    /// <summary>Computes every headline that <paramref name="figures"/> holds the measurements for.</summary>
    /// <param name="figures">The run's figures.</param>
    /// <param name="sizes">The sizes the run used (they name the snapshot shapes).</param>
    public static IReadOnlyList<Headline> Compute(Figures figures, WorkloadSizes sizes)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(sizes);
        var headlines = new List<Headline>();

        void AddRatio(string name, double? numerator, double? denominator, bool atMost, double bound)
        {
            if (numerator is { } top && denominator is { } bottom && bottom > 0)
            {
                headlines.Add(new Headline(HeadlineKind.Ratio, name, top / bottom, atMost, bound));
            }
        }

        void AddMedian(string pair, double bound)
        {
            if (figures.Get(WorkloadIds.SideBySide, pair, SideBySidePairs.Ratio) is { } ratio)
            {
                headlines.Add(new Headline(HeadlineKind.Ratio, pair, ratio, AtMost: true, bound));
            }
        }

        void AddBytes(string name, double? bytes, double bound)
        {
            if (bytes is { } value)
            {
                headlines.Add(new Headline(HeadlineKind.BytesPerUpdate, name, value, AtMost: true, bound));
            }
        }

        // The two ratios against a floor come from the side-by-side rounds, not from figures taken minutes apart.
        AddMedian(SideBySidePairs.Load, 2);
        string load = WorkloadIds.InsertVariant(sizes.Tall, sizes.LargestBatch);
        double? part5Load = figures.Get(WorkloadIds.Insert, Part5, load);
        AddRatio(
            $"{SubjectNames.NestedSortedDictionary}-load/{Part5}-load",
            figures.Get(WorkloadIds.Insert, SubjectNames.NestedSortedDictionary, load),
            part5Load,
            atMost: false,
            5);

        string tall = WorkloadIds.SnapshotVariant(sizes.Tall);
        string square = WorkloadIds.SnapshotVariant(sizes.Square);
        AddBytes($"{Part5}-{tall}", figures.Get(WorkloadIds.Memory, Part5, tall), 28);
        AddBytes($"{Part5}-{square}", figures.Get(WorkloadIds.Memory, Part5, square), 16);
        AddRatio(
            $"{Part5}-{tall}/part1-{tall}",
            figures.Get(WorkloadIds.Memory, Part5, tall),
            figures.Get(WorkloadIds.Memory, "part1", tall),
            atMost: true,
            0.25);

        // Strings stored flat against strings as objects in arrays, both part 5, string keys and string values.
        string strings = WorkloadIds.SnapshotVariant(sizes.StringKeys);
        AddRatio(
            $"{StringMemoryProbe.Slices}-{strings}/{StringMemoryProbe.Arrays}-{strings}",
            figures.Get(WorkloadIds.MemoryStrings, StringMemoryProbe.Slices, strings),
            figures.Get(WorkloadIds.MemoryStrings, StringMemoryProbe.Arrays, strings),
            atMost: true,
            0.5);

        // Only the batch merger merges: adding two batches to the trace seals one and holds the other back.
        AddMedian(SideBySidePairs.Merge, 2);

        string random = WorkloadIds.LookupVariant(KeyOrder.Random);
        string sorted = WorkloadIds.LookupVariant(KeyOrder.Sorted);
        // Times per look-up: part 4 may take at most 1 / 0.7 of the Dictionary's time (0.7x its throughput).
        AddRatio(
            $"part4-lookup/{SubjectNames.Dictionary}-lookup",
            BestLookup(figures, "part4", random),
            figures.Get(WorkloadIds.Lookup, SubjectNames.Dictionary, random),
            atMost: true,
            Math.Round(1 / 0.7, 2));

        // Part 5 through its read path against part 1 (whichever of part 1's paths is faster).
        AddRatio(
            $"{SubjectNames.CursorLookup(Part5)}-lookup/part1-lookup",
            figures.Get(WorkloadIds.Lookup, SubjectNames.CursorLookup(Part5), random),
            BestLookup(figures, "part1", random),
            atMost: true,
            1);

        // Fingers: the largest sorted batch against the same number of keys in random order.
        if (sizes.FingerBatchSizes.Length > 0)
        {
            int largest = sizes.FingerBatchSizes.Max();
            string fingerRandom = WorkloadIds.FingerVariant(KeyOrder.Random, largest);
            string fingerSorted = WorkloadIds.FingerVariant(KeyOrder.Sorted, largest);
            foreach (var (part, target) in (ReadOnlySpan<(string, double)>)[("part3", 1.5), ("part4", 1.5), (Part5, 2)])
            {
                string cursor = SubjectNames.CursorLookup(part);
                AddRatio(
                    $"{cursor}-random-{Shape.Abbreviate(largest)}/{cursor}-sorted-{Shape.Abbreviate(largest)}",
                    figures.Get(WorkloadIds.FingerLookup, cursor, fingerRandom),
                    figures.Get(WorkloadIds.FingerLookup, cursor, fingerSorted),
                    atMost: false,
                    target);
            }
        }

        // The merge work a single Add may do, so the slowest Adds are compared with the collector's pauses taken out.
        AddRatio(
            $"{Part5Unfueled}-worst-add/{Part5}-worst-add",
            figures.Get(WorkloadIds.Latency, Part5Unfueled, "worst-own"),
            figures.Get(WorkloadIds.Latency, Part5, "worst-own"),
            atMost: false,
            30);

        // The LSM store (three sealed runs) against RocksDB with everything in its memtable, the in-memory peer;
        // the names divide RocksDB's time by the store's, so a ratio of 1 means the store is as fast.
        string scan = WorkloadIds.StoreVariant(StoreOperation.Scan);
        string get = WorkloadIds.StoreVariant(StoreOperation.Get);
        AddRatio(
            $"{StorePeers.RocksDb}-scan/{Part5Lsm}-scan",
            figures.Get(WorkloadIds.Store, StorePeers.RocksDb, scan),
            figures.Get(WorkloadIds.Store, Part5Lsm, scan),
            atMost: false,
            1);
        AddRatio(
            $"{StorePeers.RocksDb}-get/{Part5Lsm}-get",
            figures.Get(WorkloadIds.Store, StorePeers.RocksDb, get),
            figures.Get(WorkloadIds.Store, Part5Lsm, get),
            atMost: false,
            0.5);
        return headlines;
    }

    private static double? BestLookup(Figures figures, string part, string variant) =>
        Best(figures, WorkloadIds.Lookup, variant, SubjectNames.NativeLookup(part), SubjectNames.CursorLookup(part), part);

    /// <summary>Returns the smallest of the subjects' figures (the fastest path), or <see langword="null"/> if none was measured.</summary>
    private static double? Best(Figures figures, string workload, string variant, params string[] subjects)
    {
        double? best = null;
        foreach (string subject in subjects)
        {
            if (figures.Get(workload, subject, variant) is { } value && (best is null || value < best))
            {
                best = value;
            }
        }

        return best;
    }
}
