using System.Numerics;

namespace Traces.Tries;

/// <summary>Merging and compaction of <see cref="Trie{TKey, TVal, TTime, TDiff}"/>s.</summary>
/// <remarks>
/// A merge walks the two key layers side by side. A key on one side only is copied with its whole subtree (two
/// block copies); a key on both sides has its values merged the same way, one level down, and a value on both
/// sides has its two histories merged by time, summing equal times and dropping zeros. Values whose history
/// cancels, and keys whose values all cancel, are not sealed, so the result is consolidated.
/// </remarks>
public static class TrieMerge
{
    /// <summary>Merges two tries into a new, consolidated trie.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="left">The first trie.</param>
    /// <param name="right">The second trie.</param>
    public static Trie<TKey, TVal, TTime, TDiff> Merge<TKey, TVal, TTime, TDiff>(
        Trie<TKey, TVal, TTime, TDiff> left, Trie<TKey, TVal, TTime, TDiff> right)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var builder = new TrieBuilder<TKey, TVal, TTime, TDiff>(
            left.Keys.Length + right.Keys.Length, left.Vals.Length + right.Vals.Length, left.UpdateCount + right.UpdateCount);

        #region merge
        int i = 0, j = 0;
        while (i < left.Keys.Length && j < right.Keys.Length)
        {
            int order = Ordering.Compare(left.Keys[i].Key, right.Keys[j].Key);
            if (order < 0)
            {
                builder.CopyKey(left, i++);
            }
            else if (order > 0)
            {
                builder.CopyKey(right, j++);
            }
            else
            {
                // The key is on both sides: merge its values; if they all cancel,
                // sealing the key adds nothing.
                MergeVals(builder, left, i, right, j);
                builder.SealKey(left.Keys[i].Key);
                i++;
                j++;
            }
        }

        for (; i < left.Keys.Length; i++)
        {
            builder.CopyKey(left, i);
        }

        for (; j < right.Keys.Length; j++)
        {
            builder.CopyKey(right, j);
        }
        #endregion

        return builder.Build();
    }

    private static void MergeVals<TKey, TVal, TTime, TDiff>(
        TrieBuilder<TKey, TVal, TTime, TDiff> builder,
        Trie<TKey, TVal, TTime, TDiff> left,
        int leftKey,
        Trie<TKey, TVal, TTime, TDiff> right,
        int rightKey)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        #region merge-vals
        int i = left.ValsStart(leftKey), iEnd = left.Keys[leftKey].End;
        int j = right.ValsStart(rightKey), jEnd = right.Keys[rightKey].End;
        while (i < iEnd && j < jEnd)
        {
            int order = Ordering.Compare(left.Vals[i].Val, right.Vals[j].Val);
            if (order < 0)
            {
                builder.CopyVal(left, i++);
            }
            else if (order > 0)
            {
                builder.CopyVal(right, j++);
            }
            else
            {
                MergeHistories(
                    builder,
                    left.History[left.HistoryStart(i)..left.Vals[i].End],
                    right.History[right.HistoryStart(j)..right.Vals[j].End]);
                builder.SealVal(left.Vals[i].Val);
                i++;
                j++;
            }
        }

        for (; i < iEnd; i++)
        {
            builder.CopyVal(left, i);
        }

        for (; j < jEnd; j++)
        {
            builder.CopyVal(right, j);
        }
        #endregion
    }

    private static void MergeHistories<TKey, TVal, TTime, TDiff>(
        TrieBuilder<TKey, TVal, TTime, TDiff> builder,
        ReadOnlySpan<(TTime Time, TDiff Diff)> left,
        ReadOnlySpan<(TTime Time, TDiff Diff)> right)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        #region merge-histories
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            int order = left[i].Time.CompareTo(right[j].Time);
            if (order < 0)
            {
                builder.PushHistory(left[i].Time, left[i].Diff);
                i++;
            }
            else if (order > 0)
            {
                builder.PushHistory(right[j].Time, right[j].Diff);
                j++;
            }
            else
            {
                TDiff sum = left[i].Diff + right[j].Diff;
                if (sum != TDiff.AdditiveIdentity)
                {
                    builder.PushHistory(left[i].Time, sum);
                }

                i++;
                j++;
            }
        }

        for (; i < left.Length; i++)
        {
            builder.PushHistory(left[i].Time, left[i].Diff);
        }

        for (; j < right.Length; j++)
        {
            builder.PushHistory(right[j].Time, right[j].Diff);
        }
        #endregion
    }

    /// <summary>
    /// Returns a trie holding the updates of <paramref name="trie"/> with every time advanced by
    /// <paramref name="frontier"/>, consolidated.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="trie">The trie to compact.</param>
    /// <param name="frontier">The elements of the compaction frontier.</param>
    public static Trie<TKey, TVal, TTime, TDiff> AdvanceBy<TKey, TVal, TTime, TDiff>(
        Trie<TKey, TVal, TTime, TDiff> trie, ReadOnlySpan<TTime> frontier)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        ArgumentNullException.ThrowIfNull(trie);

        #region advance-by
        // Keys and values keep their order; only each value's history needs
        // re-sorting after its times move.
        var builder = new TrieBuilder<TKey, TVal, TTime, TDiff>(
            trie.Keys.Length, trie.Vals.Length, trie.UpdateCount);
        for (int key = 0; key < trie.Keys.Length; key++)
        {
            for (int val = trie.ValsStart(key); val < trie.Keys[key].End; val++)
            {
                foreach (var (time, diff) in trie.History[trie.HistoryStart(val)..trie.Vals[val].End])
                {
                    builder.PushHistory(time, diff);
                }

                builder.AdvancePendingHistory(frontier);
                builder.SealVal(trie.Vals[val].Val);
            }

            builder.SealKey(trie.Keys[key].Key);
        }

        return builder.Build();
        #endregion
    }
}
