namespace Traces.Conformance;

/// <summary>Random sorted, consolidated runs of updates, the input every merge test starts from.</summary>
public static class SortedRuns
{
    /// <summary>
    /// Draws <paramref name="length"/> updates over small domains (6 keys, 3 values, 3 times, diffs ±1) so that
    /// keys, values and times meet across runs and some cancel, then sorts and consolidates them.
    /// </summary>
    /// <param name="random">The choices of the model run drawing them.</param>
    /// <param name="length">The number of updates drawn, before consolidation.</param>
    public static Update<int, int, Timestamp, long>[] Random(Choices random, int length)
    {
        ArgumentNullException.ThrowIfNull(random);
        var run = new Update<int, int, Timestamp, long>[length];
        for (int i = 0; i < length; i++)
        {
            run[i] = new(random.Next(6), random.Next(3), (ulong)random.Next(3), random.Next(2) == 0 ? 1 : -1);
        }

        return run[..Consolidation.Consolidate<int, int, Timestamp, long>(run)];
    }
}
