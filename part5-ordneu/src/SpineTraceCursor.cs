using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>
/// The cursor of a <see cref="SpineTrace{TBatch, TCursor, TKey, TVal, TTime, TDiff}"/>: every key and value of the
/// spine's batches and of the updates still in the batcher, in order, each value with its consolidated history.
/// </summary>
/// <typeparam name="TCursor">The batch cursor type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// <para>
/// Two <see cref="CursorList{TCursor, TKey, TVal, TTime, TDiff}"/>s do the navigating: one over the spine's batches
/// (one struct cursor per batch, each seeking with its own galloping search) and one over the batcher's sorted runs
/// (usually one; see <see cref="MergeBatcher{TKey, TVal, TTime, TDiff}.PrepareRuns"/>). The current key is the
/// smaller of the two lists' keys, the current value the smaller of their values at that key. Its history is
/// gathered from every batch and run that holds it into a reused <see cref="HistoryBuffer{TTime, TDiff}"/>, times
/// advanced by the compaction frontier, and consolidated; a value whose history comes out empty is skipped, and so
/// is a key with no value left. When one batch or run alone holds the value and no time needs advancing, its
/// history is already sorted and consolidated, and is copied without sorting.
/// </para>
/// <para>
/// Moves are lazy: a seek or step moves the lists and leaves the skipping of empty values and keys, and the
/// gathering of the history, to the next member that reads the position. So the random look-up
/// <c>RewindKeys(); SeekKey(k)</c> positions the lists twice but gathers one history. Nothing is allocated after the
/// history buffer has grown to the longest history read. Every member first checks the trace's
/// <see cref="TraceVersion"/>: once the trace has changed, the cursor throws.
/// </para>
/// </remarks>
public sealed class SpineTraceCursor<TCursor, TKey, TVal, TTime, TDiff> : ITraceCursor<TKey, TVal, TTime, TDiff>
    where TCursor : struct, ICursor<TCursor, TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    // Bits naming the lists that hold the current key or value.
    private const int InBatches = 1;
    private const int InUnsealed = 2;

    private readonly TraceVersion _version;
    // The trace's version when the cursor was made; every member checks it first.
    private readonly int _seen;
    private readonly CursorList<TCursor, TKey, TVal, TTime, TDiff> _batches;
    private readonly CursorList<UpdateRunCursor<TKey, TVal, TTime, TDiff>, TKey, TVal, TTime, TDiff> _unsealed;
    // The compaction frontier's elements; empty when it is the minimum, which advances nothing.
    private readonly TTime[] _frontier;
    // The current value's history while _state is AtValue.
    private readonly HistoryBuffer<TTime, TDiff> _history = new();
    private State _state;
    // While settled at a key: the lists at that key (InBatches, InUnsealed); none past the last key.
    private int _keyLists;
    // While AtValue: those of _keyLists at the current value.
    private int _valLists;

    internal SpineTraceCursor(
        TraceVersion version,
        CursorList<TCursor, TKey, TVal, TTime, TDiff> batches,
        CursorList<UpdateRunCursor<TKey, TVal, TTime, TDiff>, TKey, TVal, TTime, TDiff> unsealed,
        TTime[] frontier)
    {
        _version = version;
        _seen = version.Value;
        _batches = batches;
        _unsealed = unsealed;
        _frontier = frontier;
        _state = State.Unsettled;
    }

    // Where the cursor stands. The two unsettled states say the lists have moved and the position is the first key
    // (or the current key's first value) at or after them whose history is not empty.
    private enum State
    {
        Unsettled,
        UnsettledVal,
        AtValue,
        PastVals,
        PastKeys,
    }

    /// <inheritdoc />
    public bool KeyValid
    {
        get
        {
            Ready();
            return _state != State.PastKeys;
        }
    }

    /// <inheritdoc />
    public bool ValValid
    {
        get
        {
            Ready();
            return _state == State.AtValue;
        }
    }

    /// <inheritdoc />
    public TKey Key
    {
        get
        {
            Ready();
            if (_state == State.PastKeys)
            {
                ThrowPastEnd("key");
            }

            return (_keyLists & InBatches) != 0 ? _batches.Key : _unsealed.Key;
        }
    }

    /// <inheritdoc />
    public TVal Val
    {
        get
        {
            Ready();
            if (_state != State.AtValue)
            {
                ThrowPastEnd("value");
            }

            return (_valLists & InBatches) != 0 ? _batches.Val : _unsealed.Val;
        }
    }

    /// <inheritdoc />
    public ReadOnlySpan<(TTime Time, TDiff Diff)> History
    {
        get
        {
            Ready();
            if (_state != State.AtValue)
            {
                ThrowPastEnd("value");
            }

            return _history.Pairs;
        }
    }

    #region navigate
    /// <inheritdoc />
    public void StepKey()
    {
        Ready();
        if (_state != State.PastKeys)
        {
            StepKeyLists();
            _state = State.Unsettled;
        }
    }

    /// <inheritdoc />
    public void SeekKey(TKey key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        // No need to settle first: the lists stand at or before the cursor's position, and every
        // key between the two has no history, so seeking from either lands in the same place.
        _version.Check(_seen);
        _batches.SeekKey(key);
        _unsealed.SeekKey(key);
        _state = State.Unsettled;
    }

    /// <inheritdoc />
    public void StepVal()
    {
        Ready();
        if (_state == State.AtValue)
        {
            StepValLists();
            _state = State.UnsettledVal;
        }
    }

    /// <inheritdoc />
    public void SeekVal(TVal val)
    {
        if (val is null)
        {
            throw new ArgumentNullException(nameof(val));
        }

        Ready();
        if (_state == State.AtValue && Ordering.Compare(Val, val) < 0)
        {
            if ((_keyLists & InBatches) != 0)
            {
                _batches.SeekVal(val);
            }

            if ((_keyLists & InUnsealed) != 0)
            {
                _unsealed.SeekVal(val);
            }

            _state = State.UnsettledVal;
        }
    }

    /// <inheritdoc />
    public void RewindKeys()
    {
        _version.Check(_seen);
        _batches.RewindKeys();
        _unsealed.RewindKeys();
        _state = State.Unsettled;
    }

    /// <inheritdoc />
    public void RewindVals()
    {
        Ready();
        if (_state != State.PastKeys)
        {
            if ((_keyLists & InBatches) != 0)
            {
                _batches.RewindVals();
            }

            if ((_keyLists & InUnsealed) != 0)
            {
                _unsealed.RewindVals();
            }

            _state = State.UnsettledVal;
        }
    }
    #endregion

    // Checks the version, then finishes the last move: skips empty values and keys, gathers the history.
    private void Ready()
    {
        _version.Check(_seen);
        if (_state == State.Unsettled)
        {
            SettleKey();
        }
        else if (_state == State.UnsettledVal)
        {
            _state = SettleVal() ? State.AtValue : State.PastVals;
        }
    }

    #region settle
    // From the lists' position, the first key with a value whose history is not empty.
    private void SettleKey()
    {
        while ((_keyLists = ListsAtLeastKey()) != 0)
        {
            if (SettleVal())
            {
                _state = State.AtValue;
                return;
            }

            StepKeyLists();
        }

        _state = State.PastKeys;
    }

    // From the lists' position within the current key, the first value whose history is not empty.
    private bool SettleVal()
    {
        while ((_valLists = ListsAtLeastVal()) != 0)
        {
            if (GatherHistory())
            {
                return true;
            }

            StepValLists();
        }

        return false;
    }

    // Which lists stand at the smaller of their keys; none when both are past their last key.
    private int ListsAtLeastKey()
    {
        if (!_batches.KeyValid)
        {
            return _unsealed.KeyValid ? InUnsealed : 0;
        }

        if (!_unsealed.KeyValid)
        {
            return InBatches;
        }

        int order = Ordering.Compare(_batches.Key, _unsealed.Key);
        return order < 0 ? InBatches : order > 0 ? InUnsealed : InBatches | InUnsealed;
    }

    // Which of the lists at the current key stand at the smaller of their values.
    private int ListsAtLeastVal()
    {
        bool batches = (_keyLists & InBatches) != 0 && _batches.ValValid;
        bool unsealed = (_keyLists & InUnsealed) != 0 && _unsealed.ValValid;
        if (!batches || !unsealed)
        {
            return (batches ? InBatches : 0) | (unsealed ? InUnsealed : 0);
        }

        int order = Ordering.Compare(_batches.Val, _unsealed.Val);
        return order < 0 ? InBatches : order > 0 ? InUnsealed : InBatches | InUnsealed;
    }
    #endregion

    #region gather
    // Gathers the current value's pairs from every batch and run that holds it; false if they cancel.
    private bool GatherHistory()
    {
        _history.Clear();
        var gather = new Gather(_history);
        int holders = 0;
        if ((_valLists & InBatches) != 0)
        {
            _batches.MapTimes(ref gather);
            holders += _batches.ValCursorCount;
        }

        if ((_valLists & InUnsealed) != 0)
        {
            _unsealed.MapTimes(ref gather);
            holders += _unsealed.ValCursorCount;
        }

        // One holder's pairs are sorted, consolidated and not empty already, unless times must advance.
        if (holders == 1 && _frontier.Length == 0)
        {
            return _history.Count > 0;
        }

        return !_history.Consolidate(_frontier).IsEmpty;
    }

    private readonly struct Gather(HistoryBuffer<TTime, TDiff> history) : IUpdateVisitor<TTime, TDiff>
    {
        public void Visit(TTime time, TDiff diff) => history.Add(time, diff);
    }
    #endregion

    private void StepKeyLists()
    {
        if ((_keyLists & InBatches) != 0)
        {
            _batches.StepKey();
        }

        if ((_keyLists & InUnsealed) != 0)
        {
            _unsealed.StepKey();
        }
    }

    private void StepValLists()
    {
        if ((_valLists & InBatches) != 0)
        {
            _batches.StepVal();
        }

        if ((_valLists & InUnsealed) != 0)
        {
            _unsealed.StepVal();
        }
    }

    private static void ThrowPastEnd(string what) =>
        throw new InvalidOperationException($"The cursor is past the last {what}; check KeyValid or ValValid first.");
}
