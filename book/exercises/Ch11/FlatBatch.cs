using System.Numerics;
using Traces;
using Traces.OrdNeu;

namespace Exercises.Ch11;

#region flat-batch
/// <summary>
/// A third batch kind for the spine: part 2's sorted list, one <c>(key, val, time, diff)</c> tuple
/// per update, no layers, no offsets, no singletons.
/// </summary>
public sealed class FlatBatch<TKey, TVal, TTime, TDiff>(
    Update<TKey, TVal, TTime, TDiff>[] updates, Description<TTime> description)
    : IBatch<FlatBatch<TKey, TVal, TTime, TDiff>, TTime>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IEqualityOperators<TDiff, TDiff, bool>
{
    /// <summary>Gets the updates, sorted by <c>(key, val, time)</c> and consolidated.</summary>
    public Update<TKey, TVal, TTime, TDiff>[] Updates { get; } = updates;

    public Description<TTime> Description { get; } = description;

    public long Count => Updates.Length;

    public static FlatBatch<TKey, TVal, TTime, TDiff> CreateEmpty(Description<TTime> description) =>
        new([], description);

    public static IMerger<FlatBatch<TKey, TVal, TTime, TDiff>, TTime> BeginMerge(
        FlatBatch<TKey, TVal, TTime, TDiff> older, FlatBatch<TKey, TVal, TTime, TDiff> newer,
        Antichain<TTime> frontier)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        if (!older.Description.Upper.SetEquals(newer.Description.Lower))
        {
            throw new ArgumentException("Only adjacent batches merge.", nameof(newer));
        }

        var since = Antichain<TTime>.Join(
            Antichain<TTime>.Join(older.Description.Since, newer.Description.Since), frontier);
        return new FlatMerger<TKey, TVal, TTime, TDiff>(
            new Description<TTime>(older.Description.Lower, newer.Description.Upper, since));
    }
}
#endregion

#region flat-merger
/// <summary>A fueled two-way merge of flat batches, a key at a time, advancing times by
/// <c>since</c>.</summary>
public sealed class FlatMerger<TKey, TVal, TTime, TDiff>(Description<TTime> description)
    : IMerger<FlatBatch<TKey, TVal, TTime, TDiff>, TTime>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IEqualityOperators<TDiff, TDiff, bool>
{
    private readonly List<Update<TKey, TVal, TTime, TDiff>> _output = [];
    // One key's updates from both inputs, advanced, waiting to be consolidated.
    private readonly List<Update<TKey, TVal, TTime, TDiff>> _key = [];
    private int _older, _newer;
    private bool _complete;

    public void Work(
        FlatBatch<TKey, TVal, TTime, TDiff> older, FlatBatch<TKey, TVal, TTime, TDiff> newer,
        ref long fuel)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var (a, b) = (older.Updates, newer.Updates);
        long effort = 0;
        while ((_older < a.Length || _newer < b.Length) && effort < fuel)
        {
            // The smaller next key, taken from both sides: the unit of progress is one key.
            int order = _older == a.Length ? 1 : _newer == b.Length ? -1
                : Ordering.Compare(a[_older].Key, b[_newer].Key);
            var key = order <= 0 ? a[_older].Key : b[_newer].Key;
            Take(a, ref _older, key);
            Take(b, ref _newer, key);
            Consolidation.Consolidate(_key);
            _output.AddRange(_key);
            effort += _key.Count; // what cancels costs nothing
            _key.Clear();
        }

        fuel -= effort;
        _complete = _older == a.Length && _newer == b.Length && fuel > 0;
    }

    public FlatBatch<TKey, TVal, TTime, TDiff> Done() => _complete
        ? new([.. _output], description)
        : throw new InvalidOperationException("The merge is not complete.");

    private void Take(Update<TKey, TVal, TTime, TDiff>[] updates, ref int index, TKey key)
    {
        for (; index < updates.Length && Ordering.Compare(updates[index].Key, key) == 0; index++)
        {
            var update = updates[index];
            _key.Add(update with { Time = update.Time.AdvanceBy(description.Since) });
        }
    }
}
#endregion

/// <summary>Collects the sorted, consolidated updates a batcher seals into a flat batch.</summary>
public sealed class FlatBuilder<TKey, TVal, TTime, TDiff>
    : IBatchBuilder<FlatBatch<TKey, TVal, TTime, TDiff>, TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IEqualityOperators<TDiff, TDiff, bool>
{
    private readonly List<Update<TKey, TVal, TTime, TDiff>> _updates = [];

    public void Push(in Update<TKey, TVal, TTime, TDiff> update) => _updates.Add(update);

    public FlatBatch<TKey, TVal, TTime, TDiff> Done(Description<TTime> description) =>
        new([.. _updates], description);
}
