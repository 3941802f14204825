using System.Globalization;

namespace Traces.Benchmarks;

/// <summary>
/// The distribution of one subject's single-update <c>Add</c> times over one run: percentiles of the structure's own
/// time (the collector's pauses taken out), and the pauses on their own.
/// </summary>
/// <param name="Subject">The subject's name.</param>
/// <param name="Size">The number of <c>Add</c>s.</param>
/// <param name="Percentiles">The own time at each of <see cref="LatencyDistribution.Ranks"/>, in nanoseconds.</param>
/// <param name="MaxNanoseconds">The slowest <c>Add</c>'s own time.</param>
/// <param name="MaxWithPausesNanoseconds">The slowest <c>Add</c> with the collector's pauses left in.</param>
/// <param name="PausedAdds">How many <c>Add</c>s a collector pause fell into.</param>
/// <param name="PauseSeconds">The collector's pauses in all.</param>
/// <param name="LongestPauseNanoseconds">The most pause time that fell into one <c>Add</c>.</param>
/// <param name="Stopped">Why the run ended early, or <see langword="null"/> if it ran every <c>Add</c>.</param>
public sealed record LatencyRun(
    string Subject,
    int Size,
    IReadOnlyList<double> Percentiles,
    double MaxNanoseconds,
    double MaxWithPausesNanoseconds,
    int PausedAdds,
    double PauseSeconds,
    double LongestPauseNanoseconds,
    string? Stopped);

/// <summary>
/// Latency percentiles: a fresh subject receives one update per <c>Add</c> (distinct keys in shuffled order, each at
/// its own time), every <c>Add</c> is timed on its own, and the times are sorted.
/// </summary>
/// <remarks>
/// One run per subject and size (a 16 M run takes up to minutes), after a short warm-up run on a separate subject.
/// Percentiles are of the structure's own time: a collector pause lands wherever an allocation crosses the
/// collector's budget, so the pauses are counted separately, as <see cref="LatencyProbe"/> does for its slowest
/// <c>Add</c>.
/// </remarks>
public static class LatencyDistribution
{
    /// <summary>The percentiles measured, as fractions: p50, p99, p99.9 and p99.99.</summary>
    public static IReadOnlyList<double> Ranks { get; } = [0.5, 0.99, 0.999, 0.9999];

    /// <summary>The subjects: the parts, with the spine fueled and unfueled.</summary>
    public static IReadOnlyList<string> Subjects { get; } = ["part1", "part2", "part3", "part4", "part5", "part5-unfueled"];

    /// <summary>Runs every subject at every latency size.</summary>
    /// <param name="catalog">The subjects.</param>
    /// <param name="sizes">The sizes.</param>
    /// <param name="progress">Receives one line per subject and size.</param>
    public static IReadOnlyList<LatencyRun> Run(SubjectCatalog catalog, ScaleSizes sizes, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(progress);
        var runs = new List<LatencyRun>();
        foreach (string name in Subjects)
        {
            Measure(catalog.Create<long>(name), name, Math.Min(4_096, sizes.LatencySizes[0]), sizes.TimeLimit);
            foreach (int size in sizes.LatencySizes)
            {
                var run = Measure(catalog.Create<long>(name), name, size, sizes.TimeLimit);
                runs.Add(run);
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"latency {name} {Shape.Abbreviate(size)}: p50 {run.Percentiles[0]:0} ns, p99 {run.Percentiles[1]:0} ns, p99.9 {run.Percentiles[2]:0} ns, max {run.MaxNanoseconds / 1e6:0.###} ms own, {run.MaxWithPausesNanoseconds / 1e6:0.###} ms with pauses{(run.Stopped is null ? "" : "; " + run.Stopped)}"));
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
            }
        }

        return runs;
    }

    private static LatencyRun Measure(IndexSubject<long> subject, string name, int size, TimeSpan limit)
    {
        var own = new long[size];
        var keys = new KeyPermutation(size);
        var batch = new LongUpdate[1];
        long maxWithPauses = 0, pauses = 0, longestPause = 0, elapsed = 0;
        int paused = 0;
        int count = 0;
        for (; count < size; count++)
        {
            long key = keys[count];
            batch[0] = new(key, key, (ulong)count, 1);
            var timing = AddTimer.Time(subject, batch);
            own[count] = timing.OwnTicks;
            maxWithPauses = Math.Max(maxWithPauses, timing.Ticks);
            pauses += timing.PauseTicks;
            longestPause = Math.Max(longestPause, timing.PauseTicks);
            paused += timing.PauseTicks > 0 ? 1 : 0;
            elapsed += timing.Ticks;
            // Checked every 64 K Adds: the clock's reading is cheap, but not free beside an Add.
            if ((count & 0xFFFF) == 0xFFFF && AddTiming.Nanoseconds(elapsed) > limit.TotalNanoseconds)
            {
                count++;
                break;
            }
        }

        GC.KeepAlive(subject);
        var times = own.AsSpan(0, count);
        times.Sort();
        var percentiles = new double[Ranks.Count];
        for (int r = 0; r < percentiles.Length; r++)
        {
            // The nearest-rank percentile: the smallest time at least this fraction of Adds do not exceed.
            int rank = (int)Math.Ceiling(Ranks[r] * count) - 1;
            percentiles[r] = AddTiming.Nanoseconds(times[Math.Clamp(rank, 0, count - 1)]);
        }

        return new LatencyRun(
            name,
            size,
            percentiles,
            AddTiming.Nanoseconds(times[^1]),
            AddTiming.Nanoseconds(maxWithPauses),
            paused,
            AddTiming.Nanoseconds(pauses) / 1e9,
            AddTiming.Nanoseconds(longestPause),
            count < size
                ? string.Create(CultureInfo.InvariantCulture, $"stopped after {limit.TotalMinutes:0} minutes, at {count} Adds")
                : null);
    }
}
