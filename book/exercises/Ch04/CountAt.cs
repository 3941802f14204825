using System.Numerics;
using Traces;
using Traces.Tries;

namespace Exercises.Ch04;

/// <summary>A point query on one trie: the count of one <c>(key, val)</c> at one time, read down the layers.</summary>
public static class CountAt
{
    /// <summary>
    /// Returns the sum of the diffs of <paramref name="trie"/>'s updates of <c>(key, val)</c> at times
    /// <c>≤ time</c>: the record's count in the collection at <paramref name="time"/>, as far as this trie says.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="trie">The trie.</param>
    /// <param name="key">The key.</param>
    /// <param name="val">The value.</param>
    /// <param name="time">The time to read at.</param>
    public static TDiff Count<TKey, TVal, TTime, TDiff>(
        Trie<TKey, TVal, TTime, TDiff> trie, TKey key, TVal val, TTime time)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>
    {
        ArgumentNullException.ThrowIfNull(trie);

        #region count-at
        int k = trie.FindKey(key);
        if (k < 0)
        {
            return TDiff.AdditiveIdentity;
        }

        // The key's values are sorted too: binary-search them as FindKey searched the keys.
        int low = trie.ValsStart(k), high = trie.Keys[k].End;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            int order = Ordering.Compare(trie.Vals[middle].Val, val);
            if (order == 0)
            {
                low = middle;
                break;
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle);
        }

        if (low == trie.Keys[k].End || Ordering.Compare(trie.Vals[low].Val, val) != 0)
        {
            return TDiff.AdditiveIdentity;
        }

        TDiff sum = TDiff.AdditiveIdentity;
        foreach (var (t, diff) in trie.History[trie.HistoryStart(low)..trie.Vals[low].End])
        {
            // Visibility is the partial order. The sort order extends it, so once a time
            // sorts after the reader's, no later time can be at most it.
            if (t.CompareTo(time) > 0)
            {
                break;
            }

            if (t.LessEqual(time))
            {
                sum += diff;
            }
        }

        return sum;
        #endregion
    }
}
