namespace Traces.Benchmarks;

/// <summary>
/// The slowest and the mean time of single-update <c>Add</c> calls over a long run: each the least over several
/// identical runs. The runs do the same work, so the structure's slowest <c>Add</c> is the same in each; a
/// disturbance from outside (a preempted thread, a neighbour's burst) can only add to what a run observes.
/// </summary>
/// <param name="WorstNanoseconds">The slowest <c>Add</c>.</param>
/// <param name="WorstOwnNanoseconds">
/// The slowest <c>Add</c> once the collector's pauses inside it are taken out: the structure's own worst case. The
/// pauses are the runtime's, which any allocating structure suffers alike, and they land wherever an allocation
/// happens to cross the collector's budget.
/// </param>
/// <param name="MeanNanoseconds">The mean <c>Add</c>.</param>
public readonly record struct LatencyResult(double WorstNanoseconds, double WorstOwnNanoseconds, double MeanNanoseconds);

/// <summary>
/// Worst single-update latency: a fresh subject receives one update per batch, at increasing times, and every
/// <c>Add</c> is timed on its own. A structure that merges everything at once shows it here as one very slow
/// <c>Add</c>; a fueled one spreads the work.
/// </summary>
/// <remarks>
/// A shorter warm-up run on a separate subject compiles the code paths first. The benchmark host runs without
/// background collections, so every cost of the collector is a pause that <see cref="GC.GetTotalPauseDuration"/>
/// counts, and the structure's own time is what remains.
/// </remarks>
public static class LatencyProbe
{
    /// <summary>Builds the single-update batches for <paramref name="updates"/> updates.</summary>
    /// <param name="updates">The number of updates.</param>
    public static LongUpdate[][] SingleUpdateBatches(int updates) =>
        WorkloadData.Batches(WorkloadData.ShuffledUpdates<long>(new Shape(updates, 1)), 1, stampBatchIndex: true);

    /// <summary>Measures <paramref name="runs"/> subjects made by <paramref name="create"/> on <paramref name="batches"/>.</summary>
    /// <param name="create">Creates an empty subject.</param>
    /// <param name="batches">Single-update batches, from <see cref="SingleUpdateBatches"/>.</param>
    /// <param name="runs">The number of measured runs, each on a fresh subject, at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="create"/> or <paramref name="batches"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="runs"/> is less than 1.</exception>
    public static LatencyResult Measure(Func<IndexSubject<long>> create, LongUpdate[][] batches, int runs)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        Time(create(), batches.AsSpan(0, Math.Min(batches.Length, 4_096)));
        var worst = new double[runs];
        var worstOwn = new double[runs];
        var mean = new double[runs];
        for (int run = 0; run < runs; run++)
        {
            (worst[run], worstOwn[run], mean[run]) = Time(create(), batches);
        }

        return new LatencyResult(worst.Min(), worstOwn.Min(), mean.Min());
    }

    private static LatencyResult Time(IndexSubject<long> subject, ReadOnlySpan<LongUpdate[]> batches)
    {
        long worst = 0;
        long worstOwn = 0;
        long total = 0;
        #region time-each-add
        foreach (var batch in batches)
        {
            var timing = AddTimer.Time(subject, batch);
            total += timing.Ticks;
            worst = Math.Max(worst, timing.Ticks);
            worstOwn = Math.Max(worstOwn, timing.OwnTicks);
        }
        #endregion

        return new LatencyResult(
            AddTiming.Nanoseconds(worst),
            AddTiming.Nanoseconds(worstOwn),
            AddTiming.Nanoseconds(total) / Math.Max(1, batches.Length));
    }
}
