using Traces.Benchmarks;

namespace Traces.Benchmarks.Tests;

/// <summary>The memory probe reads the whole process's heap, so nothing else may run beside it.</summary>
[CollectionDefinition(nameof(ProbeTests), DisableParallelization = true)]
public sealed class ProbeTestsCollection;

[Trait("Part", "benchmarks")]
[Collection(nameof(ProbeTests))]
public sealed class ProbeTests
{
    private static readonly WorkloadSizes Sizes = WorkloadSizes.Tiny;

    [Fact]
    public void Memory_and_latency_probes_measure_every_subject_without_failures()
    {
        var figures = new Figures();
        var failures = new List<string>();

        Probes.Run(SubjectCatalog.Default, Sizes, figures, failures);

        failures.Should().BeEmpty();
        foreach (string subject in SubjectCatalog.Default.Names<long>(TraceWorkloads.Memory))
        {
            figures.Get(WorkloadIds.Memory, subject, WorkloadIds.SnapshotVariant(Sizes.Square)).Should().BeGreaterThan(0, subject);
            figures.Get(WorkloadIds.Memory, subject, WorkloadIds.HistoryVariant(Sizes.History)).Should().BeGreaterThan(0, subject);
        }

        foreach (string subject in SubjectCatalog.Default.Names<long>(TraceWorkloads.Latency))
        {
            figures.Get(WorkloadIds.Latency, subject, "worst").Should().BeGreaterThanOrEqualTo(figures.Get(WorkloadIds.Latency, subject, "mean")!.Value);
            figures.Get(WorkloadIds.Latency, subject, "worst").Should().BeGreaterThanOrEqualTo(figures.Get(WorkloadIds.Latency, subject, "worst-own")!.Value);
            figures.Get(WorkloadIds.Latency, subject, "worst-own").Should().BePositive(subject);
        }
        figures.Get(WorkloadIds.Memory, SubjectNames.ArraySort, WorkloadIds.SnapshotVariant(Sizes.Tall)).Should().BePositive();
    }

    [Fact]
    public void A_flat_array_of_updates_retains_32_bytes_per_update()
    {
        // Large enough that the array's header and the collector's bookkeeping vanish in the average.
        var batches = WorkloadData.Batches(WorkloadData.ShuffledUpdates<long>(new Shape(100_000, 1)), 10_000, stampBatchIndex: false);

        MemoryProbe.FlatArrayBytesPerUpdate(batches).Should().BeApproximately(32, 0.1);
    }
}
