using System.Numerics;
using Traces;

namespace Exercises.Ch02;

/// <summary>
/// A trace that consolidates at the door: a sorted dictionary from each key to a sorted dictionary from each
/// <c>(val, time)</c> to its summed diff. Nothing is ever stored unconsolidated, so reads do no work.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// Both levels are red-black trees (<see cref="SortedDictionary{TKey, TValue}"/>) ordered as every part orders
/// keys and values (<see cref="Ordering.Compare{T}"/>). <see cref="Add"/> adds each diff into its entry, removes
/// the entry when the sum is zero and the key when its last entry goes, so <see cref="Keys"/> lists the outer
/// tree as it is, in ascending order, and <see cref="Get"/> walks one inner tree. The price is a tree node, an
/// object, per key and per <c>(val, time)</c>, and a logarithmic search per update on the way in.
/// </remarks>
public sealed class SortedDictionaryTrace<TKey, TVal, TTime, TDiff> : INavigableTrace<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    #region state
    // Every key with at least one entry; every entry's diff is nonzero.
    private readonly SortedDictionary<TKey, SortedDictionary<(TVal Val, TTime Time), TDiff>> _keys =
        new(new KeyOrder());
    private Antichain<TTime> _frontier = Antichain<TTime>.AtMinimum();
    private readonly TraceVersion _version = new();
    #endregion

    /// <inheritdoc />
    public TraceGuarantees Guarantees => TraceGuarantees.Sorted;

    #region add
    /// <inheritdoc />
    public void Add(IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates)
    {
        var batch = TraceArguments.ToCheckedArray(updates);
        if (batch.Length > 0)
        {
            _version.Changed();
        }

        foreach (var (key, val, time, diff) in batch)
        {
            AddOne(key, (val, time.AdvanceBy(_frontier)), diff);
        }
    }

    private void AddOne(TKey key, (TVal Val, TTime Time) entry, TDiff diff)
    {
        if (!_keys.TryGetValue(key, out var entries))
        {
            if (Consolidation.IsZero(diff))
            {
                return;
            }

            entries = new(new ValTimeOrder());
            _keys.Add(key, entries);
        }

        TDiff sum = entries.TryGetValue(entry, out var old) ? old + diff : diff;
        if (!Consolidation.IsZero(sum))
        {
            entries[entry] = sum;
        }
        else if (entries.Remove(entry) && entries.Count == 0)
        {
            _keys.Remove(key);
        }
    }
    #endregion

    #region read
    /// <inheritdoc />
    public IEnumerable<Update<TKey, TVal, TTime, TDiff>> Get(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _keys.TryGetValue(key, out var entries) ? _version.Guard(Enumerate(key, entries)) : [];
    }

    private static IEnumerable<Update<TKey, TVal, TTime, TDiff>> Enumerate(
        TKey key, SortedDictionary<(TVal Val, TTime Time), TDiff> entries)
    {
        foreach (var ((val, time), diff) in entries)
        {
            yield return new(key, val, time, diff);
        }
    }

    /// <inheritdoc />
    public IEnumerable<TKey> Keys() => _version.Guard(_keys.Keys);
    #endregion

    /// <inheritdoc />
    public ITraceCursor<TKey, TVal, TTime, TDiff> GetCursor()
    {
        var copy = new List<Update<TKey, TVal, TTime, TDiff>>();
        foreach (var (key, entries) in _keys)
        {
            foreach (var ((val, time), diff) in entries)
            {
                copy.Add(new(key, val, time, diff));
            }
        }

        return new SnapshotCursor<TKey, TVal, TTime, TDiff>(_version, [.. copy]);
    }

    #region advance-by
    /// <inheritdoc />
    public void AdvanceBy(Antichain<TTime> frontier)
    {
        TraceArguments.CheckFrontierAdvance(_frontier, frontier);
        _version.Changed();
        _frontier = frontier;

        // Advancing moves entries within their key's tree and makes some of them meet:
        // take every entry out and add it back at its new time.
        var all = new List<Update<TKey, TVal, TTime, TDiff>>();
        foreach (var (key, entries) in _keys)
        {
            foreach (var ((val, time), diff) in entries)
            {
                all.Add(new(key, val, time, diff));
            }
        }

        _keys.Clear();
        foreach (var (key, val, time, diff) in all)
        {
            AddOne(key, (val, time.AdvanceBy(_frontier)), diff);
        }
    }
    #endregion

    private sealed class KeyOrder : IComparer<TKey>
    {
        public int Compare(TKey? x, TKey? y) => Ordering.Compare(x!, y!);
    }

    private sealed class ValTimeOrder : IComparer<(TVal Val, TTime Time)>
    {
        public int Compare((TVal Val, TTime Time) x, (TVal Val, TTime Time) y)
        {
            int order = Ordering.Compare(x.Val, y.Val);
            return order != 0 ? order : x.Time.CompareTo(y.Time);
        }
    }
}
