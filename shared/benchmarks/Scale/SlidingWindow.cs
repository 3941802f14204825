using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using Traces.Lsm;

namespace Traces.Benchmarks;

/// <summary>One subject's sliding-window run: after every step, the bytes it retained and how long the step took.</summary>
/// <param name="Subject">The subject's name.</param>
/// <param name="Bytes">Bytes retained after each step (after a full collection), step 1 first.</param>
/// <param name="StepNanoseconds">Each step's time, collector pauses included.</param>
/// <param name="OwnStepNanoseconds">Each step's time with the collector's pauses taken out.</param>
/// <param name="Stopped">Why the run ended early, or <see langword="null"/> if it ran every step.</param>
public sealed record WindowRun(string Subject, long[] Bytes, double[] StepNanoseconds, double[] OwnStepNanoseconds, string? Stopped);

/// <summary>
/// A trace at steady state: every step inserts a batch of new records at the step's time, retracts the records
/// inserted a window earlier, and advances the compaction frontier to the step's time. A trace that compacts holds
/// about one window of records however long it runs; one that cannot compact keeps every update it was given.
/// </summary>
/// <remarks>
/// <para>
/// Record <c>i</c> is <c>(i mod 2RW, i)</c> for <c>R</c> records per step and a window of <c>W</c> steps: its key is
/// one of twice a window's worth of keys, so keys come back (as sessions or accounts do) but a step never retracts
/// a key it inserts. Step <c>s</c> (from 1) adds, at time <c>s</c>, the step's records with diff +1 and those of step
/// <c>s − W</c> with diff −1, in one batch, then advances the frontier to <c>s</c>: every earlier time is now
/// indistinguishable from <c>s</c>, so an inserted record and its retraction cancel once a trace compacts them
/// together.
/// </para>
/// <para>
/// The LSM store runs the same records as writes: a put of key <c>i mod 2RW</c> (8 bytes, big-endian) with the
/// record's number as value, and a delete of the key written a window earlier. After each step it freezes and
/// flushes its memtable into a run, and a reader holds a snapshot of the step before, so compaction follows that
/// oldest snapshot one step behind.
/// </para>
/// </remarks>
public static class SlidingWindow
{
    /// <summary>The name of the LSM store's run.</summary>
    public const string Lsm = "part5-lsm";

    /// <summary>
    /// The subjects, in table order: the parts, the <c>Dictionary</c> of lists (which ignores the frontier, as a
    /// structure that cannot compact must), then the LSM store.
    /// </summary>
    public static IReadOnlyList<string> Subjects { get; } = ["part1", "part2", "part3", "part4", "part5", SubjectNames.Dictionary, Lsm];

