namespace Traces.Benchmarks;

/// <summary>
/// Runs what BenchmarkDotNet does not measure, memory and latency over every subject that takes part and part 5's
/// side-by-side comparisons with the floors, and files their figures.
/// </summary>
public static class Probes
{
    /// <summary>Measures memory, latency and the side-by-side comparisons.</summary>
    /// <param name="catalog">The subjects.</param>
    /// <param name="sizes">The sizes.</param>
    /// <param name="figures">Receives the figures.</param>
    /// <param name="failures">Receives one line per subject and variant that threw.</param>
    public static void Run(SubjectCatalog catalog, WorkloadSizes sizes, Figures figures, ICollection<string> failures)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(failures);
        RunMemory(catalog, sizes, figures, failures);
        RunLatency(catalog, sizes, figures, failures);
        RunSideBySide(catalog, sizes, figures, failures);
        BlogProbe.Run(catalog, sizes, figures, failures);
    }

    /// <summary>
    /// Holds part 5 against the floors with <see cref="SideBySideProbe"/>: loading the tall shape in the largest
    /// batches against sorting the same updates, and the batch merger against the merge floor.
    /// </summary>
    /// <param name="catalog">The subjects; nothing runs unless part 5 (and, for the merge, its merger) is registered.</param>
    /// <param name="sizes">The sizes.</param>
    /// <param name="figures">Receives the figures, under <see cref="WorkloadIds.SideBySide"/>.</param>
    /// <param name="failures">Receives the failures.</param>
    public static void RunSideBySide(SubjectCatalog catalog, WorkloadSizes sizes, Figures figures, ICollection<string> failures)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(failures);
        string part5 = HeadlineRatios.Part5;
        if (catalog.Names<long>(TraceWorkloads.Insert).Contains(part5))
        {
            Attempt($"side-by-side {SideBySidePairs.Load}", failures, () =>
                File(figures, SideBySidePairs.Load, LoadAgainstSort(catalog, part5, sizes)));
        }

        if (catalog.FindNativeMerge(SubjectNames.NativeMerge(part5)) is { } merge)
        {
            Attempt($"side-by-side {SideBySidePairs.Merge}", failures, () =>
                File(figures, SideBySidePairs.Merge, MergeAgainstFloor(merge, sizes)));
        }
    }

    #region side-by-side-pairs
    private static SideBySideResult LoadAgainstSort(
        SubjectCatalog catalog, string part, WorkloadSizes sizes)
    {
        // The insert workload's load, and the same updates (each stamped with its
        // batch's time) sorted at once.
        var updates = WorkloadData.ShuffledUpdates<long>(sizes.Tall);
        var batches = WorkloadData.Batches(updates, sizes.LargestBatch, stampBatchIndex: true);
        LongUpdate[] stamped = [.. batches.SelectMany(batch => batch)];
        long probe = updates[0].Key;
        return SideBySideProbe.Measure(
            () =>
            {
                var subject = catalog.Create<long>(part);
                return () =>
                {
                    foreach (var batch in batches)
                    {
                        subject.Add(batch);
                    }

                    return Expect(subject.Lookup(probe), 1);
                };
            },
            () =>
            {
                var scratch = stamped.ToArray();
                return () =>
                {
                    Floors.Sort<long>(scratch);
                    return scratch.Length;
                };
            },
            sizes.SideBySideRounds);
    }

    private static SideBySideResult MergeAgainstFloor(NativeMerge merge, WorkloadSizes sizes)
    {
        // The merge workload's plain merge; the native merge builds its two
        // batches once, here, untimed.
        var input = MergeInput.Create(sizes.MergeKeys, compacting: false);
        var merged = merge(input);
        return SideBySideProbe.Measure(
            () => () => Expect(merged(), input.ExpectedOutput),
            () => () =>
            {
                var output = new LongUpdate[input.Older.Length + input.Newer.Length];
                return Floors.Merge(input.Older, input.Newer, output);
            },
            sizes.SideBySideRounds);
    }
    #endregion

    private static long Expect(long actual, long expected) =>
        actual == expected ? actual : throw new InvalidOperationException($"The operation returned {actual}, not {expected}.");

    private static void File(Figures figures, string pair, SideBySideResult result)
    {
        figures.Set(WorkloadIds.SideBySide, pair, SideBySidePairs.Measured, result.MeasuredNanoseconds);
        figures.Set(WorkloadIds.SideBySide, pair, SideBySidePairs.Floor, result.FloorNanoseconds);
        figures.Set(WorkloadIds.SideBySide, pair, SideBySidePairs.Ratio, result.Ratio);
    }

    /// <summary>
    /// Measures bytes retained per update for two snapshots and a history, and for part 5's string snapshot with
    /// strings in arrays and stored flat (<see cref="StringMemoryProbe"/>).
    /// </summary>
    /// <param name="catalog">The subjects.</param>
    /// <param name="sizes">The sizes.</param>
    /// <param name="figures">Receives the figures.</param>
    /// <param name="failures">Receives the failures.</param>
    public static void RunMemory(SubjectCatalog catalog, WorkloadSizes sizes, Figures figures, ICollection<string> failures)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(failures);
        (string Variant, LongUpdate[][] Batches)[] datasets =
        [
            (WorkloadIds.SnapshotVariant(sizes.Tall), Snapshot(sizes.Tall)),
            (WorkloadIds.SnapshotVariant(sizes.Square), Snapshot(sizes.Square)),
            (WorkloadIds.HistoryVariant(sizes.History), WorkloadData.BatchesByTime<long>(sizes.History)),
        ];
        foreach (string name in catalog.Names<long>(TraceWorkloads.Memory))
        {
            foreach (var (variant, batches) in datasets)
            {
                Attempt($"memory {name} {variant}", failures, () =>
                    figures.Set(WorkloadIds.Memory, name, variant, MemoryProbe.BytesPerUpdate(() => catalog.Create<long>(name), batches)));
            }
        }

        foreach (var (variant, batches) in datasets)
        {
            figures.Set(WorkloadIds.Memory, SubjectNames.ArraySort, variant, MemoryProbe.FlatArrayBytesPerUpdate(batches));
        }

        string strings = WorkloadIds.SnapshotVariant(sizes.StringKeys);
        foreach (var (name, create) in StringMemoryProbe.Subjects)
        {
            Attempt($"memory {name} {strings}", failures, () =>
                figures.Set(WorkloadIds.MemoryStrings, name, strings, StringMemoryProbe.BytesPerUpdate(create, sizes.StringKeys)));
        }
    }

    /// <summary>Measures the worst and mean single-update <c>Add</c>.</summary>
    /// <param name="catalog">The subjects.</param>
    /// <param name="sizes">The sizes.</param>
    /// <param name="figures">Receives the figures.</param>
    /// <param name="failures">Receives the failures.</param>
    public static void RunLatency(SubjectCatalog catalog, WorkloadSizes sizes, Figures figures, ICollection<string> failures)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(failures);
        var singles = LatencyProbe.SingleUpdateBatches(sizes.LatencyUpdates);
        foreach (string name in catalog.Names<long>(TraceWorkloads.Latency))
        {
            Attempt($"latency {name}", failures, () =>
            {
                var result = LatencyProbe.Measure(() => catalog.Create<long>(name), singles, sizes.LatencyRuns);
                figures.Set(WorkloadIds.Latency, name, "worst", result.WorstNanoseconds);
                figures.Set(WorkloadIds.Latency, name, "worst-own", result.WorstOwnNanoseconds);
                figures.Set(WorkloadIds.Latency, name, "mean", result.MeanNanoseconds);
            });
        }
    }

    private static LongUpdate[][] Snapshot(Shape shape) =>
        WorkloadData.Batches(WorkloadData.ShuffledUpdates<long>(shape), WorkloadSizes.LoadBatchSize, stampBatchIndex: false);

    // A probe that throws is reported and the run goes on, so one broken part cannot hide the others' figures.
#pragma warning disable CA1031
    private static void Attempt(string what, ICollection<string> failures, Action probe)
    {
        try
        {
            probe();
        }
        catch (Exception exception)
        {
            failures.Add($"{what}: {exception.GetType().Name}: {exception.Message}");
        }
    }
#pragma warning restore CA1031
}
