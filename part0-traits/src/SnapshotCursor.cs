using System.Numerics;

namespace Traces;

/// <summary>
/// A cursor over a copy of a trace's updates, sorted and consolidated when the cursor is made: how a trace that
/// keeps no order (a hash map, the reference model) offers navigation.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// Making the cursor costs a sort of every update, <c>O(n log n)</c>, and a copy into three sorted columns (keys,
/// values, histories, each with the offsets where the next layer's runs end, a small trie); after that every
/// step is an array read and every seek a binary search from the current position. A sorted trace builds its cursor
/// over the runs it already keeps, without this copy.
/// </remarks>
public sealed class SnapshotCursor<TKey, TVal, TTime, TDiff> : ITraceCursor<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    private readonly TraceVersion _version;
    // The trace's version when the snapshot was taken; every member checks it.
    private readonly int _seen;
    private readonly TKey[] _keys;
    // The values of _keys[i] are _vals[_keyEnds[i - 1].._keyEnds[i]] (from 0 for i = 0); never empty.
    private readonly int[] _keyEnds;
    private readonly TVal[] _vals;
    // The history of _vals[j] is _history[_valEnds[j - 1].._valEnds[j]] (from 0 for j = 0); never empty.
    private readonly int[] _valEnds;
    private readonly (TTime Time, TDiff Diff)[] _history;
    // The current key, in [0, _keys.Length]; _keys.Length is past the end.
    private int _key;
    // The current value, in [start of _key's values, _keyEnds[_key]]; the end is past the key's last value.
    private int _val;

    /// <summary>Makes a cursor over <paramref name="updates"/>, which it sorts and consolidates in place.</summary>
    /// <param name="version">The version of the trace the updates were copied from.</param>
    /// <param name="updates">A copy of the trace's updates, with times already advanced if the trace compacts.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SnapshotCursor(TraceVersion version, Update<TKey, TVal, TTime, TDiff>[] updates)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(updates);
        _version = version;
        _seen = version.Value;
        int length = Consolidation.Consolidate(updates.AsSpan());
        var keys = new List<TKey>();
        var keyEnds = new List<int>();
        var vals = new List<TVal>();
        var valEnds = new List<int>();
        _history = new (TTime, TDiff)[length];
        for (int i = 0; i < length; i++)
        {
            var update = updates[i];
            bool newKey = i == 0 || Ordering.Compare(updates[i - 1].Key, update.Key) != 0;
            if (newKey && i > 0)
            {
                keyEnds.Add(vals.Count);
            }

            if (newKey || Ordering.Compare(updates[i - 1].Val, update.Val) != 0)
            {
                if (i > 0)
                {
                    valEnds.Add(i);
                }

                vals.Add(update.Val);
            }

            if (newKey)
            {
                keys.Add(update.Key);
            }

            _history[i] = (update.Time, update.Diff);
        }

        if (length > 0)
        {
            keyEnds.Add(vals.Count);
            valEnds.Add(length);
        }

        _keys = [.. keys];
        _keyEnds = [.. keyEnds];
        _vals = [.. vals];
        _valEnds = [.. valEnds];
        RewindKeys();
    }

    /// <inheritdoc />
    public bool KeyValid
    {
        get
        {
            _version.Check(_seen);
            return _key < _keys.Length;
        }
    }

    /// <inheritdoc />
    public bool ValValid
    {
        get
        {
            _version.Check(_seen);
            return _key < _keys.Length && _val < _keyEnds[_key];
        }
    }

    /// <inheritdoc />
    public TKey Key
    {
        get
        {
            if (!KeyValid)
            {
                ThrowPastEnd("key");
            }

            return _keys[_key];
        }
    }

    /// <inheritdoc />
    public TVal Val
    {
        get
        {
            if (!ValValid)
            {
                ThrowPastEnd("value");
            }

            return _vals[_val];
        }
    }

    /// <inheritdoc />
    public ReadOnlySpan<(TTime Time, TDiff Diff)> History
    {
        get
        {
            if (!ValValid)
            {
                ThrowPastEnd("value");
            }

            int start = _val == 0 ? 0 : _valEnds[_val - 1];
            return _history.AsSpan(start, _valEnds[_val] - start);
        }
    }

    /// <inheritdoc />
    public void StepKey()
    {
        _version.Check(_seen);
        if (_key < _keys.Length)
        {
            _key++;
            RewindValsCore();
        }
    }

    /// <inheritdoc />
    public void SeekKey(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _version.Check(_seen);
        if (_key < _keys.Length && Ordering.Compare(_keys[_key], key) <= 0)
        {
            _key = LowerBound(_keys, _key, _keys.Length, key);
            RewindValsCore();
        }
    }

    /// <inheritdoc />
    public void StepVal()
    {
        _version.Check(_seen);
        if (_key < _keys.Length && _val < _keyEnds[_key])
        {
            _val++;
        }
    }

    /// <inheritdoc />
    public void SeekVal(TVal val)
    {
        ArgumentNullException.ThrowIfNull(val);
        _version.Check(_seen);
        if (_key < _keys.Length && _val < _keyEnds[_key])
        {
            _val = LowerBound(_vals, _val, _keyEnds[_key], val);
        }
    }

    /// <inheritdoc />
    public void RewindKeys()
    {
        _version.Check(_seen);
        _key = 0;
        RewindValsCore();
    }

    /// <inheritdoc />
    public void RewindVals()
    {
        _version.Check(_seen);
        RewindValsCore();
    }

    private void RewindValsCore() => _val = _key == 0 || _key >= _keys.Length ? 0 : _keyEnds[_key - 1];

    /// <summary>Returns the first index in <c>[lo, hi)</c> whose item is not less than <paramref name="sought"/>, or <paramref name="hi"/>.</summary>
    private static int LowerBound<T>(T[] items, int lo, int hi, T sought)
        where T : IComparable<T>
    {
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (Ordering.Compare(items[mid], sought) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static void ThrowPastEnd(string what) =>
        throw new InvalidOperationException($"The cursor is past the last {what}; check KeyValid or ValValid first.");
}
