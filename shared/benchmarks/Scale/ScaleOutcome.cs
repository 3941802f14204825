namespace Traces.Benchmarks;

/// <summary>What one subject did at one size of the scale run: its figures, or why it has none.</summary>
/// <param name="Subject">The subject's name.</param>
/// <param name="Size">The number of updates it was to load.</param>
/// <param name="Figures">The figures, or <see langword="null"/> when the size was stopped or not attempted.</param>
/// <param name="Stopped">Why there are no figures (out of time, out of memory, or stopped at a smaller size); else <see langword="null"/>.</param>
public sealed record ScaleOutcome(string Subject, int Size, ScaleFigures? Figures, string? Stopped);

/// <summary>The figures of one load in the scale run.</summary>
/// <param name="UpdatesPerSecond">Updates loaded per second of <c>Add</c> calls.</param>
/// <param name="BytesPerUpdate">Bytes retained per update once loaded (after a full collection).</param>
/// <param name="RandomLookupsPerSecond">Look-ups per second in batches of random keys.</param>
/// <param name="SortedLookupsPerSecond">Look-ups per second in batches of the same keys, each batch sorted.</param>
/// <param name="SlowestAddMilliseconds">The slowest <c>Add</c> of the load, collector pauses included.</param>
/// <param name="SlowestOwnAddMilliseconds">
/// The slowest <c>Add</c> of the load with the collector's pauses taken out: for a structure that merges, the
/// largest merge it does inside one call.
/// </param>
/// <param name="PauseSeconds">The collector's pauses during the load, in total.</param>
/// <param name="KernelShare">
/// The share of the process's processor time during the load spent in the operating system's kernel: its work on
/// the load's behalf, such as handing out and zeroing fresh pages of memory the first time the load touches them.
/// </param>
public sealed record ScaleFigures(
    double UpdatesPerSecond,
    double BytesPerUpdate,
    double RandomLookupsPerSecond,
    double SortedLookupsPerSecond,
    double SlowestAddMilliseconds,
    double SlowestOwnAddMilliseconds,
    double PauseSeconds,
    double KernelShare);
