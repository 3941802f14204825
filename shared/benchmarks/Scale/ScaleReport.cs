using System.Globalization;

namespace Traces.Benchmarks;

/// <summary>
/// Turns a scale run into a results file: tables and log-scale line charts of the curves, the window's memory over
/// time, the latency percentiles, and the ratios the scale targets name.
/// </summary>
public static class ScaleReport
{
    /// <summary>The spine whose targets the ratios check.</summary>
    public const string Part5 = "part5";

    /// <summary>The spine that merges everything at once.</summary>
    public const string Unfueled = "part5-unfueled";

    /// <summary>Points each window line is drawn through, at most.</summary>
    public const int WindowPoints = 200;

    /// <summary>Builds the results file.</summary>
    /// <param name="curves">The scale curves' outcomes.</param>
    /// <param name="windows">The window runs.</param>
    /// <param name="latencies">The latency runs.</param>
    /// <param name="sizes">The sizes the run used.</param>
    /// <param name="machine">The machine.</param>
    /// <param name="runtime">The runtime.</param>
    /// <param name="date">The date.</param>
    /// <param name="took">How long the run took.</param>
    public static BenchmarkResults Build(
        IReadOnlyList<ScaleOutcome> curves,
        IReadOnlyList<WindowRun> windows,
        IReadOnlyList<LatencyRun> latencies,
        ScaleSizes sizes,
        string machine,
        string runtime,
        DateOnly date,
        TimeSpan took)
    {
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(latencies);
        ArgumentNullException.ThrowIfNull(sizes);
        var tables = new List<ResultTable>();
        var lines = new List<ResultLines>();
        foreach (var curve in Curves)
        {
            tables.Add(CurveTable(curve, curves, sizes));
            lines.Add(CurveLines(curve, curves));
        }

        tables.Add(StoppedTable(curves));
        tables.Add(WindowTable(windows, sizes.Window));
        lines.Add(WindowMemoryLines(windows, sizes.Window));
        lines.Add(WindowStepLines(windows, sizes.Window));
        tables.Add(LatencyTable(latencies));
        lines.Add(LatencyTailLines(latencies));
        lines.Add(LatencyBySizeLines(latencies));
        tables.Add(new ResultTable("scale-run", "The scale run", ["Measure", "Value"],
        [
            ["took", string.Create(CultureInfo.InvariantCulture, $"{took.TotalMinutes:0.#} minutes")],
            ["memory allowed per subject", string.Create(CultureInfo.InvariantCulture, $"{sizes.MemoryLimitBytes / 1e9:0.#} GB")],
            ["time allowed per load", string.Create(CultureInfo.InvariantCulture, $"{sizes.TimeLimit.TotalMinutes:0} minutes")],
        ]));
        return new BenchmarkResults(
            machine,
            runtime,
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "scale",
            tables,
            [],
            Ratios(curves, windows, latencies, sizes),
            lines);
    }

    /// <summary>One measure of the scale curves: its id, title, axis label, how it is read from the figures and formatted.</summary>
    private sealed record Curve(string Id, string Title, string YLabel, Func<ScaleFigures, double> Read, Func<double, string> Format);

    private static readonly Curve[] Curves =
    [
        new("scale-load", "Load throughput, batches of 1,000 distinct keys", "updates/s", static f => f.UpdatesPerSecond, Formats.Rate),
        new("scale-bytes", "Bytes retained per update", "bytes/update", static f => f.BytesPerUpdate, Formats.Significant),
        new("scale-random", "Random look-ups, batches of 1,000", "look-ups/s", static f => f.RandomLookupsPerSecond, Formats.Rate),
        new("scale-sorted", "Sorted look-ups, batches of 1,000 sorted keys", "look-ups/s", static f => f.SortedLookupsPerSecond, Formats.Rate),
        new("scale-merge", "Slowest Add of the load, collector pauses taken out: the largest merge done in one call",
            "ms", static f => f.SlowestOwnAddMilliseconds, Formats.Significant),
        new("scale-kernel", "Share of the load's processor time spent in the kernel",
            "%", static f => Math.Max(f.KernelShare, 1e-4) * 100, Formats.Significant),
    ];

