using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Validators;

namespace Traces.Benchmarks;

/// <summary>The BenchmarkDotNet configurations of the two modes, and the benchmark classes they run.</summary>
/// <remarks>
/// Both run in process: each workload operation is long (it loads or merges up to a million updates), so the
/// harness's own overhead does not matter, and the quick run avoids building a separate benchmark program. Every
/// operation is one invocation (the insert, merge and sort workloads need fresh data per invocation); the full
/// run uses the monitoring strategy, which measures such long operations without pilot runs.
/// </remarks>
public static class BenchmarkConfigs
{
    /// <summary>Gets the benchmark classes, in the order they run.</summary>
    public static IReadOnlyList<Type> BenchmarkTypes { get; } =
    [
        typeof(SortFloorBenchmarks<long>),
        typeof(InsertBenchmarks<long>),
        typeof(SortFloorBenchmarks<string>),
        typeof(InsertBenchmarks<string>),
        typeof(LookupBenchmarks),
        typeof(FingerLookupBenchmarks),
        typeof(MergeFloorBenchmarks),
        typeof(MergeBenchmarks),
        typeof(ScanBenchmarks),
        typeof(LsmPeerBenchmarks),
        typeof(JunctionBenchmarks),
        typeof(JunctionWalkBenchmarks),
    ];

    /// <summary>
    /// Gets the benchmark classes as BenchmarkDotNet's command line wants them: a generic class once, as its
    /// definition, which the switcher closes over the class's <c>GenericTypeArguments</c> attributes itself.
    /// </summary>
    public static IReadOnlyList<Type> SwitcherTypes { get; } =
        [.. BenchmarkTypes.Select(type => type.IsGenericType ? type.GetGenericTypeDefinition() : type).Distinct()];

    /// <summary>Creates the configuration of <paramref name="mode"/>, exporting into <paramref name="artifacts"/>.</summary>
    /// <param name="mode">The mode.</param>
    /// <param name="artifacts">The folder BenchmarkDotNet writes its logs and exported results to.</param>
    public static ManualConfig Create(RunMode mode, string artifacts)
    {
        // At full sizes a case can take minutes on a busy machine: the timeout only catches a hung benchmark.
        var job = Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
            .WithLaunchCount(1)
            .WithInvocationCount(1)
            .WithUnrollFactor(1);
        job = mode == RunMode.Quick
            ? job.WithStrategy(RunStrategy.ColdStart).WithWarmupCount(0).WithIterationCount(1).WithId("quick")
            : job.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(1).WithIterationCount(3).WithId("full");

        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddExporter(JsonExporter.Full, CsvExporter.Default, MarkdownExporter.GitHub)
            .AddValidator(JitOptimizationsValidator.FailOnError)
            .WithArtifactsPath(artifacts)
            .WithOption(ConfigOptions.JoinSummary, false);

        // The quick run prints only its summary lines; BenchmarkDotNet's log still goes to the artifacts folder.
        return config.AddLogger(mode == RunMode.Full ? ConsoleLogger.Default : SilentLogger.Instance);
    }
}
