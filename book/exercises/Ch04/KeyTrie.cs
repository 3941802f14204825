using System.Numerics;
using Traces;

namespace Exercises.Ch04;

/// <summary>
/// A trie for a collection of keys alone: two layers, the keys and each key's <c>(time, diff)</c> history, with
/// no value layer between them.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// Part 3's trie over <see cref="Unit"/> values stores one <c>((), end)</c> entry per key, which says nothing:
/// every key has exactly one value. Here a key's end offset points straight into the history. The merge walks
/// the keys side by side, copies the history of a key on one side as one block, and merges the histories of a
/// key on both sides by time; a key whose history cancels is not sealed.
/// </remarks>
public sealed class KeyTrie<TKey, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IEqualityOperators<TDiff, TDiff, bool>
{
    #region layers
    // Keys ascending; End is one past the key's last pair in _history.
    private readonly (TKey Key, int End)[] _keys;
    // Each key's (time, diff) pairs, sorted by time, no zero diff.
    private readonly (TTime Time, TDiff Diff)[] _history;
    #endregion

    private KeyTrie((TKey Key, int End)[] keys, (TTime Time, TDiff Diff)[] history)
    {
        _keys = keys;
        _history = history;
    }

    /// <summary>Gets the keys, ascending, each with the end offset of its history.</summary>
    public ReadOnlySpan<(TKey Key, int End)> Keys => _keys;

    /// <summary>Gets each key's <c>(time, diff)</c> pairs, sorted by time.</summary>
    public ReadOnlySpan<(TTime Time, TDiff Diff)> History => _history;

    /// <summary>Gets the number of updates the trie holds.</summary>
    public int UpdateCount => _history.Length;

    /// <summary>Returns the history of the key at offset <paramref name="key"/>.</summary>
    /// <param name="key">An offset into <see cref="Keys"/>.</param>
    public ReadOnlySpan<(TTime Time, TDiff Diff)> HistoryOf(int key) =>
        _history.AsSpan((key == 0 ? 0 : _keys[key - 1].End).._keys[key].End);

    /// <summary>Returns the offset of <paramref name="key"/>, or a negative number if the trie does not hold it.</summary>
    /// <param name="key">The key.</param>
    public int FindKey(TKey key)
    {
        int low = 0, high = _keys.Length;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            int order = Ordering.Compare(_keys[middle].Key, key);
            if (order == 0)
            {
                return middle;
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle);
        }

        return -1;
    }

    /// <summary>Builds the trie of updates sorted by <c>(key, time)</c> and consolidated.</summary>
    /// <param name="updates">The updates; their values are all <see cref="Unit.Value"/>.</param>
    public static KeyTrie<TKey, TTime, TDiff> FromSorted(ReadOnlySpan<Update<TKey, Unit, TTime, TDiff>> updates)
    {
        var builder = new Builder(updates.Length, updates.Length);
        for (int i = 0; i < updates.Length; i++)
        {
            builder.Push(updates[i].Time, updates[i].Diff);
            if (i + 1 == updates.Length || Ordering.Compare(updates[i + 1].Key, updates[i].Key) != 0)
            {
                builder.SealKey(updates[i].Key);
            }
        }

        return builder.Build();
    }

    /// <summary>Merges two tries into a new, consolidated trie.</summary>
    /// <param name="left">The first trie.</param>
    /// <param name="right">The second trie.</param>
    public static KeyTrie<TKey, TTime, TDiff> Merge(KeyTrie<TKey, TTime, TDiff> left, KeyTrie<TKey, TTime, TDiff> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var builder = new Builder(left._keys.Length + right._keys.Length, left.UpdateCount + right.UpdateCount);

        #region merge
        int i = 0, j = 0;
        while (i < left._keys.Length || j < right._keys.Length)
        {
            int order = i == left._keys.Length ? 1
                : j == right._keys.Length ? -1
                : Ordering.Compare(left._keys[i].Key, right._keys[j].Key);
            if (order < 0)
            {
                builder.CopyKey(left._keys[i].Key, left.HistoryOf(i));
                i++;
            }
            else if (order > 0)
            {
                builder.CopyKey(right._keys[j].Key, right.HistoryOf(j));
                j++;
            }
            else
            {
                // One level less than part 3: the key's two histories merge directly.
                builder.MergeHistories(left.HistoryOf(i), right.HistoryOf(j));
                builder.SealKey(left._keys[i].Key);
                i++;
                j++;
            }
        }
        #endregion

        return builder.Build();
    }

    /// <summary>Returns the trie with every time advanced by <paramref name="frontier"/>, consolidated.</summary>
    /// <param name="frontier">The elements of the compaction frontier.</param>
    public KeyTrie<TKey, TTime, TDiff> AdvanceBy(ReadOnlySpan<TTime> frontier)
    {
        var builder = new Builder(_keys.Length, UpdateCount);
        for (int key = 0; key < _keys.Length; key++)
        {
            builder.PushAdvanced(HistoryOf(key), frontier);
            builder.SealKey(_keys[key].Key);
        }

        return builder.Build();
    }

    /// <summary>Writes the two layers bottom up; sealing a key with no pending history adds nothing.</summary>
    private sealed class Builder(int keys, int history)
    {
        private readonly (TKey Key, int End)[] _keys = new (TKey, int)[keys];
        private readonly (TTime Time, TDiff Diff)[] _history = new (TTime, TDiff)[history];
        private int _keyCount;
        private int _historyCount;

        private int SealedHistory => _keyCount == 0 ? 0 : _keys[_keyCount - 1].End;

        public void Push(TTime time, TDiff diff) => _history[_historyCount++] = (time, diff);

        public void SealKey(TKey key)
        {
            if (_historyCount > SealedHistory)
            {
                _keys[_keyCount++] = (key, _historyCount);
            }
        }

        public void CopyKey(TKey key, ReadOnlySpan<(TTime Time, TDiff Diff)> history)
        {
            history.CopyTo(_history.AsSpan(_historyCount));
            _historyCount += history.Length;
            _keys[_keyCount++] = (key, _historyCount);
        }

        public void MergeHistories(ReadOnlySpan<(TTime Time, TDiff Diff)> a, ReadOnlySpan<(TTime Time, TDiff Diff)> b)
        {
            int i = 0, j = 0;
            while (i < a.Length && j < b.Length)
            {
                int order = a[i].Time.CompareTo(b[j].Time);
                if (order != 0)
                {
                    var (time, diff) = order < 0 ? a[i++] : b[j++];
                    Push(time, diff);
                    continue;
                }

                TDiff sum = a[i].Diff + b[j].Diff;
                if (sum != TDiff.AdditiveIdentity)
                {
                    Push(a[i].Time, sum);
                }

                i++;
                j++;
            }

            a[i..].CopyTo(_history.AsSpan(_historyCount));
            _historyCount += a.Length - i;
            b[j..].CopyTo(_history.AsSpan(_historyCount));
            _historyCount += b.Length - j;
        }

        public void PushAdvanced(ReadOnlySpan<(TTime Time, TDiff Diff)> history, ReadOnlySpan<TTime> frontier)
        {
            var pending = _history.AsSpan(_historyCount, history.Length);
            history.CopyTo(pending);
            for (int i = 0; i < pending.Length; i++)
            {
                pending[i].Time = pending[i].Time.AdvanceByElements(frontier);
            }

            _historyCount += Consolidation.ConsolidateTimes(pending);
        }

        public KeyTrie<TKey, TTime, TDiff> Build() => new(_keys[.._keyCount], _history[.._historyCount]);
    }
}
