namespace Traces.Benchmarks;

/// <summary>The sizes of a scale run: the load sizes, the sliding window and the latency runs.</summary>
/// <param name="LoadSizes">The numbers of updates each subject is loaded with, ascending.</param>
/// <param name="Lookups">How many keys each look-up figure looks up, in batches of <see cref="BatchSize"/>.</param>
/// <param name="BatchSize">The updates per batch of a load, and the keys per batch of look-ups.</param>
/// <param name="Window">The sliding window's shape.</param>
/// <param name="LatencySizes">The numbers of single-update <c>Add</c>s of the latency runs, ascending.</param>
/// <param name="TimeLimit">The longest one load may run before it is stopped.</param>
/// <param name="MemoryLimitBytes">The most a subject may be expected to retain before a size is not attempted.</param>
public sealed record ScaleSizes(
    IReadOnlyList<int> LoadSizes,
    int Lookups,
    int BatchSize,
    WindowShape Window,
    IReadOnlyList<int> LatencySizes,
    TimeSpan TimeLimit,
    long MemoryLimitBytes)
{
    /// <summary>
    /// The committed run: 1 M to 64 M updates, a window of 20 steps of 1 000 records run for 200 windows, single
    /// updates to 16 M, ten minutes per load, and three quarters of the memory the runtime may use.
    /// </summary>
    public static ScaleSizes Full { get; } = new(
        [1_000_000, 4_000_000, 16_000_000, 64_000_000],
        100_000,
        1_000,
        new WindowShape(Records: 1_000, Width: 20, Windows: 200),
        [1_000_000, 4_000_000, 16_000_000],
        TimeSpan.FromMinutes(10),
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 * 3);

    /// <summary>Sizes small enough for a test: every path of the run in well under a second per subject.</summary>
    public static ScaleSizes Tiny { get; } = new(
        [2_000, 8_000],
        500,
        100,
        new WindowShape(Records: 20, Width: 2, Windows: 12),
        [1_000, 4_000],
        TimeSpan.FromMinutes(1),
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 * 3);
}

/// <summary>
/// The sliding window: every step inserts <paramref name="Records"/> new records at the step's time and retracts
/// the records inserted <paramref name="Width"/> steps earlier, for <paramref name="Windows"/> × <paramref name="Width"/>
/// steps.
/// </summary>
/// <param name="Records">The records inserted per step.</param>
/// <param name="Width">The window, in steps: a record lives this many steps.</param>
/// <param name="Windows">How many windows the run lasts.</param>
public readonly record struct WindowShape(int Records, int Width, int Windows)
{
    /// <summary>Gets the number of steps.</summary>
    public int Steps => checked(Width * Windows);
}
