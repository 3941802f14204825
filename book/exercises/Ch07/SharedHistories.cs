using Traces;
using Traces.OrdNeu;

namespace Exercises.Ch07;

#region shared
/// <summary>
/// Measures what a wider singleton trick would save: a value whose whole history (two or more
/// updates) equals the history of the value just before it could point at that history instead of
/// storing it again.
/// </summary>
public static class SharedHistories
{
    /// <summary>The stored <c>(time, diff)</c> pairs that sharing whole histories would
    /// save.</summary>
    public static long PairsSaved<TKey, TVal, TKeys, TVals>(
        OrdValStorage<TKey, TVal, Timestamp, long, TKeys, TVals> storage)
        where TKeys : struct, IBatchContainer<TKeys, TKey>
        where TVals : struct, IBatchContainer<TVals, TVal>
    {
        ArgumentNullException.ThrowIfNull(storage);
        long saved = 0;
        // The stored range of the previous value's history; empty before the first value.
        long previousLower = 0, previousUpper = 0;
        for (int val = 0; val < storage.ValCount; val++)
        {
            long lower = storage.ValOffsetAt(val);
            long upper = storage.ValOffsetAt(val + 1);
            if (lower == upper)
            {
                // A singleton already costs nothing; it shares the pair just before.
                (previousLower, previousUpper) = (upper - 1, upper);
                continue;
            }

            if (upper - lower > 1 && SameRun(storage, previousLower, previousUpper, lower, upper))
            {
                saved += upper - lower;
            }

            (previousLower, previousUpper) = (lower, upper);
        }

        return saved;
    }

    private static bool SameRun<TKey, TVal, TKeys, TVals>(
        OrdValStorage<TKey, TVal, Timestamp, long, TKeys, TVals> storage,
        long lower1, long upper1, long lower2, long upper2)
        where TKeys : struct, IBatchContainer<TKeys, TKey>
        where TVals : struct, IBatchContainer<TVals, TVal>
    {
        if (upper1 - lower1 != upper2 - lower2)
        {
            return false;
        }

        for (long i = 0; i < upper1 - lower1; i++)
        {
            if (!EqualityComparer<(Timestamp, long)>.Default.Equals(
                storage.StoredUpdateAt((int)(lower1 + i)),
                storage.StoredUpdateAt((int)(lower2 + i))))
            {
                return false;
            }
        }

        return true;
    }
}
#endregion
