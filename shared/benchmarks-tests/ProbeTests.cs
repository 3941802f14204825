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
    public void Memory_latency_and_side_by_side_probes_measure_every_subject_without_failures()
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
        foreach (var (name, _) in StringMemoryProbe.Subjects)
        {
            figures.Get(WorkloadIds.MemoryStrings, name, WorkloadIds.SnapshotVariant(Sizes.StringKeys)).Should().BePositive(name);
        }

        foreach (string pair in (string[])[SideBySidePairs.Load, SideBySidePairs.Merge])
        {
            double measured = figures.Get(WorkloadIds.SideBySide, pair, SideBySidePairs.Measured)!.Value;
            double floor = figures.Get(WorkloadIds.SideBySide, pair, SideBySidePairs.Floor)!.Value;
            (measured, floor).Should().Match<(double Measured, double Floor)>(times => times.Measured > 0 && times.Floor > 0, pair);
            figures.Get(WorkloadIds.SideBySide, pair, SideBySidePairs.Ratio).Should().BePositive(pair);
        }
    }

    [Fact]
    public void The_side_by_side_probe_prepares_and_runs_each_operation_once_per_round_plus_a_warm_up()
    {
        int measuredPrepared = 0, measuredRuns = 0, floorPrepared = 0, floorRuns = 0;
        var order = new List<char>();

        var result = SideBySideProbe.Measure(
            () =>
            {
                measuredPrepared++;
                return () => { measuredRuns++; order.Add('m'); return 1; };
            },
            () =>
            {
                floorPrepared++;
                return () => { floorRuns++; order.Add('f'); return 1; };
            },
            rounds: 4);

        (measuredPrepared, measuredRuns, floorPrepared, floorRuns).Should().Be((5, 5, 5, 5));
        new string([.. order]).Should().Be("mf" + "mf" + "fm" + "mf" + "fm", "after the warm-up the two alternate which goes first");
        result.MeasuredNanoseconds.Should().BePositive();
        result.FloorNanoseconds.Should().BePositive();
        result.Ratio.Should().BePositive();
    }

    [Fact]
    public void The_latency_probe_refuses_a_missing_factory_or_batches_and_no_runs()
    {
        var batches = LatencyProbe.SingleUpdateBatches(10);
        Func<IndexSubject<long>> create = () => SubjectCatalog.Default.Create<long>("part5");

        FluentActions.Invoking(() => LatencyProbe.Measure(null!, batches, 1)).Should().Throw<ArgumentNullException>().WithParameterName("create");
        FluentActions.Invoking(() => LatencyProbe.Measure(create, null!, 1)).Should().Throw<ArgumentNullException>().WithParameterName("batches");
        FluentActions.Invoking(() => LatencyProbe.Measure(create, batches, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("runs");
    }

    [Fact]
    public void The_side_by_side_probe_refuses_missing_operations_and_no_rounds()
    {
        Func<Func<long>> operation = () => () => 1;

        FluentActions.Invoking(() => SideBySideProbe.Measure(null!, operation, 3)).Should().Throw<ArgumentNullException>().WithParameterName("measured");
        FluentActions.Invoking(() => SideBySideProbe.Measure(operation, null!, 3)).Should().Throw<ArgumentNullException>().WithParameterName("floor");
        FluentActions.Invoking(() => SideBySideProbe.Measure(operation, operation, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("rounds");
    }

    [Fact]
    public void A_flat_array_of_updates_retains_32_bytes_per_update()
    {
        // Large enough that the array's header, the collector's bookkeeping and the few kilobytes the test host's
        // own threads allocate meanwhile (the heap size is the whole process's) vanish in the average: at 100 000
        // updates a run under load measured 32.16.
        var batches = WorkloadData.Batches(WorkloadData.ShuffledUpdates<long>(new Shape(1_000_000, 1)), 10_000, stampBatchIndex: false);

        MemoryProbe.FlatArrayBytesPerUpdate(batches).Should().BeApproximately(32, 0.1);
    }
}
