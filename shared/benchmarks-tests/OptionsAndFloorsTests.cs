using Traces.Benchmarks;
using LongUpdate = Traces.Update<long, long, Traces.Timestamp, long>;

namespace Traces.Benchmarks.Tests;

[Trait("Part", "benchmarks")]
public sealed class OptionsAndFloorsTests
{
    [Fact]
    public void The_quick_run_writes_its_results_beside_its_artifacts_never_into_the_book()
    {
        var options = BenchmarkOptions.Parse(["--quick", "--artifacts", "/tmp/quick-artifacts"]);

        options.Mode.Should().Be(RunMode.Quick);
        options.ResultsPath.Should().Be("/tmp/quick-artifacts/results.json");
    }

    [Fact]
    public void The_full_run_writes_the_books_results_file_at_the_repository_root()
    {
        var options = BenchmarkOptions.Parse(["--full"]);

        options.Mode.Should().Be(RunMode.Full);
        string root = BenchmarkOptions.FindRepositoryRoot(Directory.GetCurrentDirectory());
        File.Exists(Path.Combine(root, "Series.sln")).Should().BeTrue();
        options.ResultsPath.Should().Be(Path.Combine(root, "book", "benchmarks", "results.json"));
    }

    [Fact]
    public void Other_arguments_are_left_to_benchmarkdotnet_and_a_missing_value_is_refused()
    {
        BenchmarkOptions.Parse(["--filter", "*Lookup*"]).Mode.Should().BeNull();
        var parse = () => BenchmarkOptions.Parse(["--full", "--results"]);
        parse.Should().Throw<ArgumentException>().WithMessage("--results needs a value*");
    }

    [Fact]
    public void Benchmarkdotnets_command_line_lists_every_benchmark_class_generic_ones_once_per_type_argument()
    {
        var logger = new BenchmarkDotNet.Loggers.AccumulationLogger();
        var config = BenchmarkDotNet.Configs.ManualConfig.CreateEmpty().AddLogger(logger);

        BenchmarkDotNet.Running.BenchmarkSwitcher.FromTypes([.. BenchmarkConfigs.SwitcherTypes]).Run(["--list", "flat"], config);

        string listed = logger.GetLog();
        BenchmarkConfigs.SwitcherTypes.Should().OnlyContain(type => !type.IsConstructedGenericType);
        listed.Should().Contain("SortFloorBenchmarks<Int64>.Sort").And.Contain("SortFloorBenchmarks<String>.Sort");
        listed.Should().Contain("MergeFloorBenchmarks.Merge").And.Contain("MergeBenchmarks.");
    }

    [Fact]
    public void The_merge_floor_equals_sorting_both_runs_together()
    {
        var input = MergeInput.Create(101, compacting: false);
        var output = new LongUpdate[202];

        int written = Floors.Merge(input.Older, input.Newer, output);

        LongUpdate[] expected = [.. input.Older, .. input.Newer];
        Floors.Sort<long>(expected);
        written.Should().Be(202);
        output.Should().Equal(expected);
    }

    [Fact]
    public void The_merge_floor_refuses_an_output_too_small()
    {
        var input = MergeInput.Create(4, compacting: false);

        var merge = () => Floors.Merge(input.Older, input.Newer, new LongUpdate[7]);

        merge.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Workload_data_is_the_same_for_every_run_and_has_the_shape_asked_for()
    {
        var shape = new Shape(30, 4, 3);

        var first = WorkloadData.ShuffledUpdates<long>(shape);
        var again = WorkloadData.ShuffledUpdates<long>(shape);
        var byTime = WorkloadData.BatchesByTime<long>(shape);

        first.Should().Equal(again);
        first.Should().HaveCount(360).And.OnlyHaveUniqueItems();
        byTime.Should().HaveCount(3);
        byTime.Select((batch, time) => batch.All(update => update.Time.Value == (ulong)time)).Should().AllBeEquivalentTo(true);
        WorkloadData.Batches(first, 100, stampBatchIndex: true).Select(batch => batch.Length).Should().Equal(100, 100, 100, 60);
        shape.ToString().Should().Be("30x4x3");
        new Shape(1_000_000, 1).ToString().Should().Be("1Mx1");
    }
}
