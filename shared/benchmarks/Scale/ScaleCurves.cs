using System.Diagnostics;
using System.Globalization;

namespace Traces.Benchmarks;

/// <summary>
/// How each subject's costs grow with its size: every part and baseline loaded with 1 M, 4 M, 16 M and 64 M updates
/// of the tall shape, then read.
/// </summary>
/// <remarks>
/// <para>
/// A load is a stream: batches of <see cref="ScaleSizes.BatchSize"/> updates, batch <c>b</c> at time <c>b</c>, of
/// distinct keys in shuffled order (<see cref="KeyPermutation"/>), each key with one value (itself) and diff +1. The
/// keys are made as the batches are added, so nothing but the subject grows with the size. After the load, one more
/// update at the next time lets every trace seal what it holds (as <see cref="MemoryProbe"/> does), and a full
/// collection measures what the subject retains. Batches of random keys and of sorted keys are then looked up, and
/// every total is checked: each key was added once.
/// </para>
/// <para>
/// A size is not attempted when the subject's bytes per update at the size before, times this size, exceed
/// <see cref="ScaleSizes.MemoryLimitBytes"/>; a load that runs past <see cref="ScaleSizes.TimeLimit"/> is stopped.
/// Either way the outcome says so, and the larger sizes are not attempted.
/// </para>
/// </remarks>
public static class ScaleCurves
{
    /// <summary>The subjects, in table order: the parts, the unfueled spine, then the baselines.</summary>
    public static IReadOnlyList<string> Subjects { get; } =
        ["part1", "part2", "part3", "part4", "part5", "part5-unfueled", .. SubjectNames.Baselines];

    /// <summary>The updates of the warm-up load each subject gets before its first measured one.</summary>
    public const int WarmUpSize = 100_000;

    /// <summary>Loads every subject at every size.</summary>
    /// <param name="catalog">The subjects.</param>
    /// <param name="sizes">The sizes.</param>
    /// <param name="progress">Receives one line per subject and size.</param>
    public static IReadOnlyList<ScaleOutcome> Run(SubjectCatalog catalog, ScaleSizes sizes, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(progress);
        var outcomes = new List<ScaleOutcome>();
        foreach (string name in Subjects)
        {
            // A small load first, on a subject of its own: the code paths are compiled before anything is timed.
            Load(catalog.Create<long>(name), name, Math.Min(WarmUpSize, sizes.LoadSizes[0]), sizes with { Lookups = sizes.BatchSize });
            ScaleOutcome? previous = null;
            foreach (int size in sizes.LoadSizes)
            {
                var outcome = Attempt(catalog, name, size, sizes, previous);
                outcomes.Add(outcome);
                progress.WriteLine(Describe(outcome));
                previous = outcome;
            }
        }

        return outcomes;
    }

    private static ScaleOutcome Attempt(SubjectCatalog catalog, string name, int size, ScaleSizes sizes, ScaleOutcome? previous)
    {
        if (previous is { Figures: null })
        {
            return new ScaleOutcome(name, size, null, "not attempted: stopped at a smaller size");
        }

        if (previous?.Figures is { } smaller && smaller.BytesPerUpdate * size > sizes.MemoryLimitBytes)
        {
            return new ScaleOutcome(name, size, null, string.Create(CultureInfo.InvariantCulture,
                $"not attempted: would retain about {smaller.BytesPerUpdate * size / 1e9:0.#} GB, over the run's {sizes.MemoryLimitBytes / 1e9:0.#} GB"));
        }

        try
        {
            return Load(catalog.Create<long>(name), name, size, sizes);
        }
        catch (OutOfMemoryException)
        {
            return new ScaleOutcome(name, size, null, "stopped: out of memory");
        }
        finally
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
    }

