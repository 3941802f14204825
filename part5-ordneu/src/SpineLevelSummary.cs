namespace Traces.OrdNeu;

/// <summary>What an exertion policy sees of one spine level.</summary>
/// <param name="Level">The level's index: its batches are nominally up to <c>2^Level</c> updates.</param>
/// <param name="Batches">How many batches the level holds: 0, 1, or 2 (a merge).</param>
/// <param name="Count">The number of actual updates at the level.</param>
public readonly record struct SpineLevelSummary(int Level, int Batches, long Count);
