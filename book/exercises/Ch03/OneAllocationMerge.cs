using System.Numerics;
using Traces;

namespace Exercises.Ch03;

/// <summary>Part 2's merge, allocating exactly one array of exactly the result's length, whatever cancels.</summary>
/// <remarks>
/// A first pass walks both lists as the merge will and counts the entries that survive; the second pass is part
/// 2's merge, writing into an array of that length, so nothing needs trimming.
/// </remarks>
public static class OneAllocationMerge
{
    /// <summary>Merges two sorted, consolidated lists into a new sorted, consolidated list.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    public static Update<TKey, TVal, TTime, TDiff>[] Merge<TKey, TVal, TTime, TDiff>(
        ReadOnlySpan<Update<TKey, TVal, TTime, TDiff>> left,
        ReadOnlySpan<Update<TKey, TVal, TTime, TDiff>> right)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : IComparable<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
            IEqualityOperators<TDiff, TDiff, bool>
    {
        #region count
        // First pass: count the survivors, comparing exactly as the merge below will.
        int count = 0, i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            int order = UpdateOrder<TKey, TVal, TTime, TDiff>.Compare(in left[i], in right[j]);
            if (order != 0)
            {
                count++;
                i += order < 0 ? 1 : 0;
                j += order > 0 ? 1 : 0;
            }
            else
            {
                count += left[i].Diff + right[j].Diff != TDiff.AdditiveIdentity ? 1 : 0;
                i++;
                j++;
            }
        }

        count += left.Length - i + right.Length - j;
        var merged = new Update<TKey, TVal, TTime, TDiff>[count];
        #endregion

        int written = 0;
        i = 0;
        j = 0;
        while (i < left.Length && j < right.Length)
        {
            int order = UpdateOrder<TKey, TVal, TTime, TDiff>.Compare(in left[i], in right[j]);
            if (order < 0)
            {
                merged[written++] = left[i++];
            }
            else if (order > 0)
            {
                merged[written++] = right[j++];
            }
            else
            {
                TDiff sum = left[i].Diff + right[j].Diff;
                if (sum != TDiff.AdditiveIdentity)
                {
                    merged[written++] = left[i] with { Diff = sum };
                }

                i++;
                j++;
            }
        }

        left[i..].CopyTo(merged.AsSpan(written));
        right[j..].CopyTo(merged.AsSpan(written + left.Length - i));
        return merged;
    }
}
