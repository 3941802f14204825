using Traces.OrdNeu;

namespace Traces.Junctions;

/// <summary>
/// The trace backing: the pairs are a collection of <c>(key, value)</c> records held in part 5's spine of
/// <see cref="OrdValBatch{TKey, TVal, TTime, TDiff}"/>es; adding a pair is the update <c>+1</c>, removing it
/// <c>-1</c>; every read is a cursor seek that adds up the diffs a record has across all batches.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <remarks>
/// <para>
/// Each write is sealed at once as a one-update batch covering the next time, <c>[t, t + 1)</c>, and inserted
/// into the spine; the compaction frontiers follow to <c>t + 1</c>, so merges advance every time to the present
/// and a retraction cancels its insertion as soon as the two meet in a merge. A read sees the whole spine
/// through one <see cref="CursorList{TCursor, TKey, TVal, TTime, TDiff}"/>, rebuilt only after a write; a
/// record is present when its diffs, summed over every batch, are positive. When a forward seek starts from the
/// record the cursor stands on (a walk's next step), the cursor just steps on.
/// </para>
/// <para>
/// Cursors only move forward, so the backward seeks (reverse iteration) read a sorted snapshot of the present
/// pairs, taken by one forward pass of the cursor and kept until the next write.
/// </para>
/// </remarks>
public sealed class TracePairStore<TKey, TVal> : PairStore<TKey, TVal>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
{
    private readonly Spine<OrdValBatch<TKey, TVal, Timestamp, long>, Timestamp> _spine = new();
    // The next write's time: each write is one batch of [_time, _time + 1); frontiers follow it.
    private ulong _time;
    // A cursor over the spine's batches; null after every write, until Rewound rebuilds it.
    private CursorList<OrdValCursor<TKey, TVal, Timestamp, long, ArrayContainer<TKey>, ArrayContainer<TVal>>, TKey, TVal, Timestamp, long>? _cursor;
    // With _snapshotValues, every present pair in order as of _snapshotVersion, for backward seeks.
    private TKey[] _snapshotKeys = [];
    private TVal[] _snapshotValues = [];
    // The Version the snapshot was taken at; -1 before any; stale once Version moves on.
    private long _snapshotVersion = -1;
    // True when _cursor stands on the pair the last TryFirst or TrySeekAfter returned.
    private bool _cursorOnResult;

    /// <summary>Gets the number of batches the spine holds now (for the chapter's measurements and tests).</summary>
    public int BatchCount => _spine.Batches().Count;

    /// <summary>Gets the number of updates the spine holds now, after the cancellations merges have made.</summary>
    public long UpdateCount => _spine.Count;

    /// <inheritdoc />
    public override bool Contains(TKey key, TVal value)
    {
        var cursor = Rewound();
        cursor.SeekKey(key);
        if (!cursor.KeyValid || Ordering.Compare(cursor.Key, key) != 0)
        {
            return false;
        }

        cursor.SeekVal(value);
        return cursor.ValValid && Ordering.Compare(cursor.Val, value) == 0 && IsPresent(cursor);
    }

    #region seek-after
    /// <inheritdoc />
    public override bool TrySeekAfter(in Probe<TKey, TVal> probe, out TKey key, out TVal value)
    {
        // A walk asks for the record after the one just returned: if the cursor still stands on it (no
        // write, no other read since), step on from there instead of seeking again.
        if (_cursorOnResult && probe.Edge == ProbeEdge.AtPair
            && Ordering.Compare(_cursor!.Key, probe.Key) == 0
            && Ordering.Compare(_cursor.Val, probe.Value) == 0)
        {
            _cursor.StepVal();
            return _cursorOnResult = NextPresent(_cursor, out key, out value);
        }

        var cursor = Rewound();
        cursor.SeekKey(probe.Key);
        if (cursor.KeyValid && Ordering.Compare(cursor.Key, probe.Key) == 0)
        {
            if (probe.Edge == ProbeEdge.AtPair)
            {
                cursor.SeekVal(probe.Value);
                if (cursor.ValValid && Ordering.Compare(cursor.Val, probe.Value) == 0)
                {
                    cursor.StepVal();
                }
            }
            else if (probe.Edge == ProbeEdge.AfterKey)
            {
                cursor.StepKey();
            }
        }

        return _cursorOnResult = NextPresent(cursor, out key, out value);
    }
    #endregion

    /// <inheritdoc />
    public override bool TryFirst(out TKey key, out TVal value) => _cursorOnResult = NextPresent(Rewound(), out key, out value);

