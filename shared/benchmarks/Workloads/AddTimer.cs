using System.Diagnostics;

namespace Traces.Benchmarks;

/// <summary>One timed piece of work: how long it took, and how much of that the collector's pauses took.</summary>
/// <param name="Ticks">The elapsed time, in <see cref="Stopwatch"/> ticks.</param>
/// <param name="PauseTicks">The collector's pauses that fell inside it, in the same ticks.</param>
public readonly record struct AddTiming(long Ticks, long PauseTicks)
{
    /// <summary>Gets the work's own time: its elapsed time with the collector's pauses taken out.</summary>
    public long OwnTicks => Ticks - Math.Min(PauseTicks, Ticks);

    /// <summary>Converts <see cref="Stopwatch"/> ticks to nanoseconds.</summary>
    /// <param name="ticks">The ticks.</param>
    public static double Nanoseconds(long ticks) => ticks * (1e9 / Stopwatch.Frequency);
}

/// <summary>A started timing: the clock and the collector's pause total when the work began.</summary>
/// <param name="Paused">The collector's pauses so far, from <see cref="GC.GetTotalPauseDuration"/>.</param>
/// <param name="Start">The <see cref="Stopwatch"/> timestamp.</param>
public readonly record struct PauseClock(TimeSpan Paused, long Start)
{
    /// <summary>Starts a timing now.</summary>
    public static PauseClock StartNew() => new(GC.GetTotalPauseDuration(), Stopwatch.GetTimestamp());

    /// <summary>Returns the time since <see cref="StartNew"/> and the collector's pauses within it.</summary>
    public AddTiming Stop()
    {
        long elapsed = Stopwatch.GetTimestamp() - Start;
        // Whatever the pause total grew by since the start is the collector's time, not the work's.
        long pauses = (long)((GC.GetTotalPauseDuration() - Paused).TotalSeconds * Stopwatch.Frequency);
        return new AddTiming(elapsed, pauses);
    }
}

/// <summary>Times single <c>Add</c> calls, separating the collector's pauses from the structure's own work.</summary>
public static class AddTimer
{
    /// <summary>Adds <paramref name="batch"/> to <paramref name="subject"/> and returns how long it took.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="batch">The batch.</param>
    #region time-one-add
    public static AddTiming Time(IndexSubject<long> subject, LongUpdate[] batch)
    {
        ArgumentNullException.ThrowIfNull(subject);
        // The collector's pause total now: what it grows by during the Add is the collector's time.
        var clock = PauseClock.StartNew();
        subject.Add(batch);
        return clock.Stop();
    }
    #endregion
}
