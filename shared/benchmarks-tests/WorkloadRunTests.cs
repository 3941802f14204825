using Traces.Benchmarks;

namespace Traces.Benchmarks.Tests;

/// <summary>Every workload, on every registered subject, runs once at a tiny size and answers what the data implies.</summary>
[Trait("Part", "benchmarks")]
public sealed class WorkloadRunTests
{
    private static readonly WorkloadSizes Sizes = WorkloadSizes.Tiny;

    public static TheoryData<string> LongInsertSubjects => new(SubjectCatalog.Default.Names<long>(TraceWorkloads.Insert));

    public static TheoryData<string> StringInsertSubjects => new(SubjectCatalog.Default.Names<string>(TraceWorkloads.Insert));

    public static TheoryData<string> LookupSubjects => new(SubjectCatalog.Default.Names<long>(TraceWorkloads.Lookup));

    public static TheoryData<string> MergeSubjects => new(SubjectCatalog.Default.Names<long>(TraceWorkloads.Merge));

    [Theory]
    [MemberData(nameof(LongInsertSubjects))]
    public void Insert_with_long_keys_holds_every_value_of_a_key(string subject) => CheckInsert<long>(subject);

    [Theory]
    [MemberData(nameof(StringInsertSubjects))]
    public void Insert_with_string_keys_holds_every_value_of_a_key(string subject) => CheckInsert<string>(subject);

    [Theory]
    [MemberData(nameof(LookupSubjects))]
    public void Lookups_find_one_update_per_key(string subject)
    {
        foreach (var order in (KeyOrder[])[KeyOrder.Random, KeyOrder.Sorted])
        {
            var benchmark = new LookupBenchmarks { Subject = subject, Order = order, Shape = Sizes.Tall, Batches = Sizes.LookupBatches };
            benchmark.Setup();

            benchmark.Lookup().Should().Be(benchmark.LookupsPerOperation, $"{subject} looks up {order} keys, each present once");
        }
    }

    [Theory]
    [MemberData(nameof(MergeSubjects))]
    public void Merges_keep_what_the_merge_inputs_imply(string subject)
    {
        foreach (bool compacting in (bool[])[false, true])
        {
            var benchmark = new MergeBenchmarks { Subject = subject, Compacting = compacting, Keys = Sizes.MergeKeys };
            benchmark.Setup();
            benchmark.LoadOlder();

            benchmark.Merge().Should().Be(benchmark.ExpectedResult, $"{subject} merges with compacting={compacting}");
        }
    }

    [Fact]
    public void The_sort_floor_sorts_every_update()
    {
        var benchmark = new SortFloorBenchmarks<string> { Shape = Sizes.StringKeys };
        benchmark.Setup();
        benchmark.Shuffle();

        benchmark.Sort().Should().Be(Sizes.StringKeys.Updates);
        benchmark.Sorted.ToArray().Should().BeInAscendingOrder(default(UpdateOrder<string, long, Timestamp, long>));
    }

    [Fact]
    public void The_merge_floor_merges_both_batches_in_order()
    {
        var benchmark = new MergeFloorBenchmarks { Keys = Sizes.MergeKeys };
        benchmark.Setup();

        benchmark.Merge().Should().Be(2 * Sizes.MergeKeys);
        benchmark.Merged.ToArray().Should().BeInAscendingOrder(default(UpdateOrder<long, long, Timestamp, long>));
    }

    [Fact]
    public void A_probe_that_throws_is_reported_and_the_others_still_run()
    {
        var catalog = new SubjectCatalog(new TraceRegistry().Add("broken", () => new ThrowingTrace<long>()));
        var figures = new Figures();
        var failures = new List<string>();

        Probes.RunLatency(catalog, Sizes, figures, failures);

        failures.Should().ContainSingle().Which.Should().StartWith("latency broken: InvalidOperationException");
        figures.Get(WorkloadIds.Latency, SubjectNames.Dictionary, "worst").Should().NotBeNull();
    }

    private static void CheckInsert<TKey>(string subject)
        where TKey : notnull, IComparable<TKey>
    {
        foreach (var shape in Sizes.InsertShapes<TKey>())
        {
            foreach (int batchSize in Sizes.InsertBatchSizes<TKey>())
            {
                var benchmark = new InsertBenchmarks<TKey> { Subject = subject, Shape = shape, BatchSize = batchSize };
                benchmark.Setup();

                benchmark.Insert().Should().Be(shape.Vals, $"{subject} loads {shape} in batches of {batchSize}");
            }
        }
    }
}