    /// <summary>Runs the window on every subject.</summary>
    /// <param name="catalog">The subjects.</param>
    /// <param name="sizes">The sizes.</param>
    /// <param name="progress">Receives one line per subject.</param>
    public static IReadOnlyList<WindowRun> Run(SubjectCatalog catalog, ScaleSizes sizes, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(progress);
        var runs = new List<WindowRun>();
        foreach (string name in Subjects)
        {
            // Two windows first, on a subject of their own: the code paths are compiled before anything is timed.
            var warmUp = sizes with { Window = sizes.Window with { Windows = 2 } };
            _ = name == Lsm ? RunLsm(warmUp) : RunTrace(catalog.Create<long>(name), name, warmUp);
            var run = name == Lsm ? RunLsm(sizes) : RunTrace(catalog.Create<long>(name), name, sizes);
            runs.Add(run);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"window {name}: {run.Bytes.Length} steps, {run.Bytes[^1] / 1e6:0.##} MB at the end{(run.Stopped is null ? "" : "; " + run.Stopped)}"));
            GC.Collect();
        }

        return runs;
    }

    /// <summary>Returns record <paramref name="record"/>'s key in a window of <paramref name="shape"/>.</summary>
    /// <param name="shape">The window.</param>
    /// <param name="record">The record's number.</param>
    public static long KeyOf(WindowShape shape, long record) => record % KeyCount(shape);

    private static WindowRun RunTrace(IndexSubject<long> subject, string name, ScaleSizes sizes)
    {
        var shape = sizes.Window;
        var recorder = new Recorder(name, shape.Steps, sizes.TimeLimit);
        var full = new LongUpdate[2 * shape.Records];
        #region window-step
        for (int step = 1; step <= shape.Steps && !recorder.OutOfTime; step++)
        {
            var time = new Timestamp((ulong)step);
            int count = 0;
            long first = (long)(step - 1) * shape.Records;
            for (long record = first; record < first + shape.Records; record++)
            {
                full[count++] = new(KeyOf(shape, record), record, time, +1);
            }

            if (step > shape.Width)
            {
                long expired = first - (long)shape.Width * shape.Records;
                for (long record = expired; record < expired + shape.Records; record++)
                {
                    full[count++] = new(KeyOf(shape, record), record, time, -1);
                }
            }

            var batch = count == full.Length ? full : full[..count];
            recorder.Begin();
            subject.Add(batch);
            subject.AdvanceBy([time]);
            recorder.End();
        }
        #endregion

        var run = recorder.Finish();
        CheckLive(run, Enumerable.Range(0, KeyCount(shape)).Sum(key => subject.Lookup(key)), shape);
        return run;
    }

    private static WindowRun RunLsm(ScaleSizes sizes)
    {
        var shape = sizes.Window;
        var store = new LsmStore();
        var recorder = new Recorder(Lsm, shape.Steps, sizes.TimeLimit);
        LsmSnapshot? reader = null;
        for (int step = 1; step <= shape.Steps && !recorder.OutOfTime; step++)
        {
            recorder.Begin();
            long first = (long)(step - 1) * shape.Records;
            for (long record = first; record < first + shape.Records; record++)
            {
                store.Put(KeyBytes(KeyOf(shape, record)), KeyBytes(record));
            }

            if (step > shape.Width)
            {
                long expired = first - (long)shape.Width * shape.Records;
                for (long record = expired; record < expired + shape.Records; record++)
                {
                    store.Delete(KeyBytes(KeyOf(shape, record)));
                }
            }

            store.Freeze();
            store.Flush();
            // The reader moves on to this step: compaction may now fold everything before it.
            var next = store.OpenSnapshot();
            reader?.Dispose();
            reader = next;
            recorder.End();
        }

        reader?.Dispose();
        var run = recorder.Finish();
        long live = 0;
        for (var scan = store.Scan(Bound.Unbounded, Bound.Unbounded); scan.IsValid; scan.Next())
        {
            live++;
        }

        CheckLive(run, live, shape);
        return run;
    }

    /// <summary>Returns the number of distinct keys the window's records use: two windows' worth.</summary>
    /// <param name="shape">The window.</param>
    public static int KeyCount(WindowShape shape) => checked(2 * shape.Records * shape.Width);

    /// <summary>
    /// Checks that a subject holds exactly the records of the window's last <see cref="WindowShape.Width"/> steps,
    /// each once: a workload that retracted the wrong records would measure nothing worth showing.
    /// </summary>
    private static void CheckLive(WindowRun run, long live, WindowShape shape)
    {
        long expected = (long)Math.Min(run.Bytes.Length, shape.Width) * shape.Records;
        if (live != expected)
        {
            throw new InvalidOperationException($"{run.Subject} holds {live} live records after the window, not {expected}.");
        }
    }

    private static byte[] KeyBytes(long value)
    {
        var bytes = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }

    /// <summary>Times steps and measures the heap after each one, outside the step's time.</summary>
    private sealed class Recorder(string name, int steps, TimeSpan limit)
    {
        private readonly long[] _bytes = new long[steps];
        private readonly double[] _nanoseconds = new double[steps];
        private readonly double[] _ownNanoseconds = new double[steps];
        // The heap before the first step: every reading is relative to it.
        private readonly long _baseline = GC.GetTotalMemory(forceFullCollection: true);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        // Steps recorded so far.
        private int _count;
        // Started by Begin, read by End.
        private PauseClock _step;

        public bool OutOfTime => _clock.Elapsed > limit;

        public void Begin() => _step = PauseClock.StartNew();

        public void End()
        {
            var timing = _step.Stop();
            _nanoseconds[_count] = AddTiming.Nanoseconds(timing.Ticks);
            _ownNanoseconds[_count] = AddTiming.Nanoseconds(timing.OwnTicks);
            _bytes[_count] = GC.GetTotalMemory(forceFullCollection: true) - _baseline;
            _count++;
        }

        public WindowRun Finish() => new(
            name,
            _bytes[.._count],
            _nanoseconds[.._count],
            _ownNanoseconds[.._count],
            _count < steps ? string.Create(CultureInfo.InvariantCulture, $"stopped after {limit.TotalMinutes:0} minutes, at step {_count}") : null);
    }
}
