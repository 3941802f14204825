using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>
/// A trace made of a merge batcher in front of a fueled spine of batches: what <see cref="OrdValTrace{TKey, TVal,
/// TTime, TDiff}"/> and <see cref="OrdKeyTrace{TKey, TTime, TDiff}"/> share.
/// </summary>
/// <typeparam name="TBatch">The batch type the spine holds.</typeparam>
/// <typeparam name="TCursor">The batch cursor type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// <para>
/// <see cref="Add"/> pushes the updates into the batcher and then seals at the next time bound: the join of every
/// time added so far. Updates at that bound stay in the batcher (their time is not yet before any bound); the rest
/// become a batch that the spine takes in, paying for a bounded amount of merging. The bound only moves forward;
/// while it does not move, updates wait in the batcher's sorted chains.
/// </para>
/// <para>
/// The contract lets updates arrive at any time, even before times already sealed, so a batch's description says
/// when its updates were sealed: its upper bounds every time in it, its lower does not (see
/// <see cref="Description{TTime}"/>). Nothing depends on more than that: merges decide what to advance from the
/// inputs' <c>Since</c>, not their lowers, and reads go through every batch.
/// </para>
/// <para>
/// <see cref="Get"/> and <see cref="Keys"/> read through a cursor list over all the spine's batches plus the
/// updates still in the batcher, advance times by the compaction frontier, and consolidate. <see cref="AdvanceBy"/>
/// sets the spine's logical compaction frontier (applied by the merges that begin afterwards) and moves its physical
/// frontier along: the trace never reads through an earlier bound, so sealed batches may merge at once.
/// </para>
/// </remarks>
public abstract class SpineTrace<TBatch, TCursor, TKey, TVal, TTime, TDiff> : ITrace<TKey, TVal, TTime, TDiff>
    where TBatch : class, IBatch<TBatch, TTime>
    where TCursor : struct, ICursor<TCursor, TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    private readonly MergeBatcher<TKey, TVal, TTime, TDiff> _batcher = new();
    private readonly Spine<TBatch, TTime> _spine;
    private Antichain<TTime> _frontier = Antichain<TTime>.AtMinimum();
    // The join of every time added; Add seals the batcher up to it whenever it moves.
    private TTime _bound = TTime.Minimum;
    // Incremented on every nonempty Add and every AdvanceBy; enumerators compare it to fail fast.
    private int _version;

    /// <summary>Initializes an empty trace.</summary>
    /// <param name="effort">The spine's fuel multiplier, at least 1.</param>
    /// <param name="policy">Whether the spine's merges are fueled or run to completion at once.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="effort"/> is less than 1.</exception>
    private protected SpineTrace(long effort, SpineMergePolicy policy)
    {
        _spine = new Spine<TBatch, TTime>(effort, policy);
    }

    /// <inheritdoc />
    public TraceGuarantees Guarantees => TraceGuarantees.Sorted;

    /// <summary>Gets the number of batches in the spine that hold updates.</summary>
    public int BatchCount => _spine.Batches().Count;

    /// <summary>Gets the number of updates waiting in the batcher for the time bound to move past them.</summary>
    public long UnsealedCount => _batcher.Count;

    /// <inheritdoc />
    #region add
    public void Add(IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates)
    {
        var batch = TraceArguments.ToCheckedArray(updates);
        if (batch.Length == 0)
        {
            return;
        }

        _version++;
        _batcher.Push(batch);
        foreach (var update in batch)
        {
            _bound = _bound.Join(update.Time);
        }

        // Seal only when the bound has moved: a batch must cover some times.
        var upper = new Antichain<TTime>(_bound);
        if (!upper.SetEquals(_batcher.Lower))
        {
            _spine.Insert(Seal(_batcher, upper));
            _spine.SetPhysicalCompaction(Antichain<TTime>.Join(_spine.PhysicalCompaction, upper));
        }
    }
    #endregion

    /// <inheritdoc />
    #region get
    public IEnumerable<Update<TKey, TVal, TTime, TDiff>> Get(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);

        var cursor = CreateCursorList(_spine.Batches());
        var updates = new List<Update<TKey, TVal, TTime, TDiff>>();
        cursor.SeekKey(key);
        CollectKey(cursor, key, updates);
        return updates;
    }
    #endregion

    /// <inheritdoc />
    #region keys
    public IEnumerable<TKey> Keys()
    {
        int version = _version;
        var cursor = CreateCursorList(_spine.Batches());
        var unsealed = new List<TKey>();
        _batcher.CopyKeys(unsealed);
        var updates = new List<Update<TKey, TVal, TTime, TDiff>>();
        int next = 0;
        while (cursor.KeyValid || next < unsealed.Count)
        {
            // The smaller of the spine's next key and the batcher's next key; a
            // key in both is visited once.
            TKey key = !cursor.KeyValid ? unsealed[next]
                : next == unsealed.Count ? cursor.Key
                : Ordering.Compare(cursor.Key, unsealed[next]) <= 0 ? cursor.Key
                : unsealed[next];
            CollectKey(cursor, key, updates);
            if (cursor.KeyValid && Ordering.Compare(cursor.Key, key) == 0)
            {
                cursor.StepKey();
            }

            if (next < unsealed.Count && Ordering.Compare(unsealed[next], key) == 0)
            {
                next++;
            }

            if (updates.Count > 0)
            {
                yield return key;
                if (version != _version)
                {
                    throw new InvalidOperationException(
                        "The trace changed while its keys were being enumerated.");
                }
            }
        }
    }
    #endregion

    /// <inheritdoc />
    #region advance-by
    public void AdvanceBy(Antichain<TTime> frontier)
    {
        TraceArguments.CheckFrontierAdvance(_frontier, frontier);
        _frontier = frontier;
        _version++;
        _spine.SetLogicalCompaction(frontier);
        _spine.SetPhysicalCompaction(Antichain<TTime>.Join(_spine.PhysicalCompaction, frontier));
    }
    #endregion

    /// <summary>Seals the batcher's updates before <paramref name="upper"/> into a batch.</summary>
    /// <param name="batcher">The batcher.</param>
    /// <param name="upper">The batch's upper frontier.</param>
    private protected abstract TBatch Seal(MergeBatcher<TKey, TVal, TTime, TDiff> batcher, Antichain<TTime> upper);

    /// <summary>Creates a cursor list over <paramref name="batches"/>.</summary>
    /// <param name="batches">The batches, oldest first.</param>
    private protected abstract CursorList<TCursor, TKey, TVal, TTime, TDiff> CreateCursorList(IReadOnlyList<TBatch> batches);

    // Replaces the contents of `updates` with the consolidated updates for `key`, times advanced by the frontier:
    // from the cursor list if it is at the key, and from the batcher.
    #region collect-key
    private void CollectKey(CursorList<TCursor, TKey, TVal, TTime, TDiff> cursor, TKey key,
        List<Update<TKey, TVal, TTime, TDiff>> updates)
    {
        updates.Clear();
        if (cursor.KeyValid && Ordering.Compare(cursor.Key, key) == 0)
        {
            cursor.RewindVals();
            while (cursor.ValValid)
            {
                var collector = new Collector(updates, key, cursor.Val, _frontier);
                cursor.MapTimes(ref collector);
                cursor.StepVal();
            }
        }

        int fromBatcher = updates.Count;
        _batcher.CopyUpdates(key, updates);
        for (int i = fromBatcher; i < updates.Count; i++)
        {
            updates[i] = updates[i] with { Time = updates[i].Time.AdvanceBy(_frontier) };
        }

        Consolidation.Consolidate(updates);
    }

    private readonly struct Collector(
        List<Update<TKey, TVal, TTime, TDiff>> updates, TKey key, TVal val, Antichain<TTime> frontier)
        : IUpdateVisitor<TTime, TDiff>
    {
        public void Visit(TTime time, TDiff diff) =>
            updates.Add(new(key, val, time.AdvanceBy(frontier), diff));
    }
    #endregion
}
