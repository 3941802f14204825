using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Traces.Benchmarks;

/// <summary>
/// The scale run: the scale curves, the sliding window and the latency percentiles, then the results file (and,
/// beside it, every step of the window as CSV) and one line per headline ratio.
/// </summary>
public static class ScaleSession
{
    /// <summary>Runs every part of the scale run and writes its results.</summary>
    /// <param name="sizes">The sizes.</param>
    /// <param name="resultsPath">Where to write the results file; the window's steps go beside it, as <c>NAME-window.csv</c>.</param>
    /// <param name="output">Receives the progress and the headline lines.</param>
    /// <returns>0 once the results are written.</returns>
    public static int Run(ScaleSizes sizes, string resultsPath, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(resultsPath);
        ArgumentNullException.ThrowIfNull(output);
        var started = Stopwatch.StartNew();
        var catalog = SubjectCatalog.Default;
        var curves = ScaleCurves.Run(catalog, sizes, output);
        var windows = SlidingWindow.Run(catalog, sizes, output);
        var latencies = LatencyDistribution.Run(catalog, sizes, output);
        var results = ScaleReport.Build(
            curves,
            windows,
            latencies,
            sizes,
            BenchmarkSession.DescribeMachine(),
            RuntimeInformation.FrameworkDescription,
            DateOnly.FromDateTime(DateTime.UtcNow),
            started.Elapsed);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(resultsPath))!);
        File.WriteAllText(resultsPath, results.ToJson());
        File.WriteAllText(WindowCsvPath(resultsPath), WindowCsv(windows));
        foreach (var ratio in results.Ratios)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ratio.Name}: {ratio.Value:0.###} (target {ratio.Target}) {(ratio.Met ? "met" : "MISSED")}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scale: {started.Elapsed.TotalMinutes:0.#} minutes; results in {resultsPath}"));
        return 0;
    }

    /// <summary>Returns where the window's steps go: beside the results file, named after it.</summary>
    /// <param name="resultsPath">The results file.</param>
    public static string WindowCsvPath(string resultsPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(resultsPath))!, Path.GetFileNameWithoutExtension(resultsPath) + "-window.csv");

    /// <summary>Returns every step of every window run: bytes retained and step times, one row per step.</summary>
    /// <param name="runs">The runs.</param>
    public static string WindowCsv(IReadOnlyList<WindowRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var csv = new StringBuilder("step");
        foreach (var run in runs)
        {
            csv.Append(CultureInfo.InvariantCulture, $",{run.Subject} bytes,{run.Subject} ns,{run.Subject} own ns");
        }

        csv.Append('\n');
        int steps = runs.Count == 0 ? 0 : runs.Max(static run => run.Bytes.Length);
        for (int step = 0; step < steps; step++)
        {
            csv.Append(step + 1);
            foreach (var run in runs)
            {
                if (step < run.Bytes.Length)
                {
                    csv.Append(CultureInfo.InvariantCulture,
                        $",{run.Bytes[step]},{run.StepNanoseconds[step]:0},{run.OwnStepNanoseconds[step]:0}");
                }
                else
                {
                    csv.Append(",,,");
                }
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }
}
