namespace Traces.Benchmarks;

/// <summary>
/// Runs the two workloads BenchmarkDotNet does not measure, memory and latency, over every subject that takes part,
/// and files their figures.
/// </summary>
public static class Probes
{
    /// <summary>Measures memory and latency.</summary>
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
    }

    /// <summary>Measures bytes retained per update for two snapshots and a history.</summary>
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
                var result = LatencyProbe.Measure(() => catalog.Create<long>(name), singles);
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