    private static ScaleOutcome Load(IndexSubject<long> subject, string name, int size, ScaleSizes sizes)
    {
        var batch = new LongUpdate[sizes.BatchSize];
        var keys = new KeyPermutation(size);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        var (kernel, user) = (process.PrivilegedProcessorTime, process.UserProcessorTime);
        long ticks = 0, slowest = 0, slowestOwn = 0, pauses = 0;
        int added = 0;
        ulong time = 0;
        while (added < size)
        {
            if (size - added < batch.Length)
            {
                batch = new LongUpdate[size - added];
            }

            for (int j = 0; j < batch.Length; j++)
            {
                long key = keys[added + j];
                batch[j] = new(key, key, time, 1);
            }

            var timing = AddTimer.Time(subject, batch);
            ticks += timing.Ticks;
            pauses += timing.PauseTicks;
            slowest = Math.Max(slowest, timing.Ticks);
            slowestOwn = Math.Max(slowestOwn, timing.OwnTicks);
            added += batch.Length;
            time++;
            if (AddTiming.Nanoseconds(ticks) > sizes.TimeLimit.TotalNanoseconds && added < size)
            {
                return new ScaleOutcome(name, size, null, string.Create(CultureInfo.InvariantCulture,
                    $"stopped after {sizes.TimeLimit.TotalMinutes:0} minutes, at {Shape.Abbreviate(added)} updates"));
            }
        }

        // One more update, past every loaded key and at the next time, so that every trace seals what it holds.
        subject.Add([new(size, 0, time, 1)]);
        subject.CompleteLoad();
        process.Refresh();
        var loadKernel = process.PrivilegedProcessorTime - kernel;
        var loadTotal = loadKernel + (process.UserProcessorTime - user);
        double kernelShare = loadTotal > TimeSpan.Zero ? loadKernel / loadTotal : 0;
        long after = GC.GetTotalMemory(forceFullCollection: true);
        var reader = CursorLookupSubject.Reader(name, subject);
        var figures = new ScaleFigures(
            size / (AddTiming.Nanoseconds(ticks) / 1e9),
            (after - before) / (double)size,
            LookupsPerSecond(reader, size, sizes, sorted: false),
            LookupsPerSecond(reader, size, sizes, sorted: true),
            AddTiming.Nanoseconds(slowest) / 1e6,
            AddTiming.Nanoseconds(slowestOwn) / 1e6,
            AddTiming.Nanoseconds(pauses) / 1e9,
            kernelShare);
        GC.KeepAlive(subject);
        return new ScaleOutcome(name, size, figures, null);
    }

    /// <summary>Looks up <see cref="ScaleSizes.Lookups"/> present keys in batches and checks that each is found once.</summary>
    private static double LookupsPerSecond(IndexSubject<long> reader, int size, ScaleSizes sizes, bool sorted)
    {
        var batches = LookupBatches.Draw(size, sizes.BatchSize, sizes.Lookups, size, sorted);
        long found = 0;
        long start = Stopwatch.GetTimestamp();
        foreach (var keys in batches)
        {
            found += reader.LookupBatch(keys);
        }

        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        long expected = (long)batches.Length * sizes.BatchSize;
        return found == expected
            ? expected / seconds
            : throw new InvalidOperationException($"The look-ups found {found}, not {expected}.");
    }

    private static string Describe(ScaleOutcome outcome) => outcome.Figures is { } f
        ? string.Create(CultureInfo.InvariantCulture,
            $"scale {outcome.Subject} {Shape.Abbreviate(outcome.Size)}: load {Formats.Rate(f.UpdatesPerSecond)}/s, {f.BytesPerUpdate:0.#} B/update, look-ups {Formats.Rate(f.RandomLookupsPerSecond)}/s random, {Formats.Rate(f.SortedLookupsPerSecond)}/s sorted, slowest Add {f.SlowestOwnAddMilliseconds:0.##} ms own, {f.SlowestAddMilliseconds:0.##} ms in all")
        : $"scale {outcome.Subject} {Shape.Abbreviate(outcome.Size)}: {outcome.Stopped}";
}
