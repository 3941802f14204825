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
/// Cursors only move forward, so a backward seek reads the batches' columns itself: in every batch it binary
/// searches for the last record strictly before the probe and keeps that position (a value index and the key
/// owning it); the largest record among the batches' positions is the candidate, present when its diffs add up
/// to a positive count, and a step back moves the batches that hold it one index down. When a backward seek
/// starts from the pair the last one returned (a reverse walk's next step), the positions step back from where
/// they stand: O(batches) a step, like a forward step, with no snapshot and nothing rebuilt but the list of the
/// spine's batches after a write.
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
    // The spine's batches for backward seeks; null after every write, until Layers reads them again.
    private OrdValBatch<TKey, TVal, Timestamp, long>[]? _layers;
    // Per layer, the value index of the last record before the backward seek's point; -1 if the layer has none.
    private int[] _backVal = [];
    // Per layer, the key index owning _backVal[i]; meaningless while _backVal[i] is -1.
    private int[] _backKey = [];
    // Per layer, whether its record at _backVal[i] is the pair the last backward search stopped at.
    private bool[] _backAtPair = [];
    // True when the layers stand on the pair the last TryLast or TrySeekBefore returned, _backPairKey/_backPairVal.
    private bool _backOnResult;
    private TKey _backPairKey = default!;
    private TVal _backPairVal = default!;
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
        var layers = Layers();
        if (_backOnResult && probe.Edge == ProbeEdge.AtPair
            && Ordering.Compare(_backPairKey, probe.Key) == 0
            && Ordering.Compare(_backPairVal, probe.Value) == 0)
        {
            // A reverse walk's next step: the layers that hold the pair just returned step
            // back one record; the others already stand on their last record before it.
            for (int i = 0; i < layers.Length; i++)
            {
                if (_backAtPair[i])
                {
                    StepBack(layers[i], i);
                }
            }
        }
        else
        {
            for (int i = 0; i < layers.Length; i++)
            {
                SeekBefore(layers[i], i, probe);
            }
        }

        return PreviousPresent(layers, out key, out value);
    }
    #endregion

    /// <inheritdoc />
    public override bool TryLast(out TKey key, out TVal value)
    {
        var layers = Layers();
        for (int i = 0; i < layers.Length; i++)
        {
            _backVal[i] = layers[i].Storage.ValCount - 1;
            _backKey[i] = layers[i].Storage.KeyCount - 1;
        }

        return PreviousPresent(layers, out key, out value);
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
        _layers = null;
        _backOnResult = false;
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

    #region layers
    // The spine's batches, read again only after a write; the per-layer positions
    // grow with them and are reused otherwise.
    private OrdValBatch<TKey, TVal, Timestamp, long>[] Layers()
    {
        if (_layers is null)
        {
            _layers = [.. _spine.Batches()];
            if (_backVal.Length < _layers.Length)
            {
                _backVal = new int[_layers.Length];
                _backKey = new int[_layers.Length];
                _backAtPair = new bool[_layers.Length];
            }
        }

        return _layers;
    }
    #endregion

    #region seek-layer
    // Positions layer i on its last record strictly before the probe: two binary
    // searches, over its keys and then over the values of the probe's key.
    private void SeekBefore(
        OrdValBatch<TKey, TVal, Timestamp, long> batch, int i, in Probe<TKey, TVal> probe)
    {
        var layer = batch.Storage;
        int low = 0, high = layer.KeyCount;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (Ordering.Compare(layer.KeyAt(middle), probe.Key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        // The first value index not before the probe; the record before it is the one sought.
        int first = (int)layer.KeyOffsetAt(low);
        if (low < layer.KeyCount && Ordering.Compare(layer.KeyAt(low), probe.Key) == 0)
        {
            int end = (int)layer.KeyOffsetAt(low + 1);
            first = probe.Edge switch
            {
                ProbeEdge.BeforeKey => first,
                ProbeEdge.AfterKey => end,
                _ => FirstValueNotBefore(batch, first, end, probe.Value),
            };
            _backKey[i] = first > layer.KeyOffsetAt(low) ? low : low - 1;
        }
        else
        {
            _backKey[i] = low - 1;
        }

        _backVal[i] = first - 1;
    }

    private static int FirstValueNotBefore(
        OrdValBatch<TKey, TVal, Timestamp, long> batch, int low, int high, TVal value)
    {
        var layer = batch.Storage;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (Ordering.Compare(layer.ValAt(middle), value) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // One record back in layer i: the value index minus one, and the previous key
    // once the index leaves the current key's values.
    private void StepBack(OrdValBatch<TKey, TVal, Timestamp, long> batch, int i)
    {
        var layer = batch.Storage;
        int previous = _backVal[i] - 1;
        _backVal[i] = previous;
        if (previous >= 0 && previous < layer.KeyOffsetAt(_backKey[i]))
        {
            _backKey[i]--;
        }
    }
    #endregion

    #region previous-present
    // From the layers' positions down, the last record whose diffs across the layers
    // add up to a positive count: the largest record among the positions is the
    // candidate; if its diffs cancel, the layers holding it step back and it repeats.
    private bool PreviousPresent(
        OrdValBatch<TKey, TVal, Timestamp, long>[] layers, out TKey key, out TVal value)
    {
        while (true)
        {
            int best = -1;
            for (int i = 0; i < layers.Length; i++)
            {
                if (_backVal[i] >= 0 && (best < 0 || CompareAt(layers, i, best) > 0))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                key = default!;
                value = default!;
                return _backOnResult = false;
            }

            key = layers[best].Storage.KeyAt(_backKey[best]);
            value = layers[best].Storage.ValAt(_backVal[best]);
            long total = 0;
            for (int i = 0; i < layers.Length; i++)
            {
                _backAtPair[i] = i == best || (_backVal[i] >= 0 && CompareAt(layers, i, best) == 0);
                total += _backAtPair[i] ? DiffsAt(layers[i], _backVal[i]) : 0;
            }

            if (total > 0)
            {
                (_backPairKey, _backPairVal) = (key, value);
                return _backOnResult = true;
            }

            for (int i = 0; i < layers.Length; i++)
            {
                if (_backAtPair[i])
                {
                    StepBack(layers[i], i);
                }
            }
        }
    }
    #endregion

    // Compares the records layers i and j stand on.
    private int CompareAt(OrdValBatch<TKey, TVal, Timestamp, long>[] layers, int i, int j)
    {
        var (first, second) = (layers[i].Storage, layers[j].Storage);
        int byKey = Ordering.Compare(first.KeyAt(_backKey[i]), second.KeyAt(_backKey[j]));
        return byKey != 0 ? byKey : Ordering.Compare(first.ValAt(_backVal[i]), second.ValAt(_backVal[j]));
    }

    // The sum of the diffs of value index j; an empty range is the singleton encoding,
    // whose one update is the one just before.
    private static long DiffsAt(OrdValBatch<TKey, TVal, Timestamp, long> batch, int j)
    {
        var layer = batch.Storage;
        int lower = (int)layer.ValOffsetAt(j);
        int upper = (int)layer.ValOffsetAt(j + 1);
        lower = lower == upper ? lower - 1 : lower;
        long total = 0;
        for (int u = lower; u < upper; u++)
        {
            total += layer.StoredUpdateAt(u).Diff;
        }

        return total;
    }

    private struct DiffSum : IUpdateVisitor<Timestamp, long>
    {
        public long Total;

        public void Visit(Timestamp time, long diff) => Total += diff;
    }
}