    private static IEnumerable<string> SubjectsOf(IReadOnlyList<ScaleOutcome> curves) => curves.Select(static o => o.Subject).Distinct();

    private static ResultTable CurveTable(Curve curve, IReadOnlyList<ScaleOutcome> curves, ScaleSizes sizes)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (string subject in SubjectsOf(curves))
        {
            var row = new List<string> { subject };
            foreach (int size in sizes.LoadSizes)
            {
                var outcome = curves.FirstOrDefault(o => o.Subject == subject && o.Size == size);
                row.Add(outcome?.Figures is { } f ? curve.Format(curve.Read(f)) : outcome is null ? Formats.Missing : "stopped");
            }

            rows.Add(row);
        }

        return new ResultTable(curve.Id, $"{curve.Title} ({curve.YLabel})",
            ["Implementation", .. sizes.LoadSizes.Select(static s => Shape.Abbreviate(s) + " updates")], rows);
    }

    private static ResultLines CurveLines(Curve curve, IReadOnlyList<ScaleOutcome> curves) => new(
        curve.Id,
        curve.Title,
        "updates loaded",
        curve.YLabel,
        LogX: true,
        LogY: true,
        [.. SubjectsOf(curves).Select(subject =>
        {
            var mine = curves.Where(o => o.Subject == subject).ToList();
            var stopped = mine.FirstOrDefault(static o => o.Stopped is not null);
            return new ResultSeries(
                subject,
                [.. mine.Where(static o => o.Figures is not null).Select(o => new[] { o.Size, curve.Read(o.Figures!) })],
                stopped is null ? null : $"{Shape.Abbreviate(stopped.Size)}: {stopped.Stopped}");
        })]);

    private static ResultTable StoppedTable(IReadOnlyList<ScaleOutcome> curves) => new(
        "scale-stopped",
        "Loads stopped or not attempted, and why",
        ["Implementation", "Size", "Why"],
        [.. curves.Where(static o => o.Stopped is not null)
            .Select(static o => (IReadOnlyList<string>)[o.Subject, Shape.Abbreviate(o.Size), o.Stopped!])]);

    /// <summary>Returns the step numbers the window table reports: 10, 100 and 200 windows in (as far as the run went).</summary>
    public static IReadOnlyList<int> WindowMarks(WindowShape shape) =>
        [.. new[] { 10, 100, shape.Windows }.Where(w => w <= shape.Windows).Distinct().Select(w => w * shape.Width)];

    private static ResultTable WindowTable(IReadOnlyList<WindowRun> windows, WindowShape shape)
    {
        var marks = WindowMarks(shape);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var run in windows)
        {
            var row = new List<string> { run.Subject };
            foreach (int step in marks)
            {
                row.Add(step <= run.Bytes.Length ? Formats.Significant(run.Bytes[step - 1] / 1e6) : "stopped");
            }

            row.Add(marks[^1] <= run.Bytes.Length ? Formats.Significant(Growth(run, shape)) : Formats.Missing);
            foreach (int step in (ReadOnlySpan<int>)[marks[0], marks[^1]])
            {
                row.Add(step <= run.Bytes.Length ? Formats.Significant(MedianStep(run, step, Span(shape)) / 1e3) : "stopped");
            }

            row.Add(Formats.Significant(run.OwnStepNanoseconds.DefaultIfEmpty(0).Max() / 1e6));
            rows.Add(row);
        }

        string steps = string.Create(CultureInfo.InvariantCulture,
            $"a window of {shape.Width} steps of {shape.Records:N0} records, run for {shape.Steps:N0} steps");
        return new ResultTable("window", $"Sliding window: {steps}",
        [
            "Implementation",
            .. marks.Select(static s => string.Create(CultureInfo.InvariantCulture, $"MB after step {s:N0}")),
            $"step {marks[^1]:N0} ÷ step {marks[0]:N0}",
            string.Create(CultureInfo.InvariantCulture, $"median of steps {marks[0] - Span(shape) + 1:N0}–{marks[0]:N0} (µs)"),
            string.Create(CultureInfo.InvariantCulture, $"median of steps {marks[^1] - Span(shape) + 1:N0}–{marks[^1]:N0} (µs)"),
            "slowest step, pauses out (ms)",
        ], rows);
    }

    /// <summary>Returns a run's bytes at its last window mark over its bytes at its first: 1 when memory stays level.</summary>
    public static double Growth(WindowRun run, WindowShape shape)
    {
        ArgumentNullException.ThrowIfNull(run);
        var marks = WindowMarks(shape);
        return run.Bytes[marks[^1] - 1] / (double)Math.Max(1, run.Bytes[marks[0] - 1]);
    }

    /// <summary>
    /// Returns how many steps a step-time figure takes the median of: ten windows (a single window's median still
    /// wanders with the machine), or every step of a shorter run.
    /// </summary>
    public static int Span(WindowShape shape) => Math.Max(1, Math.Min(10 * shape.Width, shape.Steps / 2));

    /// <summary>The median own time of the <paramref name="count"/> steps up to <paramref name="step"/>.</summary>
    private static double MedianStep(WindowRun run, int step, int count)
    {
        var last = run.OwnStepNanoseconds.AsSpan(Math.Max(0, step - count), Math.Min(count, step)).ToArray();
        Array.Sort(last);
        return last[last.Length / 2];
    }

    private static ResultLines WindowMemoryLines(IReadOnlyList<WindowRun> windows, WindowShape shape) => new(
        "window-memory",
        "Memory over time in the sliding window: a trace that compacts levels off",
        "step",
        "MB retained",
        LogX: false,
        LogY: true,
        [.. windows.Select(run => new ResultSeries(
            run.Subject,
            Sampled(run.Bytes.Length, shape).Select(step => new[] { step, Math.Max(run.Bytes[step - 1], 1) / 1e6 }).ToList(),
            run.Stopped))]);

    private static ResultLines WindowStepLines(IReadOnlyList<WindowRun> windows, WindowShape shape) => new(
        "window-step",
        "Time per step in the sliding window (median of every ten windows' steps, collector pauses taken out)",
        "step",
        "µs per step",
        LogX: false,
        LogY: true,
        [.. windows.Select(run => new ResultSeries(
            run.Subject,
            Enumerable.Range(1, run.Bytes.Length / Span(shape))
                .Select(w => new[] { w * Span(shape), Math.Max(MedianStep(run, w * Span(shape), Span(shape)), 1) / 1e3 })
                .ToList(),
            run.Stopped))]);

    /// <summary>Returns at most <see cref="WindowPoints"/> evenly spaced steps of <c>1 … steps</c>, the last included.</summary>
    private static IEnumerable<int> Sampled(int steps, WindowShape shape)
    {
        int every = Math.Max(1, shape.Steps / WindowPoints);
        for (int step = every; step <= steps; step += every)
        {
            yield return step;
        }
    }

    private static ResultTable LatencyTable(IReadOnlyList<LatencyRun> latencies) => new(
        "latency-percentiles",
        "Single-update Add: percentiles of the structure's own time (collector pauses taken out), and the pauses apart",
        [
            "Implementation", "Adds", "p50 (µs)", "p99 (µs)", "p99.9 (µs)", "p99.99 (µs)", "max (ms)",
            "max with pauses (ms)", "Adds paused", "pauses in all (s)", "longest pause in one Add (ms)",
        ],
        [.. latencies.Select(static run => (IReadOnlyList<string>)
        [
            run.Subject,
            Shape.Abbreviate(run.Size) + (run.Stopped is null ? "" : " (stopped)"),
            .. run.Percentiles.Select(static p => Formats.Significant(p / 1e3)),
            Formats.Significant(run.MaxNanoseconds / 1e6),
            Formats.Significant(run.MaxWithPausesNanoseconds / 1e6),
            run.PausedAdds.ToString("N0", CultureInfo.InvariantCulture),
            Formats.Significant(run.PauseSeconds),
            Formats.Significant(run.LongestPauseNanoseconds / 1e6),
        ])]);

    private static ResultLines LatencyTailLines(IReadOnlyList<LatencyRun> latencies)
    {
        int size = latencies.Count == 0 ? 0 : latencies.Max(static run => run.Size);
        return new(
            "latency-tail",
            string.Create(CultureInfo.InvariantCulture,
                $"The tail of single-update Adds over {Shape.Abbreviate(size)}: one Add in N is slower than this (pauses taken out)"),
            "one Add in N",
            "µs",
            LogX: true,
            LogY: true,
            [.. latencies.Where(run => run.Size == size).Select(static run => new ResultSeries(
                run.Subject,
                [
                    .. LatencyDistribution.Ranks.Select((rank, r) => new[] { Math.Round(1 / (1 - rank)), run.Percentiles[r] / 1e3 }),
                    [run.Size, run.MaxNanoseconds / 1e3],
                ],
                run.Stopped))]);
    }

    private static ResultLines LatencyBySizeLines(IReadOnlyList<LatencyRun> latencies) => new(
        "latency-p999",
        "p99.9 of single-update Adds by the length of the run (pauses taken out)",
        "Adds in the run",
        "µs",
        LogX: true,
        LogY: true,
        [.. latencies.Select(static run => run.Subject).Distinct().Select(subject => new ResultSeries(
            subject,
            [.. latencies.Where(run => run.Subject == subject).Select(static run => new[] { run.Size, run.Percentiles[2] / 1e3 })],
            null))]);

    private static List<RatioResult> Ratios(
        IReadOnlyList<ScaleOutcome> curves, IReadOnlyList<WindowRun> windows, IReadOnlyList<LatencyRun> latencies, ScaleSizes sizes)
    {
        var ratios = new List<RatioResult>();
        int smallest = sizes.LoadSizes[0];
        int largest = sizes.LoadSizes[^1];
        string span = $"{Shape.Abbreviate(largest)}/{Shape.Abbreviate(smallest)}";
        if (Figures(curves, Part5, smallest) is { } small && Figures(curves, Part5, largest) is { } large)
        {
            double load = large.UpdatesPerSecond / small.UpdatesPerSecond;
            ratios.Add(new($"part5 load throughput {span}", load, ">= 0.6", load >= 0.6));
            double bytes = large.BytesPerUpdate / small.BytesPerUpdate;
            ratios.Add(new($"part5 bytes per update {span}", bytes, "0.9 to 1.1", bytes is >= 0.9 and <= 1.1));
        }

        var marks = WindowMarks(sizes.Window);
        if (windows.FirstOrDefault(static run => run.Subject == Part5) is { } window && window.Bytes.Length >= marks[^1])
        {
            double growth = Growth(window, sizes.Window);
            ratios.Add(new($"part5 window bytes, step {marks[^1]} / step {marks[0]}", growth, "<= 1.5", growth <= 1.5));
        }

        int first = sizes.LatencySizes[0];
        int last = sizes.LatencySizes[^1];
        if (Latency(latencies, Part5, first) is { } early && Latency(latencies, Part5, last) is { } late)
        {
            double tail = late.Percentiles[2] / early.Percentiles[2];
            ratios.Add(new($"part5 p99.9 Add {Shape.Abbreviate(last)}/{Shape.Abbreviate(first)}", tail, "<= 2", tail <= 2));
            if (Latency(latencies, Unfueled, last) is { } unfueled)
            {
                double max = unfueled.MaxNanoseconds / late.MaxNanoseconds;
                ratios.Add(new($"part5-unfueled max Add / part5 max Add, {Shape.Abbreviate(last)}", max, ">= 30", max >= 30));
            }
        }

        return ratios;
    }

    private static ScaleFigures? Figures(IReadOnlyList<ScaleOutcome> curves, string subject, int size) =>
        curves.FirstOrDefault(o => o.Subject == subject && o.Size == size)?.Figures;

    private static LatencyRun? Latency(IReadOnlyList<LatencyRun> latencies, string subject, int size) =>
        latencies.FirstOrDefault(run => run.Subject == subject && run.Size == size && run.Stopped is null);
}
