using System.Numerics;

namespace Traces.Sorted;

/// <summary>
/// A cursor over the sorted lists of a <see cref="SortedTrace{TKey, TVal, TTime, TDiff}"/>: its keys in ascending
/// order, each key's values in ascending order, each value's history consolidated across the lists.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// <para>
/// The cursor keeps one finger per list, in an array of <see cref="Finger"/> structs. In each list the current key's
/// updates are one run, <c>[KeyStart, KeyEnd)</c> (empty, at the next greater key, in a list without the key), and
/// within it the current value's updates are one run, <c>[ValStart, ValEnd)</c>. The current key is the least key at
/// the fingers; the current value is the least value at the fingers within the key's runs. Seeks move every finger
/// forward with <see cref="SortedMerge.Gallop"/>, so a batch of ascending look-ups costs each list a search over
/// the distance moved, not over the whole list.
/// </para>
/// <para>
/// The current value's <c>(time, diff)</c> pairs are copied into a <see cref="HistoryBuffer{TTime, TDiff}"/> (a list
/// stores whole updates, so no span over storage has that shape). When one list holds the value the copy is the
/// history: each list is consolidated. When several do, the buffer is consolidated, and a value whose pairs cancel
/// is skipped, as is a key all of whose values cancel. Times need no advancing: the trace advances every stored time
/// when it compacts, and every added one after.
/// </para>
/// <para>
/// Making a cursor allocates its arrays; moving it allocates nothing once the buffer has grown to the longest history
/// read. Every member first checks the trace's <see cref="TraceVersion"/> and throws once the trace has changed.
/// </para>
/// </remarks>
public sealed class SortedTraceCursor<TKey, TVal, TTime, TDiff> : ITraceCursor<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    #region cursor-state
    private readonly TraceVersion _version;
    // The trace's version when the cursor was made; every member checks it first.
    private readonly int _seen;
    // The trace's lists when the cursor was made; unchanged while _seen is current.
    private readonly Update<TKey, TVal, TTime, TDiff>[][] _lists;
    // _fingers[l] is the cursor's position in _lists[l].
    private readonly Finger[] _fingers;
    // The current value's pairs from the lists holding it, consolidated; not empty if _valList >= 0.
    private readonly HistoryBuffer<TTime, TDiff> _history = new();
    // A list whose update at KeyStart is the current key; -1 past the last key.
    private int _keyList = -1;
    // A list whose update at ValStart is the current value; -1 past the current key's last value.
    private int _valList = -1;
    #endregion

    /// <summary>Makes a cursor at the first key and its first value.</summary>
    /// <param name="version">The trace's version.</param>
    /// <param name="lists">The trace's sorted, consolidated lists.</param>
    internal SortedTraceCursor(TraceVersion version, Update<TKey, TVal, TTime, TDiff>[][] lists)
    {
        _version = version;
        _seen = version.Value;
        _lists = lists;
        _fingers = new Finger[lists.Length];
        SettleKey();
    }

    /// <inheritdoc />
    public bool KeyValid
    {
        get
        {
            _version.Check(_seen);
            return _keyList >= 0;
        }
    }

    /// <inheritdoc />
    public bool ValValid
    {
        get
        {
            _version.Check(_seen);
            return _valList >= 0;
        }
    }

    /// <inheritdoc />
    public TKey Key
    {
        get
        {
            _version.Check(_seen);
            if (_keyList < 0)
            {
                ThrowPastEnd("key");
            }

            return AtKey(_keyList).Key;
        }
    }

    /// <inheritdoc />
    public TVal Val
    {
        get
        {
            _version.Check(_seen);
            if (_valList < 0)
            {
                ThrowPastEnd("value");
            }

            return AtVal(_valList).Val;
        }
    }

    /// <inheritdoc />
    public ReadOnlySpan<(TTime Time, TDiff Diff)> History
    {
        get
        {
            _version.Check(_seen);
            if (_valList < 0)
            {
                ThrowPastEnd("value");
            }

            return _history.Pairs;
        }
    }

    /// <inheritdoc />
    public void StepKey()
    {
        _version.Check(_seen);
        if (_keyList < 0)
        {
            return;
        }

        for (int l = 0; l < _fingers.Length; l++)
        {
            _fingers[l].KeyStart = _fingers[l].KeyEnd;
        }

        SettleKey();
    }

    /// <inheritdoc />
    public void SeekKey(TKey key)
    {
        ThrowIfNull(key, nameof(key));
        _version.Check(_seen);

        #region seek-key
        // Seeks only move forward; seeking the current key again starts its values over.
        if (_keyList < 0 || Ordering.Compare(AtKey(_keyList).Key, key) > 0)
        {
            return;
        }

        var below = new KeyBelow<TKey, TVal, TTime, TDiff>(key);
        for (int l = 0; l < _fingers.Length; l++)
        {
            _fingers[l].KeyStart = SortedMerge.Gallop(_lists[l], _fingers[l].KeyStart, below);
        }

        SettleKey();
        #endregion
    }

    /// <inheritdoc />
    public void StepVal()
    {
        _version.Check(_seen);
        if (_valList < 0)
        {
            return;
        }

        for (int l = 0; l < _fingers.Length; l++)
        {
            _fingers[l].ValStart = _fingers[l].ValEnd;
        }

        SettleVal();
    }

    /// <inheritdoc />
    public void SeekVal(TVal val)
    {
        ThrowIfNull(val, nameof(val));
        _version.Check(_seen);
        if (_valList < 0 || Ordering.Compare(AtVal(_valList).Val, val) >= 0)
        {
            return;
        }

        // Within the key's run of each list: the search stops at the run's end.
        var below = new ValBelow<TKey, TVal, TTime, TDiff>(val);
        for (int l = 0; l < _fingers.Length; l++)
        {
            ref Finger finger = ref _fingers[l];
            var run = new ReadOnlySpan<Update<TKey, TVal, TTime, TDiff>>(_lists[l], 0, finger.KeyEnd);
            finger.ValStart = SortedMerge.Gallop(run, finger.ValStart, below);
        }

        SettleVal();
    }

    /// <inheritdoc />
    public void RewindKeys()
    {
        _version.Check(_seen);
        for (int l = 0; l < _fingers.Length; l++)
        {
            _fingers[l].KeyStart = 0;
        }

        SettleKey();
    }

    /// <inheritdoc />
    public void RewindVals()
    {
        _version.Check(_seen);
        if (_keyList >= 0)
        {
            RewindValsCore();
        }
    }

    /// <summary>
    /// Makes the least key at the fingers' <c>KeyStart</c> whose values do not all cancel the current key, with its
    /// first value; or moves past the last key.
    /// </summary>
    private void SettleKey()
    {
        #region settle-key
        while (true)
        {
            int least = -1;
            for (int l = 0; l < _fingers.Length; l++)
            {
                if (_fingers[l].KeyStart < _lists[l].Length &&
                    (least < 0 || Ordering.Compare(AtKey(l).Key, AtKey(least).Key) < 0))
                {
                    least = l;
                }
            }

            _keyList = least;
            if (least < 0)
            {
                _valList = -1;
                return;
            }

            // Each list's run of the key ends where its key changes; a list without it has an empty run.
            TKey key = AtKey(least).Key;
            var atMost = new KeyAtMost<TKey, TVal, TTime, TDiff>(key);
            for (int l = 0; l < _fingers.Length; l++)
            {
                _fingers[l].KeyEnd = SortedMerge.Gallop(_lists[l], _fingers[l].KeyStart, atMost);
            }

            if (RewindValsCore())
            {
                return;
            }

            // Every value of the key cancels across the lists: skip the key.
            for (int l = 0; l < _fingers.Length; l++)
            {
                _fingers[l].KeyStart = _fingers[l].KeyEnd;
            }
        }
        #endregion
    }

    /// <summary>Moves every finger to the start of the current key's run and settles on its first value.</summary>
    /// <returns>Whether the key has a value whose history is not empty.</returns>
    private bool RewindValsCore()
    {
        for (int l = 0; l < _fingers.Length; l++)
        {
            _fingers[l].ValStart = _fingers[l].KeyStart;
        }

        return SettleVal();
    }

    /// <summary>
    /// Makes the least value at the fingers' <c>ValStart</c> whose history does not cancel the current value, its
    /// history gathered; or moves past the key's last value.
    /// </summary>
    /// <returns>Whether the cursor is at a value.</returns>
    private bool SettleVal()
    {
        #region settle-val
        while (true)
        {
            int least = -1;
            for (int l = 0; l < _fingers.Length; l++)
            {
                if (_fingers[l].ValStart < _fingers[l].KeyEnd &&
                    (least < 0 || Ordering.Compare(AtVal(l).Val, AtVal(least).Val) < 0))
                {
                    least = l;
                }
            }

            _valList = least;
            if (least < 0)
            {
                return false;
            }

            // Copy the value's pairs from every list that holds it; each run ends where the value changes.
            TVal val = AtVal(least).Val;
            _history.Clear();
            int holding = 0;
            for (int l = 0; l < _fingers.Length; l++)
            {
                ref Finger finger = ref _fingers[l];
                var list = _lists[l];
                int end = finger.ValStart;
                while (end < finger.KeyEnd && Ordering.Compare(list[end].Val, val) == 0)
                {
                    _history.Add(list[end].Time, list[end].Diff);
                    end++;
                }

                holding += end > finger.ValStart ? 1 : 0;
                finger.ValEnd = end;
            }

            // One list's run is consolidated already; runs from several lists may repeat times or cancel.
            if (holding == 1 || !_history.Consolidate(ReadOnlySpan<TTime>.Empty).IsEmpty)
            {
                return true;
            }

            for (int l = 0; l < _fingers.Length; l++)
            {
                _fingers[l].ValStart = _fingers[l].ValEnd;
            }
        }
        #endregion
    }

    /// <summary>Returns the update at list <paramref name="l"/>'s key finger.</summary>
    private ref readonly Update<TKey, TVal, TTime, TDiff> AtKey(int l) => ref _lists[l][_fingers[l].KeyStart];

    /// <summary>Returns the update at list <paramref name="l"/>'s value finger.</summary>
    private ref readonly Update<TKey, TVal, TTime, TDiff> AtVal(int l) => ref _lists[l][_fingers[l].ValStart];

    // Not ArgumentNullException.ThrowIfNull, whose object parameter boxes a value-type key in unoptimized code.
    private static void ThrowIfNull<T>(T item, string name)
    {
        if (!typeof(T).IsValueType && item is null)
        {
            throw new ArgumentNullException(name);
        }
    }

    private static void ThrowPastEnd(string what) =>
        throw new InvalidOperationException($"The cursor is past the last {what}; check KeyValid or ValValid first.");

    /// <summary>The cursor's position in one list.</summary>
    private struct Finger
    {
        // The current key's run is [KeyStart, KeyEnd); empty, at the next greater key, if the list lacks the key.
        public int KeyStart;
        public int KeyEnd;

        // The current value's run is [ValStart, ValEnd), within the key's run; empty if the list lacks the value.
        public int ValStart;
        public int ValEnd;
    }
}