    #region seek-before
    /// <inheritdoc />
    public override bool TrySeekBefore(in Probe<TKey, TVal> probe, out TKey key, out TVal value)
    {
        Snapshot();
        int low = 0, high = _snapshotKeys.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (probe.ComparePair(_snapshotKeys[middle], _snapshotValues[middle]) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return ReadSnapshot(low - 1, out key, out value);
    }
    #endregion

    /// <inheritdoc />
    public override bool TryLast(out TKey key, out TVal value)
    {
        Snapshot();
        return ReadSnapshot(_snapshotKeys.Length - 1, out key, out value);
    }

    /// <inheritdoc />
    public override int CountOf(TKey key)
    {
        var cursor = Rewound();
        cursor.SeekKey(key);
        int count = 0;
        if (cursor.KeyValid && Ordering.Compare(cursor.Key, key) == 0)
        {
            for (; cursor.ValValid; cursor.StepVal())
            {
                count += IsPresent(cursor) ? 1 : 0;
            }
        }

        return count;
    }

    /// <inheritdoc />
    protected override bool AddCore(TKey key, TVal value, out bool newKey)
    {
        newKey = false;
        if (Contains(key, value))
        {
            return false;
        }

        newKey = !ContainsKey(key);
        Write(key, value, +1);
        return true;
    }

    /// <inheritdoc />
    protected override bool RemoveCore(TKey key, TVal value, out bool keyGone)
    {
        keyGone = false;
        if (!Contains(key, value))
        {
            return false;
        }

        Write(key, value, -1);
        keyGone = !ContainsKey(key);
        return true;
    }

    #region write
    // One pair change becomes a one-update batch for the next time; the frontiers
    // follow, so merges can cancel it.
    private void Write(TKey key, TVal value, long diff)
    {
        var builder = OrdValBatch<TKey, TVal, Timestamp, long>.CreateBuilder(1, 1, 1);
        builder.Push(new Update<TKey, TVal, Timestamp, long>(key, value, _time, diff));
        var batch = builder.Done(new Description<Timestamp>([_time], [_time + 1], [Timestamp.Minimum]));
        _spine.Insert(batch);
        _time++;
        _spine.SetLogicalCompaction([_time]);
        _spine.SetPhysicalCompaction([_time]);
        _cursor = null;
        _cursorOnResult = false;
    }
    #endregion

    private CursorList<OrdValCursor<TKey, TVal, Timestamp, long, ArrayContainer<TKey>, ArrayContainer<TVal>>, TKey, TVal, Timestamp, long> Rewound()
    {
        _cursorOnResult = false;
        if (_cursor is null)
        {
            _cursor = OrdValBatch<TKey, TVal, Timestamp, long>.CreateCursorList(_spine.Batches());
        }
        else
        {
            _cursor.RewindKeys();
        }

        return _cursor;
    }

    #region next-present
    // From the cursor's position on, the first record whose diffs across the batches
    // add up to a positive count.
    private static bool NextPresent(
        CursorList<
            OrdValCursor<TKey, TVal, Timestamp, long, ArrayContainer<TKey>, ArrayContainer<TVal>>,
            TKey, TVal, Timestamp, long> cursor,
        out TKey key,
        out TVal value)
    {
        for (; cursor.KeyValid; cursor.StepKey())
        {
            for (; cursor.ValValid; cursor.StepVal())
            {
                if (IsPresent(cursor))
                {
                    key = cursor.Key;
                    value = cursor.Val;
                    return true;
                }
            }
        }

        key = default!;
        value = default!;
        return false;
    }

    private static bool IsPresent(
        CursorList<
            OrdValCursor<TKey, TVal, Timestamp, long, ArrayContainer<TKey>, ArrayContainer<TVal>>,
            TKey, TVal, Timestamp, long> cursor)
    {
        var sum = default(DiffSum);
        cursor.MapTimes(ref sum);
        return sum.Total > 0;
    }
    #endregion

    #region snapshot
    // One forward pass of the cursor, kept until the next write changes the version.
    private void Snapshot()
    {
        if (_snapshotVersion == Version)
        {
            return;
        }

        var keys = new List<TKey>(Count);
        var values = new List<TVal>(Count);
        var cursor = Rewound();
        while (NextPresent(cursor, out TKey key, out TVal value))
        {
            keys.Add(key);
            values.Add(value);
            cursor.StepVal();
        }

        _snapshotKeys = [.. keys];
        _snapshotValues = [.. values];
        _snapshotVersion = Version;
    }
    #endregion

    private bool ReadSnapshot(int index, out TKey key, out TVal value)
    {
        bool found = index >= 0 && index < _snapshotKeys.Length;
        key = found ? _snapshotKeys[index] : default!;
        value = found ? _snapshotValues[index] : default!;
        return found;
    }

    private struct DiffSum : IUpdateVisitor<Timestamp, long>
    {
        public long Total;

        public void Visit(Timestamp time, long diff) => Total += diff;
    }
}
