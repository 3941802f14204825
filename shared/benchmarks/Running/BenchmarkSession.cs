using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Traces.Benchmarks;

/// <summary>
/// One run of every workload: BenchmarkDotNet for the timed workloads, then the memory and latency probes; then the
/// results file and one line per headline.
/// </summary>
public static class BenchmarkSession
{
    /// <summary>Runs every workload.</summary>
    /// <param name="mode">The mode.</param>
    /// <param name="artifacts">The folder for BenchmarkDotNet's logs and exports.</param>
    /// <param name="resultsPath">Where to write the results file.</param>
    /// <param name="output">Receives the headline lines.</param>
    /// <param name="errors">Receives one line per failure.</param>
    /// <returns>0 if every benchmark ran, 1 if any threw.</returns>
    public static int Run(RunMode mode, string artifacts, string resultsPath, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var started = Stopwatch.StartNew();
        var sizes = mode == RunMode.Quick ? WorkloadSizes.Quick : WorkloadSizes.Full;
        WorkloadSizes.Current = sizes;
        var figures = new Figures();
        var failures = new List<string>();

        var summaries = BenchmarkRunner.Run([.. BenchmarkConfigs.BenchmarkTypes], BenchmarkConfigs.Create(mode, artifacts));
        Collect(summaries, sizes, figures, failures);
        Probes.Run(SubjectCatalog.Default, sizes, figures, failures);

        var results = ResultsBuilder.Build(
            figures,
            sizes,
            RowOrder(SubjectCatalog.Default),
            DescribeMachine(),
            RuntimeInformation.FrameworkDescription,
            DateOnly.FromDateTime(DateTime.UtcNow),
            mode == RunMode.Quick ? "quick" : "full");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(resultsPath))!);
        File.WriteAllText(resultsPath, results.ToJson());

        foreach (var headline in HeadlineRatios.Compute(figures, sizes))
        {
            output.WriteLine(headline.LineAt(sizes));
        }

        foreach (string failure in failures)
        {
            errors.WriteLine("failed " + failure);
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{mode.ToString().ToLowerInvariant()}: {figures.Count} figures, {failures.Count} failures, {started.Elapsed.TotalSeconds:0} s; results in {resultsPath}"));
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Files the figures of every successful benchmark case and reports every other one as a failure.</summary>
    /// <param name="summaries">BenchmarkDotNet's summaries.</param>
    /// <param name="sizes">The run's sizes.</param>
    /// <param name="figures">Receives the figures.</param>
    /// <param name="failures">Receives the failures.</param>
    public static void Collect(IEnumerable<Summary> summaries, WorkloadSizes sizes, Figures figures, ICollection<string> failures)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(failures);
        foreach (var summary in summaries)
        {
            if (summary.HasCriticalValidationErrors)
            {
                failures.Add($"{summary.Title}: validation failed (see the log in the artifacts folder)");
            }

            foreach (var benchmark in summary.BenchmarksCases)
            {
                var report = summary[benchmark];
                if (report is not { Success: true, ResultStatistics: { } statistics })
                {
                    failures.Add($"{benchmark.DisplayInfo}: no result (see the log in the artifacts folder)");
                    continue;
                }

                WorkloadFigures.TryRecord(benchmark.Descriptor.Type, name => benchmark.Parameters[name], statistics.Mean, sizes, figures);
            }
        }
    }

    /// <summary>Returns the order of the tables' rows: traces, native paths, baselines, floors.</summary>
    /// <param name="catalog">The subjects.</param>
    public static IReadOnlyList<string> RowOrder(SubjectCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var registry = catalog.Registry;
        return
        [
            .. registry.Entries.Select(entry => entry.Name),
            .. registry.NativeLookups.Keys.Select(SubjectNames.NativeLookup),
            .. registry.LookupSubjects.Keys,
            .. registry.NativeMerges.Keys.Select(SubjectNames.NativeMerge),
            .. SubjectNames.Baselines,
            SubjectNames.ArraySort,
            SubjectNames.MergeFloor,
            .. catalog.ScanNames(),
            .. catalog.StoreNames(),
            .. catalog.RelationNames(),
        ];
    }

    /// <summary>Describes the machine: processor, logical cores, operating system.</summary>
    public static string DescribeMachine()
    {
        string processor = HostEnvironmentInfo.GetCurrent().CpuInfo.Value?.ProcessorName ?? "unknown processor";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{processor}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}");
    }
}
