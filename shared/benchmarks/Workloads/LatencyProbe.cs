using System.Diagnostics;
using System.Runtime;

namespace Traces.Benchmarks;

/// <summary>The slowest and the mean time of single-update <c>Add</c> calls over a long run.</summary>
/// <param name="WorstNanoseconds">The slowest <c>Add</c>.</param>
/// <param name="WorstWithoutCollectionNanoseconds">
/// The slowest <c>Add</c> during which no generation 1 or 2 collection ran: the structure's own worst case, without
/// the collector's pauses, which any allocating structure suffers alike.
/// </param>
/// <param name="MeanNanoseconds">The mean <c>Add</c>.</param>
public readonly record struct LatencyResult(double WorstNanoseconds, double WorstWithoutCollectionNanoseconds, double MeanNanoseconds);

/// <summary>
/// Worst single-update latency: a fresh subject receives one update per batch, at increasing times, and every
/// <c>Add</c> is timed on its own. A structure that merges everything at once shows it here as one very slow
/// <c>Add</c>; a fueled one spreads the work.
/// </summary>
/// <remarks>
/// A shorter warm-up run on a separate subject compiles the code paths first. The garbage collector runs in
/// sustained low-latency mode meanwhile, so that its own pauses disturb the worst case as little as possible.
/// </remarks>
public static class LatencyProbe
{
    /// <summary>Builds the single-update batches for <paramref name="updates"/> updates.</summary>
    /// <param name="updates">The number of updates.</param>
    public static LongUpdate[][] SingleUpdateBatches(int updates) =>
        WorkloadData.Batches(WorkloadData.ShuffledUpdates<long>(new Shape(updates, 1)), 1, stampBatchIndex: true);

    /// <summary>Measures subjects made by <paramref name="create"/> on <paramref name="batches"/>.</summary>
    /// <param name="create">Creates an empty subject.</param>
    /// <param name="batches">Single-update batches, from <see cref="SingleUpdateBatches"/>.</param>
    public static LatencyResult Measure(Func<IndexSubject<long>> create, LongUpdate[][] batches)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(batches);
        Time(create(), batches.AsSpan(0, Math.Min(batches.Length, 4_096)));
        var previous = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
        try
        {
            return Time(create(), batches);
        }
        finally
        {
            GCSettings.LatencyMode = previous;
        }
    }

    private static LatencyResult Time(IndexSubject<long> subject, ReadOnlySpan<LongUpdate[]> batches)
    {
        long worst = 0;
        long worstWithoutCollection = 0;
        long total = 0;
        #region time-each-add
        foreach (var batch in batches)
        {
            // Generation 1 counts every collection of generation 1 or 2: the pauses that are the collector's, not the structure's.
            int collections = GC.CollectionCount(1);
            long start = Stopwatch.GetTimestamp();
            subject.Add(batch);
            long elapsed = Stopwatch.GetTimestamp() - start;
            total += elapsed;
            worst = Math.Max(worst, elapsed);
            if (GC.CollectionCount(1) == collections)
            {
                worstWithoutCollection = Math.Max(worstWithoutCollection, elapsed);
            }
        }
        #endregion

        double nanosecondsPerTick = 1e9 / Stopwatch.Frequency;
        return new LatencyResult(
            worst * nanosecondsPerTick,
            worstWithoutCollection * nanosecondsPerTick,
            total * nanosecondsPerTick / Math.Max(1, batches.Length));
    }
}
