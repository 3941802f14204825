using Traces;
using Traces.OrdNeu;

namespace Exercises.Ch10;

#region geometric
/// <summary>Merges sorted runs as they arrive, by the batcher's rule, and counts the updates it
/// moves.</summary>
public static class GeometricRuns
{
    public static (Update<long, long, Timestamp, long>[] Merged, long Moved) MergeAll(
        IEnumerable<Update<long, long, Timestamp, long>[]> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var chains = new List<Update<long, long, Timestamp, long>[]>();
        long moved = 0;
        foreach (var run in runs)
        {
            chains.Add(run);
            // No chain may hold at least half as many updates as the chain before it.
            while (chains.Count > 1 && 2 * chains[^1].Length >= chains[^2].Length)
            {
                var merged = Merge(chains[^2], chains[^1]);
                moved += merged.Length;
                chains.RemoveRange(chains.Count - 2, 2);
                chains.Add(merged);
            }
        }

        while (chains.Count > 1) // the final merge of everything left, smallest first
        {
            var merged = Merge(chains[^2], chains[^1]);
            moved += merged.Length;
            chains.RemoveRange(chains.Count - 2, 2);
            chains.Add(merged);
        }

        return (chains.Count == 0 ? [] : chains[0], moved);
    }

    private static Update<long, long, Timestamp, long>[] Merge(
        Update<long, long, Timestamp, long>[] left, Update<long, long, Timestamp, long>[] right)
    {
        var destination = new Update<long, long, Timestamp, long>[left.Length + right.Length];
        int written =
            Consolidation.MergeSorted(left, right, destination);
        return destination[..written];
    }
}
#endregion
