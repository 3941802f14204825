using System.Numerics;
using Traces;
using Traces.OrdNeu;

namespace Exercises.Ch11;

#region flat-trace
/// <summary>The part 5 trace with flat batches: a merge batcher in front of a spine of sorted
/// lists.</summary>
public sealed class FlatTrace<TKey, TVal, TTime, TDiff> : INavigableTrace<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    private readonly MergeBatcher<TKey, TVal, TTime, TDiff> _batcher = new();
    private readonly Spine<FlatBatch<TKey, TVal, TTime, TDiff>, TTime> _spine = new();
    private Antichain<TTime> _frontier = Antichain<TTime>.AtMinimum();
    // The join of every time added; Add seals up to it whenever it moves.
    private TTime _bound = TTime.Minimum;
    // Changed by every nonempty Add and every AdvanceBy; results and cursors check it.
    private readonly TraceVersion _version = new();

    public TraceGuarantees Guarantees => TraceGuarantees.Sorted;

    public void Add(IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates)
    {
        var batch = TraceArguments.ToCheckedArray(updates);
        if (batch.Length == 0)
        {
            return;
        }

        _version.Changed();
        _batcher.Push(batch);
        foreach (var update in batch)
        {
            _bound = _bound.Join(update.Time);
        }

        var upper = new Antichain<TTime>(_bound);
        if (!upper.SetEquals(_batcher.Lower))
        {
            _spine.Insert(_batcher.Seal(upper, new FlatBuilder<TKey, TVal, TTime, TDiff>()));
            _spine.SetPhysicalCompaction(Antichain<TTime>.Join(_spine.PhysicalCompaction, upper));
        }
    }
#endregion

    public IEnumerable<Update<TKey, TVal, TTime, TDiff>> Get(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _version.Guard(Collect(key));
    }

    public IEnumerable<TKey> Keys() => _version.Guard(WalkKeys());

    public ITraceCursor<TKey, TVal, TTime, TDiff> GetCursor()
    {
        var copy = new List<Update<TKey, TVal, TTime, TDiff>>();
        foreach (TKey key in WalkKeys())
        {
            copy.AddRange(Collect(key));
        }

        return new SnapshotCursor<TKey, TVal, TTime, TDiff>(_version, [.. copy]);
    }

    private IEnumerable<TKey> WalkKeys()
    {
        var keys = new List<TKey>();
        foreach (var batch in _spine.Batches())
        {
            foreach (var update in batch.Updates)
            {
                keys.Add(update.Key);
            }
        }

        _batcher.CopyKeys(keys);
        keys.Sort(Ordering.Compare);
        for (int i = 0; i < keys.Count; i++)
        {
            if ((i == 0 || Ordering.Compare(keys[i - 1], keys[i]) != 0) && Collect(keys[i]).Count > 0)
            {
                yield return keys[i];
            }
        }
    }

    public void AdvanceBy(Antichain<TTime> frontier)
    {
        TraceArguments.CheckFrontierAdvance(_frontier, frontier);
        _frontier = frontier;
        _version.Changed();
        _spine.SetLogicalCompaction(frontier);
        _spine.SetPhysicalCompaction(Antichain<TTime>.Join(_spine.PhysicalCompaction, frontier));
    }

    #region flat-get
    private List<Update<TKey, TVal, TTime, TDiff>> Collect(TKey key)
    {
        var found = new List<Update<TKey, TVal, TTime, TDiff>>();
        foreach (var batch in _spine.Batches())
        {
            // A binary search per batch for the key's first update; its updates are contiguous.
            var updates = batch.Updates;
            int lower = 0, upper = updates.Length;
            while (lower < upper)
            {
                int middle = lower + ((upper - lower) / 2);
                (lower, upper) = Ordering.Compare(updates[middle].Key, key) < 0
                    ? (middle + 1, upper) : (lower, middle);
            }

            while (lower < updates.Length && Ordering.Compare(updates[lower].Key, key) == 0)
            {
                found.Add(updates[lower++]);
            }
        }

        _batcher.CopyUpdates(key, found);
        for (int i = 0; i < found.Count; i++)
        {
            found[i] = found[i] with { Time = found[i].Time.AdvanceBy(_frontier) };
        }

        Consolidation.Consolidate(found);
        return found;
    }
    #endregion
}
