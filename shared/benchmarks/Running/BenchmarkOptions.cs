namespace Traces.Benchmarks;

/// <summary>The benchmark program's own options.</summary>
/// <param name="Mode">The mode; <see langword="null"/> to hand the arguments to BenchmarkDotNet.</param>
/// <param name="Artifacts">The folder for BenchmarkDotNet's logs and exports.</param>
/// <param name="ResultsPath">Where the results file goes.</param>
public sealed record BenchmarkOptions(RunMode? Mode, string Artifacts, string ResultsPath)
{
    /// <summary>
    /// Parses <c>--quick</c>, <c>--full</c> or <c>--scale</c>, <c>--artifacts DIR</c> and <c>--results FILE</c>.
    /// Defaults, relative to the repository root: artifacts in <c>artifacts/benchmarks-quick</c> or
    /// <c>artifacts/benchmarks</c>; the quick run's results file in its artifacts folder, the full run's in
    /// <c>book/benchmarks/results.json</c>, the scale run's in <c>book/benchmarks/scale.json</c>.
    /// </summary>
    /// <param name="args">The arguments.</param>
    /// <exception cref="ArgumentException"><c>--artifacts</c> or <c>--results</c> lacks its value.</exception>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        RunMode? mode = args.Contains("--quick") ? RunMode.Quick
            : args.Contains("--full") ? RunMode.Full
            : args.Contains("--scale") ? RunMode.Scale
            : null;
        string root = FindRepositoryRoot(Directory.GetCurrentDirectory());
        string artifacts = Value(args, "--artifacts")
            ?? Path.Combine(root, "artifacts", mode == RunMode.Quick ? "benchmarks-quick" : "benchmarks");
        string results = Value(args, "--results") ?? mode switch
        {
            RunMode.Full => Path.Combine(root, "book", "benchmarks", "results.json"),
            RunMode.Scale => Path.Combine(root, "book", "benchmarks", "scale.json"),
            _ => Path.Combine(artifacts, "results.json"),
        };
        return new BenchmarkOptions(mode, Path.GetFullPath(artifacts), Path.GetFullPath(results));
    }

    /// <summary>Returns the nearest directory at or above <paramref name="start"/> holding <c>Series.sln</c>, else <paramref name="start"/>.</summary>
    /// <param name="start">Where to start looking.</param>
    public static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Series.sln")))
            {
                return directory.FullName;
            }
        }

        return start;
    }

    private static string? Value(IReadOnlyList<string> args, string option)
    {
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == option)
            {
                return i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{option} needs a value.", nameof(args));
            }
        }

        return null;
    }
}
