namespace Traces.Tries;

/// <summary>
/// An immutable, consolidated set of updates stored as a flattened trie of three layers: keys, the values of each
/// key, and the <c>(time, diff)</c> history of each value.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// <para>
/// Each layer is one array. <see cref="Keys"/> holds the keys in ascending order, each with the end offset of its
/// values in <see cref="Vals"/>; a key's values start where the previous key's end. <see cref="Vals"/> holds each
/// key's values in ascending order, each with the end offset of its history in <see cref="History"/>, which
/// holds each value's <c>(time, diff)</c> pairs sorted by time. A key or value is stored once however many
/// updates mention it.
/// </para>
/// <para>
/// Tries are consolidated: no key without values, no value without history, no two pairs of one history with
/// equal times, no zero diff. Tries are built by <see cref="TrieBuilder{TKey, TVal, TTime, TDiff}"/>.
/// </para>
/// </remarks>
public sealed class Trie<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
{
    #region layers
    private readonly (TKey Key, int End)[] _keys;
    private readonly (TVal Val, int End)[] _vals;
    private readonly (TTime Time, TDiff Diff)[] _history;
    #endregion

    internal Trie((TKey Key, int End)[] keys, (TVal Val, int End)[] vals, (TTime Time, TDiff Diff)[] history)
    {
        _keys = keys;
        _vals = vals;
        _history = history;
    }

    /// <summary>Gets the empty trie.</summary>
    public static Trie<TKey, TVal, TTime, TDiff> Empty { get; } = new([], [], []);

    /// <summary>Gets the keys, ascending, each with the end offset of its values in <see cref="Vals"/>.</summary>
    public ReadOnlySpan<(TKey Key, int End)> Keys => _keys;

    /// <summary>Gets each key's values, ascending, each with the end offset of its history in <see cref="History"/>.</summary>
    public ReadOnlySpan<(TVal Val, int End)> Vals => _vals;

    /// <summary>Gets each value's <c>(time, diff)</c> pairs, sorted by time.</summary>
    public ReadOnlySpan<(TTime Time, TDiff Diff)> History => _history;

    /// <summary>Gets the number of updates the trie holds (the length of its history layer).</summary>
    public int UpdateCount => _history.Length;

    /// <summary>Returns the offset of the first value of the key at <paramref name="key"/>.</summary>
    /// <param name="key">An offset into <see cref="Keys"/>.</param>
    public int ValsStart(int key) => key == 0 ? 0 : _keys[key - 1].End;

    /// <summary>Returns the offset of the first history pair of the value at <paramref name="val"/>.</summary>
    /// <param name="val">An offset into <see cref="Vals"/>.</param>
    public int HistoryStart(int val) => val == 0 ? 0 : _vals[val - 1].End;

    /// <summary>Returns the number of updates held for the key at <paramref name="key"/>.</summary>
    /// <param name="key">An offset into <see cref="Keys"/>.</param>
    public int UpdateCountOf(int key) => _vals[_keys[key].End - 1].End - HistoryStart(ValsStart(key));

    /// <summary>
    /// Returns the offset of <paramref name="key"/> in <see cref="Keys"/>, or the bitwise complement of the offset
    /// at which it would be inserted, as <see cref="Array.BinarySearch(Array, object)"/> does.
    /// </summary>
    /// <param name="key">The key to find.</param>
    public int FindKey(TKey key) => LayerSearch.Find(Keys, key);

    /// <summary>
    /// Writes the updates of the key at <paramref name="key"/> to <paramref name="destination"/>, sorted by
    /// <c>(val, time)</c>; returns how many were written (<see cref="UpdateCountOf"/>).
    /// </summary>
    /// <param name="key">An offset into <see cref="Keys"/>.</param>
    /// <param name="destination">Where to write; at least <see cref="UpdateCountOf"/> long.</param>
    public int CopyUpdates(int key, Span<Update<TKey, TVal, TTime, TDiff>> destination)
    {
        #region copy-updates
        TKey k = _keys[key].Key;
        int written = 0;
        for (int val = ValsStart(key); val < _keys[key].End; val++)
        {
            TVal v = _vals[val].Val;
            for (int h = HistoryStart(val); h < _vals[val].End; h++)
            {
                destination[written++] = new(k, v, _history[h].Time, _history[h].Diff);
            }
        }

        return written;
        #endregion
    }
}
