using System.Numerics;

namespace Traces.Conformance.Tests;

/// <summary>One deliberate mistake a trace implementation could make.</summary>
public enum Flaw
{
    /// <summary>Keys() lists every key ever added, even when its updates cancel.</summary>
    ListsCancelledKeys,

    /// <summary>Every update is stored at the minimum time.</summary>
    IgnoresTime,

    /// <summary>Compaction joins every time with the first frontier element only.</summary>
    CompactsByFirstElementOnly,

    /// <summary>A frontier that goes backwards is accepted.</summary>
    AcceptsRegressingFrontier,

    /// <summary>A batch is added update by update, so a null key leaves the updates before it behind.</summary>
    AddsPartOfABadBatch,

    /// <summary>Claims sorted, consolidated output but yields updates as they arrived.</summary>
    ClaimsSortedButIsNot,
}

/// <summary>A small trace with one deliberate <see cref="Flaw"/>, to show the suite catches it.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <param name="flaw">The mistake this trace makes.</param>
public sealed class FlawedTrace<TKey, TVal, TTime, TDiff>(Flaw flaw) : ITrace<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    private readonly List<Update<TKey, TVal, TTime, TDiff>> _updates = [];
    private Antichain<TTime> _frontier = Antichain<TTime>.AtMinimum();

    public TraceGuarantees Guarantees => flaw == Flaw.ClaimsSortedButIsNot ? TraceGuarantees.Sorted : TraceGuarantees.None;

    public void Add(IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates)
    {
        if (flaw == Flaw.AddsPartOfABadBatch)
        {
            ArgumentNullException.ThrowIfNull(updates);
            foreach (var update in updates)
            {
                ArgumentNullException.ThrowIfNull(update.Key, nameof(updates));
                _updates.Add(update);
            }

            return;
        }

        foreach (var update in TraceArguments.ToCheckedArray(updates))
        {
            _updates.Add(flaw == Flaw.IgnoresTime ? update with { Time = TTime.Minimum } : update);
        }
    }

    public IEnumerable<Update<TKey, TVal, TTime, TDiff>> Get(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _updates.FindAll(u => Ordering.Compare(u.Key, key) == 0);
    }

    public IEnumerable<TKey> Keys()
    {
        var keys = new SortedSet<TKey>(Comparer<TKey>.Create((a, b) => Ordering.Compare(a, b)));
        foreach (var update in _updates)
        {
            keys.Add(update.Key);
        }

        if (flaw == Flaw.ListsCancelledKeys)
        {
            return keys;
        }

        return keys.Where(k =>
        {
            var mine = _updates.FindAll(u => Ordering.Compare(u.Key, k) == 0);
            Consolidation.Consolidate(mine);
            return mine.Count > 0;
        });
    }

    public void AdvanceBy(Antichain<TTime> frontier)
    {
        if (flaw != Flaw.AcceptsRegressingFrontier)
        {
            TraceArguments.CheckFrontierAdvance(_frontier, frontier);
        }

        ArgumentNullException.ThrowIfNull(frontier);
        _frontier = frontier.Clone();
        for (int i = 0; i < _updates.Count; i++)
        {
            TTime time = _updates[i].Time;
            TTime advanced = flaw == Flaw.CompactsByFirstElementOnly && !frontier.IsEmpty
                ? time.Join(frontier.Elements[0])
                : time.AdvanceBy(frontier);
            _updates[i] = _updates[i] with { Time = advanced };
        }
    }
}
