using System.Numerics;

namespace Traces.Sorted;

/// <summary>Merging of sorted, consolidated update lists.</summary>
/// <remarks>
/// Both inputs are sorted by <c>(key, val, time)</c> with no two entries sharing all three. The merge walks them
/// once, side by side (<see cref="Consolidation.MergeSorted{TKey, TVal, TTime, TDiff}"/>, which part 5's merge
/// batcher runs too): the smaller head is copied, and equal heads are summed and kept only if the sum is not zero.
/// The output is sized for the worst case (nothing cancels) and trimmed at the end, so the merge allocates one
/// array, and a second, shorter one when something cancelled.
/// </remarks>
public static class SortedMerge
{
    /// <summary>Merges two sorted, consolidated lists into a new sorted, consolidated list.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns>The consolidated union of both lists.</returns>
    public static Update<TKey, TVal, TTime, TDiff>[] Merge<TKey, TVal, TTime, TDiff>(
        ReadOnlySpan<Update<TKey, TVal, TTime, TDiff>> left,
        ReadOnlySpan<Update<TKey, TVal, TTime, TDiff>> right)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : IComparable<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        #region merge
        var merged = new Update<TKey, TVal, TTime, TDiff>[left.Length + right.Length];
        int written = Consolidation.MergeSorted(left, right, merged);
        #endregion

        if (written < merged.Length)
        {
            Array.Resize(ref merged, written);
        }

        return merged;
    }

    /// <summary>
    /// Returns the index of the first update in <paramref name="list"/> whose key is not less than
    /// <paramref name="key"/>, or the list's length if there is none.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="list">A list sorted by key.</param>
    /// <param name="key">The key to find.</param>
    public static int LowerBound<TKey, TVal, TTime, TDiff>(ReadOnlySpan<Update<TKey, TVal, TTime, TDiff>> list, TKey key)
        where TKey : IComparable<TKey>
    {
        #region lower-bound
        int low = 0, high = list.Length;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (Ordering.Compare(list[middle].Key, key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
        #endregion
    }

    /// <summary>
    /// Returns the index of the first update at or after <paramref name="from"/> that <paramref name="bound"/> does
    /// not place before the position sought, or the list's length if there is none; galloping, so that the cost
    /// grows with the logarithm of the distance moved, not of the list's length.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <typeparam name="TBound">The position sought, a struct so that each test is a direct call.</typeparam>
    /// <param name="list">A list in which the updates <paramref name="bound"/> places before come first.</param>
    /// <param name="from">Where to start; every update before it is taken to be before the position.</param>
    /// <param name="bound">The position sought.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="from"/> is negative or greater than the list's length.
    /// </exception>
    /// <remarks>
    /// A finger that moves a short way through a long list pays a few tests: the search probes
    /// <c>from + 1, from + 2, from + 4, …</c> until it passes the position, then halves the last step. A cursor's
    /// seeks and steps are such moves, one finger per list.
    /// </remarks>
    public static int Gallop<TKey, TVal, TTime, TDiff, TBound>(
        ReadOnlySpan<Update<TKey, TVal, TTime, TDiff>> list, int from, TBound bound)
        where TBound : struct, IUpdateBound<TKey, TVal, TTime, TDiff>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, list.Length);

        #region gallop
        if (from == list.Length || !bound.IsBefore(in list[from]))
        {
            return from;
        }

        // list[low - 1] is before the position; double the step until list[high] is not (or high
        // passes the end), then search [low, high) by halving.
        int low = from + 1, step = 1, high = low;
        while (high < list.Length && bound.IsBefore(in list[high]))
        {
            low = high + 1;
            step <<= 1;
            high = from + step;
        }

        high = Math.Min(high, list.Length);
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (bound.IsBefore(in list[middle]))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
        #endregion
    }
}
