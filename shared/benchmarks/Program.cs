using BenchmarkDotNet.Running;
using Traces.Benchmarks;

// dotnet run -c Release --project shared/benchmarks -- --quick | --full | --scale [--artifacts DIR] [--results FILE]
// Any other arguments go to BenchmarkDotNet's own command line (e.g. --filter *Lookup*) with the full sizes.
var options = BenchmarkOptions.Parse(args);
if (options.Mode is not { } mode)
{
    BenchmarkSwitcher.FromTypes([.. BenchmarkConfigs.SwitcherTypes]).Run(args, BenchmarkConfigs.Create(RunMode.Full, options.Artifacts));
    return 0;
}

if (mode == RunMode.Scale)
{
    return ScaleSession.Run(ScaleSizes.Full, options.ResultsPath, Console.Out);
}

return BenchmarkSession.Run(mode, options.Artifacts, options.ResultsPath, Console.Out, Console.Error);
