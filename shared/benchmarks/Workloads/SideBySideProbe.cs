using System.Diagnostics;

namespace Traces.Benchmarks;

/// <summary>What <see cref="SideBySideProbe.Measure"/> found: two medians and the median of the rounds' ratios.</summary>
/// <param name="MeasuredNanoseconds">The median time of the measured operation.</param>
/// <param name="FloorNanoseconds">The median time of the operation it is held against.</param>
/// <param name="Ratio">The median, over the rounds, of the measured operation's time divided by the floor's in the same round.</param>
public readonly record struct SideBySideResult(double MeasuredNanoseconds, double FloorNanoseconds, double Ratio);

/// <summary>The pairs <see cref="Probes.RunSideBySide"/> measures, and the variants it files for each.</summary>
public static class SideBySidePairs
{
    /// <summary>Loading the tall shape into part 5 in the largest batches, against sorting the same updates.</summary>
    public const string Load = "part5-load/array-sort";

    /// <summary>Part 5's batch merger on the plain merge workload, against the merge floor.</summary>
    public const string Merge = "part5-merge/merge-floor";

    /// <summary>The variant holding the measured operation's median nanoseconds.</summary>
    public const string Measured = "measured";

    /// <summary>The variant holding the floor's median nanoseconds.</summary>
    public const string Floor = "floor";

    /// <summary>The variant holding the median ratio.</summary>
    public const string Ratio = "ratio";
}

/// <summary>
/// Holds an operation against its floor by timing the two in alternation, round after round, and taking the
/// median of each round's ratio.
/// </summary>
/// <remarks>
/// <para>
/// BenchmarkDotNet measures one benchmark class after another, so a ratio of two of its figures divides numbers
/// taken minutes apart; on a shared machine, where what else runs changes from minute to minute, such a ratio moves
/// by more than the targets allow. Here the two operations run back to back in every round, in alternating order,
/// so both meet the same conditions, and the median ignores the rounds that a neighbour disturbed.
/// </para>
/// <para>
/// Each operation gets fresh input, prepared outside the timing, and starts from a fully collected heap, so that
/// neither pays for the other's garbage; the collections its own allocations cause are its own.
/// </para>
/// </remarks>
public static class SideBySideProbe
{
    /// <summary>Times <paramref name="measured"/> against <paramref name="floor"/> over <paramref name="rounds"/> rounds, after one warm-up round.</summary>
    /// <param name="measured">Prepares one run of the measured operation (outside the timing) and returns it.</param>
    /// <param name="floor">Prepares one run of the floor and returns it.</param>
    /// <param name="rounds">The number of measured rounds, at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="measured"/> or <paramref name="floor"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rounds"/> is less than 1.</exception>
    public static SideBySideResult Measure(Func<Func<long>> measured, Func<Func<long>> floor, int rounds)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(floor);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        Time(measured);
        Time(floor);
        var measuredTimes = new double[rounds];
        var floorTimes = new double[rounds];
        var ratios = new double[rounds];
        #region rounds
        for (int round = 0; round < rounds; round++)
        {
            // Alternate which goes first, so that neither always runs on the heels of the other.
            if (round % 2 == 0)
            {
                measuredTimes[round] = Time(measured);
                floorTimes[round] = Time(floor);
            }
            else
            {
                floorTimes[round] = Time(floor);
                measuredTimes[round] = Time(measured);
            }

            ratios[round] = measuredTimes[round] / floorTimes[round];
        }
        #endregion

        return new SideBySideResult(Median(measuredTimes), Median(floorTimes), Median(ratios));
    }

    private static double Time(Func<Func<long>> prepare)
    {
        var operation = prepare();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long start = Stopwatch.GetTimestamp();
        long result = operation();
        long elapsed = Stopwatch.GetTimestamp() - start;
        GC.KeepAlive(result);
        return Math.Max(1, elapsed) * (1e9 / Stopwatch.Frequency);
    }

    // The median of `values`, sorting them in place.
    private static double Median(double[] values)
    {
        Array.Sort(values);
        int middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
