using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Traces.Benchmarks;

namespace Traces.Benchmarks.Tests;

/// <summary>A real in-process BenchmarkDotNet run, as the quick mode does it, read back into figures.</summary>
[Trait("Part", "benchmarks")]
public sealed class BenchmarkDotNetRunTests : IDisposable
{
    private readonly string _artifacts = Path.Combine(Path.GetTempPath(), "traces-benchmarks-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);

    // Tests run a Debug build, which the optimization check would rightly refuse to measure.
    private ManualConfig QuickConfig() =>
        BenchmarkConfigs.Create(RunMode.Quick, _artifacts).WithOptions(ConfigOptions.DisableOptimizationsValidator);

    [Fact]
    public void A_quick_run_files_a_figure_per_case_and_exports_its_reports()
    {
        var figures = new Figures();
        var failures = new List<string>();
        var sizes = WorkloadSizes.Current;

        var summary = BenchmarkRunner.Run<MergeFloorBenchmarks>(QuickConfig());
        BenchmarkSession.Collect([summary], sizes, figures, failures);

        failures.Should().BeEmpty();
        figures.Get(WorkloadIds.Merge, SubjectNames.MergeFloor, "plain").Should().BePositive();
        Directory.GetFiles(Path.Combine(_artifacts, "results")).Select(Path.GetExtension).Should().Contain([".json", ".csv", ".md"]);
    }

    [Fact]
    public void A_benchmark_that_throws_is_a_failure()
    {
        var figures = new Figures();
        var failures = new List<string>();

        var summary = BenchmarkRunner.Run<ThrowingBenchmarks>(QuickConfig());
        BenchmarkSession.Collect([summary], WorkloadSizes.Tiny, figures, failures);

        failures.Should().ContainSingle().Which.Should().Contain("ThrowingBenchmarks");
        figures.Count.Should().Be(0);
    }
}

public class ThrowingBenchmarks
{
    private readonly string _message = "broken";

    [Benchmark]
    public long Throw() => throw new InvalidOperationException(_message);
}
