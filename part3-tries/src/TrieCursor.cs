using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Traces.Tries;

/// <summary>
/// A cursor over a stack of tries: one finger per trie, moving forward through its layers.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// <para>
/// Each trie has a finger, an offset into its key layer that only moves forward. The current key is the least key
/// under the fingers, and the tries whose finger is on it are its holders. Within the key, each holder has a value
/// finger in the key's range of its value layer, and the current value is the least value under them. When one
/// trie holds the value, its history is a span straight over that trie's history layer; when several do, their
/// pairs are gathered into a <see cref="HistoryBuffer{TTime, TDiff}"/> and consolidated, and a value whose pairs
/// cancel is skipped, as is a key whose values all cancel. A trie holds no cancelled key or value, so only what
/// several tries hold can cancel. The tries hold times already advanced by the trace's frontier (the trace compacts
/// eagerly), so nothing is advanced here.
/// </para>
/// <para>
/// Seeks move every finger forward by <see cref="KeysBelow"/> and <see cref="ValsBelow"/>, the search a derived
/// cursor chooses. Rewinding is lazy: it puts every finger back at the start and nothing more; the first member that
/// reads the cursor then finds the first key, and a seek right after a rewind searches from the start without
/// finding it first.
/// </para>
/// <para>
/// A derived cursor that knows where a key is stored (part 4's index) can land on it
/// (<see cref="Land(int, int)"/>): the fingers of the tries that hold it jump to it, and the other fingers stay at
/// the start until the cursor steps past the key or seeks beyond it.
/// </para>
/// </remarks>
public abstract class TrieCursor<TKey, TVal, TTime, TDiff> : ITraceCursor<TKey, TVal, TTime, TDiff>
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
    // The trace's tries when the cursor was made, largest first (tries never change).
    private readonly Trie<TKey, TVal, TTime, TDiff>[] _tries;
    // Per trie t, an offset into its key layer: its first key not less than _key (or the
    // layer's length), except while _rewound or _lagging.
    private readonly int[] _fingers;
    // _holders[.._holderCount]: the tries whose finger is on _key, in no order; none past the
    // last key.
    private readonly int[] _holders;
    private int _holderCount;
    private TKey _key = default!;
    // Holder i's value finger, in its trie's value layer, within [the key's first value, _valEnds[i]].
    private readonly int[] _valFingers;
    // The end of the current key's values in holder i's value layer.
    private readonly int[] _valEnds;
    // _valHolders[.._valHolderCount]: the holders (indices into _holders) whose value finger is
    // on _val; none past the key's last value (and always none past the last key).
    private readonly int[] _valHolders;
    private int _valHolderCount;
    private TVal _val = default!;
    // The trie whose history layer holds the current value's history, at [_historyStart,
    // _historyEnd); -1 when several tries hold the value and _buffer holds its history.
    private int _historyTrie;
    private int _historyStart;
    private int _historyEnd;
    private readonly HistoryBuffer<TTime, TDiff> _buffer = new();
    // True from a rewind until the cursor is read or moves: every finger is 0, nothing else
    // is set.
    private bool _rewound;
    // True from Land until the fingers are brought up: the fingers of the tries that hold no
    // _key are still 0.
    private bool _lagging;
    #endregion

    /// <summary>Initializes a cursor at the first key of <paramref name="tries"/>, valid while the trace is at <paramref name="version"/>.</summary>
    /// <param name="version">The version of the trace the tries belong to.</param>
    /// <param name="tries">The trace's tries, largest first; copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="version"/> is <see langword="null"/>.</exception>
    protected TrieCursor(TraceVersion version, ReadOnlySpan<Trie<TKey, TVal, TTime, TDiff>> tries)
    {
        ArgumentNullException.ThrowIfNull(version);
        _version = version;
        _seen = version.Value;
        _tries = tries.ToArray();
        _fingers = new int[_tries.Length];
        _holders = new int[_tries.Length];
        _valFingers = new int[_tries.Length];
        _valEnds = new int[_tries.Length];
        _valHolders = new int[_tries.Length];
        _rewound = true;
    }

    /// <summary>Gets the tries the cursor reads, largest first.</summary>
    protected ReadOnlySpan<Trie<TKey, TVal, TTime, TDiff>> Tries => _tries;

    /// <summary>
    /// Gets whether the cursor was rewound (or made) and has not been read or moved since: every finger is at the
    /// start of its trie.
    /// </summary>
    /// <exception cref="InvalidOperationException">The trace changed after the cursor was made.</exception>
    protected bool Rewound
    {
        get
        {
            _version.Check(_seen);
            return _rewound;
        }
    }

    /// <inheritdoc />
    public bool KeyValid
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Ready();
            return _holderCount > 0;
        }
    }

    /// <inheritdoc />
    public bool ValValid
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Ready();
            return _valHolderCount > 0;
        }
    }

    /// <inheritdoc />
    public TKey Key
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Ready();
            if (_holderCount == 0)
            {
                ThrowPastEnd("key");
            }

            return _key;
        }
    }

    /// <inheritdoc />
    public TVal Val
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Ready();
            if (_valHolderCount == 0)
            {
                ThrowPastEnd("value");
            }

            return _val;
        }
    }

    /// <inheritdoc />
    public ReadOnlySpan<(TTime Time, TDiff Diff)> History
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Ready();
            if (_valHolderCount == 0)
            {
                ThrowPastEnd("value");
            }

            #region history
            return _historyTrie >= 0
                ? _tries[_historyTrie].History[_historyStart.._historyEnd]
                : _buffer.Pairs;
            #endregion
        }
    }

    /// <inheritdoc />
    public void StepKey()
    {
        Ready();
        if (_holderCount > 0)
        {
            StepPastKey();
        }
    }

    /// <inheritdoc />
    public virtual void SeekKey(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _version.Check(_seen);
        #region seek-key
        if (_rewound)
        {
            _rewound = false;
        }
        else if (_holderCount == 0)
        {
            return;
        }
        else
        {
            int order = Ordering.Compare(_key, key);
            if (order >= 0)
            {
                // Seeks never go back; seeking the current key starts its values over.
                if (order == 0)
                {
                    EnterKey();
                }

                return;
            }
        }

        // Every finger moves forward from where it is (from the start if it was left there).
        for (int t = 0; t < _tries.Length; t++)
        {
            _fingers[t] += KeysBelow(_tries[t].Keys[_fingers[t]..], key);
        }

        _lagging = false;

        FindKey();
        #endregion
    }

    /// <inheritdoc />
    public void StepVal()
    {
        Ready();
        if (_valHolderCount > 0)
        {
            for (int j = 0; j < _valHolderCount; j++)
            {
                _valFingers[_valHolders[j]]++;
            }

            FindVal();
        }
    }

    /// <inheritdoc />
    public void SeekVal(TVal val)
    {
        ArgumentNullException.ThrowIfNull(val);
        Ready();
        if (_valHolderCount == 0 || Ordering.Compare(_val, val) >= 0)
        {
            return;
        }

        for (int i = 0; i < _holderCount; i++)
        {
            var vals = _tries[_holders[i]].Vals;
            _valFingers[i] += ValsBelow(vals[_valFingers[i].._valEnds[i]], val);
        }

        FindVal();
    }

    /// <inheritdoc />
    public void RewindKeys()
    {
        _version.Check(_seen);
        Array.Clear(_fingers);
        _holderCount = 0;
        _valHolderCount = 0;
        _lagging = false;
        _rewound = true;
    }

    /// <inheritdoc />
    public void RewindVals()
    {
        Ready();
        if (_holderCount > 0)
        {
            EnterKey();
        }
    }

    /// <summary>
    /// Returns how many leading entries of <paramref name="rest"/> have a key less than <paramref name="key"/>: how
    /// far a finger moves to seek it.
    /// </summary>
    /// <param name="rest">The part of a key layer from a finger on.</param>
    /// <param name="key">The key sought.</param>
    protected abstract int KeysBelow(ReadOnlySpan<(TKey Key, int End)> rest, TKey key);

    /// <summary>
    /// Returns how many leading entries of <paramref name="rest"/> have a value less than <paramref name="val"/>:
    /// how far a value finger moves to seek it.
    /// </summary>
    /// <param name="rest">The part of one key's values from a value finger on.</param>
    /// <param name="val">The value sought.</param>
    protected abstract int ValsBelow(ReadOnlySpan<(TVal Val, int End)> rest, TVal val);

    /// <summary>
    /// Moves the cursor to the key that the tries <paramref name="holders"/> hold at <paramref name="offsets"/> of
    /// their key layers (and no other trie holds), leaving the other fingers behind; the cursor steps on if the
    /// key's values cancel across its holders.
    /// </summary>
    /// <param name="holders">Positions in <see cref="Tries"/>, at least one, each once.</param>
    /// <param name="offsets">The key's offset in each holder's key layer.</param>
    /// <remarks>Call it only on a <see cref="Rewound"/> cursor: the other fingers stay at the start of their tries.</remarks>
    /// <exception cref="InvalidOperationException">The trace changed after the cursor was made.</exception>
    protected void Land(ReadOnlySpan<int> holders, ReadOnlySpan<int> offsets)
    {
        _version.Check(_seen);
        Debug.Assert(_rewound, "Land moves a cursor from the start.");
        Debug.Assert(holders.Length > 0 && holders.Length == offsets.Length, "A stored key has holders and offsets.");
        #region land
        _rewound = false;
        for (int i = 0; i < holders.Length; i++)
        {
            _holders[i] = holders[i];
            _fingers[holders[i]] = offsets[i];
        }

        _holderCount = holders.Length;
        _key = _tries[holders[0]].Keys[offsets[0]].Key;
        _lagging = holders.Length < _tries.Length;
        if (!EnterKey())
        {
            StepPastKey();
        }
        #endregion
    }

    /// <summary>
    /// Moves the cursor to the key that the trie at <paramref name="holder"/> alone holds, at
    /// <paramref name="offset"/> of its key layer, leaving the other fingers at the start: the common case of
    /// <see cref="Land(ReadOnlySpan{int}, ReadOnlySpan{int})"/>.
    /// </summary>
    /// <param name="holder">A position in <see cref="Tries"/>.</param>
    /// <param name="offset">The key's offset in that trie's key layer.</param>
    /// <remarks>Call it only on a <see cref="Rewound"/> cursor: the other fingers stay at the start of their tries.</remarks>
    /// <exception cref="InvalidOperationException">The trace changed after the cursor was made.</exception>
    protected void Land(int holder, int offset)
    {
        _version.Check(_seen);
        Debug.Assert(_rewound, "Land moves a cursor from the start.");
        #region land-one
        _rewound = false;
        _lagging = _tries.Length > 1;
        _holders[0] = holder;
        _holderCount = 1;
        _fingers[holder] = offset;
        var keys = _tries[holder].Keys;
        _key = keys[offset].Key;
        _valFingers[0] = offset == 0 ? 0 : keys[offset - 1].End;
        _valEnds[0] = keys[offset].End;

        // A trie holds no key without values, and no value that cancels.
        HoldVal(0);
        #endregion
    }

    /// <summary>Checks the version and finds the first key if the cursor was rewound.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Ready()
    {
        _version.Check(_seen);
        if (_rewound)
        {
            _rewound = false;
            FindKey();
        }
    }

    /// <summary>Moves every finger past the current key, bringing lagging fingers up first, and finds the next key.</summary>
    private void StepPastKey()
    {
        #region step-past-key
        if (_lagging)
        {
            // Bring the other fingers from the start to the key: as they do not hold it, past it.
            for (int t = 0; t < _tries.Length; t++)
            {
                _fingers[t] += KeysBelow(_tries[t].Keys[_fingers[t]..], _key);
            }

            _lagging = false;
        }

        for (int i = 0; i < _holderCount; i++)
        {
            _fingers[_holders[i]]++;
        }

        FindKey();
        #endregion
    }

    /// <summary>Makes the least key under the fingers current, skipping keys whose values all cancel.</summary>
    private void FindKey()
    {
        #region find-key
        while (true)
        {
            int count = 0;
            TKey least = default!;
            for (int t = 0; t < _tries.Length; t++)
            {
                var keys = _tries[t].Keys;
                if (_fingers[t] == keys.Length)
                {
                    continue;
                }

                TKey key = keys[_fingers[t]].Key;
                int order = count == 0 ? -1 : Ordering.Compare(key, least);
                if (order < 0)
                {
                    least = key;
                    count = 0;
                }

                if (order <= 0)
                {
                    _holders[count++] = t;
                }
            }

            _holderCount = count;
            if (count == 0)
            {
                _valHolderCount = 0;
                return;
            }

            _key = least;
            if (EnterKey())
            {
                return;
            }

            // Every value of the key cancelled across its holders.
            for (int i = 0; i < count; i++)
            {
                _fingers[_holders[i]]++;
            }
        }
        #endregion
    }

    /// <summary>Puts each holder's value finger on the key's first value and finds the first value that does not cancel.</summary>
    /// <returns>Whether the key has such a value.</returns>
    private bool EnterKey()
    {
        for (int i = 0; i < _holderCount; i++)
        {
            var trie = _tries[_holders[i]];
            int key = _fingers[_holders[i]];
            _valFingers[i] = trie.ValsStart(key);
            _valEnds[i] = trie.Keys[key].End;
        }

        return FindVal();
    }

    /// <summary>Makes the least value under the value fingers current, skipping values whose histories cancel.</summary>
    /// <returns>Whether there is such a value before the end of the key.</returns>
    private bool FindVal()
    {
        #region find-val
        if (_holderCount == 1)
        {
            // One trie holds the key: its values are the key's, and none cancels.
            if (_valFingers[0] < _valEnds[0])
            {
                HoldVal(0);
                return true;
            }

            _valHolderCount = 0;
            return false;
        }

        while (true)
        {
            int count = 0;
            TVal least = default!;
            for (int i = 0; i < _holderCount; i++)
            {
                if (_valFingers[i] == _valEnds[i])
                {
                    continue;
                }

                TVal val = _tries[_holders[i]].Vals[_valFingers[i]].Val;
                int order = count == 0 ? -1 : Ordering.Compare(val, least);
                if (order < 0)
                {
                    least = val;
                    count = 0;
                }

                if (order <= 0)
                {
                    _valHolders[count++] = i;
                }
            }

            _valHolderCount = count;
            if (count == 0)
            {
                return false;
            }

            if (count == 1)
            {
                // One trie holds the value: its history is consolidated where it lies.
                HoldVal(_valHolders[0]);
                return true;
            }

            // Several tries hold the value: gather and consolidate its pairs.
            _val = least;
            _buffer.Clear();
            for (int j = 0; j < count; j++)
            {
                int i = _valHolders[j];
                var trie = _tries[_holders[i]];
                int val = _valFingers[i];
                _buffer.AddRange(trie.History[trie.HistoryStart(val)..trie.Vals[val].End]);
            }

            if (!_buffer.Consolidate([]).IsEmpty)
            {
                _historyTrie = -1;
                return true;
            }

            // The value's pairs cancelled across its holders.
            for (int j = 0; j < count; j++)
            {
                _valFingers[_valHolders[j]]++;
            }
        }
        #endregion
    }

    /// <summary>Makes the value under holder <paramref name="i"/>'s value finger current, held by that trie alone.</summary>
    /// <param name="i">An index into the holders.</param>
    private void HoldVal(int i)
    {
        var trie = _tries[_holders[i]];
        int val = _valFingers[i];
        _valHolders[0] = i;
        _valHolderCount = 1;
        _val = trie.Vals[val].Val;
        _historyTrie = _holders[i];
        _historyStart = trie.HistoryStart(val);
        _historyEnd = trie.Vals[val].End;
    }

    [StackTraceHidden]
    private static void ThrowPastEnd(string what) =>
        throw new InvalidOperationException($"The cursor is past the last {what}; check KeyValid or ValValid first.");
}
