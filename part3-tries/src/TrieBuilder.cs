using System.Numerics;

namespace Traces.Tries;

/// <summary>Builds a <see cref="Trie{TKey, TVal, TTime, TDiff}"/> layer by layer, bottom up.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// History pairs are pushed first; <see cref="SealVal"/> closes the pairs pushed since the last value under a
/// value, and <see cref="SealKey"/> closes the values sealed since the last key under a key. Sealing nothing adds
/// nothing, which is how cancelled values and keys disappear. The layers are sized up front for the largest result
/// (the caller's capacities) and trimmed once by <see cref="Build"/>.
/// </remarks>
public sealed class TrieBuilder<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    // Sealed keys in [0, _keyCount); End is one past the key's last value in _vals, ascending.
    private (TKey Key, int End)[] _keys;
    // Sealed values in [0, _valCount); End is one past the value's last pair in _history, ascending.
    private (TVal Val, int End)[] _vals;
    // Pushed pairs in [0, _historyCount); those past the last sealed value's End await SealVal.
    private (TTime Time, TDiff Diff)[] _history;
    private int _keyCount;
    private int _valCount;
    private int _historyCount;

    /// <summary>Initializes a builder with room for the given number of keys, values and history pairs.</summary>
    /// <param name="keys">The largest number of keys the trie will hold.</param>
    /// <param name="vals">The largest number of values the trie will hold.</param>
    /// <param name="history">The largest number of history pairs the trie will hold.</param>
    public TrieBuilder(int keys, int vals, int history)
    {
        _keys = new (TKey, int)[keys];
        _vals = new (TVal, int)[vals];
        _history = new (TTime, TDiff)[history];
    }

    /// <summary>Builds the trie of a sorted, consolidated run of updates.</summary>
    /// <param name="updates">Updates sorted by <c>(key, val, time)</c>, consolidated.</param>
    public static Trie<TKey, TVal, TTime, TDiff> FromSorted(ReadOnlySpan<Update<TKey, TVal, TTime, TDiff>> updates)
    {
        #region from-sorted
        var builder = new TrieBuilder<TKey, TVal, TTime, TDiff>(
            updates.Length, updates.Length, updates.Length);
        for (int i = 0; i < updates.Length; i++)
        {
            ref readonly var update = ref updates[i];
            builder.PushHistory(update.Time, update.Diff);
            bool lastOfKey = i + 1 == updates.Length
                || Ordering.Compare(updates[i + 1].Key, update.Key) != 0;
            if (lastOfKey || Ordering.Compare(updates[i + 1].Val, update.Val) != 0)
            {
                builder.SealVal(update.Val);
            }

            if (lastOfKey)
            {
                builder.SealKey(update.Key);
            }
        }

        return builder.Build();
        #endregion
    }

    /// <summary>Adds a history pair to the value being built.</summary>
    /// <param name="time">The time.</param>
    /// <param name="diff">The diff; zero diffs should not be pushed.</param>
    public void PushHistory(TTime time, TDiff diff) => _history[_historyCount++] = (time, diff);

    #region seal
    /// <summary>
    /// Closes the history pushed since the last value under <paramref name="val"/>, if there is any.
    /// </summary>
    /// <param name="val">The value.</param>
    public void SealVal(TVal val)
    {
        int start = _valCount == 0 ? 0 : _vals[_valCount - 1].End;
        if (_historyCount > start)
        {
            _vals[_valCount++] = (val, _historyCount);
        }
    }

    /// <summary>
    /// Closes the values sealed since the last key under <paramref name="key"/>, if there are any.
    /// </summary>
    /// <param name="key">The key.</param>
    public void SealKey(TKey key)
    {
        int start = _keyCount == 0 ? 0 : _keys[_keyCount - 1].End;
        if (_valCount > start)
        {
            _keys[_keyCount++] = (key, _valCount);
        }
    }
    #endregion

    /// <summary>Copies the value at <paramref name="val"/> of <paramref name="source"/> with its whole history.</summary>
    /// <param name="source">The trie to copy from.</param>
    /// <param name="val">An offset into the source's values.</param>
    public void CopyVal(Trie<TKey, TVal, TTime, TDiff> source, int val)
    {
        ArgumentNullException.ThrowIfNull(source);
        int start = source.HistoryStart(val);
        int end = source.Vals[val].End;
        source.History[start..end].CopyTo(_history.AsSpan(_historyCount));
        _historyCount += end - start;
        _vals[_valCount++] = (source.Vals[val].Val, _historyCount);
    }

    /// <summary>Copies the key at <paramref name="key"/> of <paramref name="source"/> with all its values and history.</summary>
    /// <param name="source">The trie to copy from.</param>
    /// <param name="key">An offset into the source's keys.</param>
    public void CopyKey(Trie<TKey, TVal, TTime, TDiff> source, int key)
    {
        ArgumentNullException.ThrowIfNull(source);

        #region copy-key
        // The subtree is two contiguous blocks: copy both, shifting the value ends
        // to the new history offsets.
        int valsStart = source.ValsStart(key);
        int valsEnd = source.Keys[key].End;
        int historyStart = source.HistoryStart(valsStart);
        int historyEnd = source.Vals[valsEnd - 1].End;
        source.History[historyStart..historyEnd].CopyTo(_history.AsSpan(_historyCount));
        int shift = _historyCount - historyStart;
        for (int val = valsStart; val < valsEnd; val++)
        {
            _vals[_valCount++] = (source.Vals[val].Val, source.Vals[val].End + shift);
        }

        _historyCount += historyEnd - historyStart;
        _keys[_keyCount++] = (source.Keys[key].Key, _valCount);
        #endregion
    }

    /// <summary>
    /// Advances the times of the history pushed since the last value by <paramref name="frontier"/>, then sorts and
    /// consolidates it.
    /// </summary>
    /// <param name="frontier">The elements of the compaction frontier.</param>
    public void AdvancePendingHistory(ReadOnlySpan<TTime> frontier)
    {
        int start = _valCount == 0 ? 0 : _vals[_valCount - 1].End;
        var pending = _history.AsSpan(start, _historyCount - start);
        for (int i = 0; i < pending.Length; i++)
        {
            pending[i].Time = pending[i].Time.AdvanceByElements(frontier);
        }

        _historyCount = start + Consolidation.ConsolidateTimes(pending);
    }

    /// <summary>Returns the trie built so far, its layers trimmed to their lengths; the builder must not be used after.</summary>
    public Trie<TKey, TVal, TTime, TDiff> Build()
    {
        if (_keyCount == 0)
        {
            return Trie<TKey, TVal, TTime, TDiff>.Empty;
        }

        Array.Resize(ref _keys, _keyCount);
        Array.Resize(ref _vals, _valCount);
        Array.Resize(ref _history, _historyCount);
        return new Trie<TKey, TVal, TTime, TDiff>(_keys, _vals, _history);
    }
}
