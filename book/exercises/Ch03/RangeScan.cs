using System.Numerics;
using Traces;
using Traces.Sorted;

namespace Exercises.Ch03;

/// <summary>A range query over part 2's sorted lists: the consolidated updates of every key in a range, in order.</summary>
/// <remarks>
/// Each list holds the range as one contiguous run, found by two binary searches. The runs are then merged like
/// <c>Keys</c> walks the lists: the smallest head is the next <c>(key, val, time)</c>, every list whose head
/// equals it contributes its diff and moves on, and the entry is kept if the sum is not zero.
/// </remarks>
public static class RangeScan
{
    /// <summary>
    /// Returns the consolidated updates of every key <c>k</c> with <paramref name="from"/> ≤ <c>k</c> &lt;
    /// <paramref name="to"/>, sorted by <c>(key, val, time)</c>.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="lists">Sorted, consolidated lists, as part 2's trace holds them.</param>
    /// <param name="from">The first key of the range.</param>
    /// <param name="to">The first key past the range.</param>
    public static List<Update<TKey, TVal, TTime, TDiff>> Scan<TKey, TVal, TTime, TDiff>(
        IReadOnlyList<Update<TKey, TVal, TTime, TDiff>[]> lists, TKey from, TKey to)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : IComparable<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
            IEqualityOperators<TDiff, TDiff, bool>
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);

        #region scan
        // Each list's part of the range is one run: [LowerBound(from), LowerBound(to)).
        var heads = new int[lists.Count];
        var ends = new int[lists.Count];
        for (int l = 0; l < lists.Count; l++)
        {
            heads[l] = SortedMerge.LowerBound<TKey, TVal, TTime, TDiff>(lists[l], from);
            ends[l] = Math.Max(heads[l], SortedMerge.LowerBound<TKey, TVal, TTime, TDiff>(lists[l], to));
        }

        var result = new List<Update<TKey, TVal, TTime, TDiff>>();
        while (true)
        {
            int first = -1;
            for (int l = 0; l < lists.Count; l++)
            {
                if (heads[l] < ends[l] && (first < 0 || UpdateOrder<TKey, TVal, TTime, TDiff>.Compare(
                        in lists[l][heads[l]], in lists[first][heads[first]]) < 0))
                {
                    first = l;
                }
            }

            if (first < 0)
            {
                return result;
            }

            // A list holds each (key, val, time) once, so each list adds at most one diff.
            var next = lists[first][heads[first]];
            TDiff sum = TDiff.AdditiveIdentity;
            for (int l = first; l < lists.Count; l++)
            {
                if (heads[l] < ends[l] && UpdateOrder<TKey, TVal, TTime, TDiff>.SameRecordAndTime(
                        in lists[l][heads[l]], in next))
                {
                    sum += lists[l][heads[l]++].Diff;
                }
            }

            if (sum != TDiff.AdditiveIdentity)
            {
                result.Add(next with { Diff = sum });
            }
        }
        #endregion
    }
}
