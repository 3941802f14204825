using Traces.Index;

namespace Traces.Benchmarks;

/// <summary>Part 4's native batched look-up: <see cref="IndexedTrace{TKey, TVal, TTime, TDiff}.GetSorted"/> over a whole batch of keys.</summary>
/// <remarks>
/// <c>GetSorted</c> wants ascending keys, so a batch that is not ascending is copied and sorted first, and the
/// sort is charged to the look-up: that is what a caller holding random keys would pay. An ascending batch is
/// passed as it is.
/// </remarks>
public static class Part4Lookup
{
    /// <summary>Returns the sum of the diffs of every key's updates, found by one sorted batched look-up.</summary>
    /// <param name="trace">A loaded part 4 trace.</param>
    /// <param name="keys">The keys, in any order.</param>
    public static long SumDiffs(IndexedTrace<long, long, Timestamp, long> trace, long[] keys)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(keys);
        long[] sorted = keys;
        if (!IsAscending(keys))
        {
            sorted = (long[])keys.Clone();
            Array.Sort(sorted);
        }

        var output = new List<LongUpdate>(sorted.Length);
        int[] ends = new int[sorted.Length];
        trace.GetSorted(sorted, output, ends);
        long sum = 0;
        foreach (var update in output)
        {
            sum += update.Diff;
        }

        return sum;
    }

    private static bool IsAscending(long[] keys)
    {
        for (int i = 1; i < keys.Length; i++)
        {
            if (keys[i - 1] > keys[i])
            {
                return false;
            }
        }

        return true;
    }
}
