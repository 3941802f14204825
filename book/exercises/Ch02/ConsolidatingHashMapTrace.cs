using System.Numerics;
using System.Runtime.InteropServices;
using Traces;

namespace Exercises.Ch02;

/// <summary>
/// Part 1's hash map trace, changed to keep its promise of consolidated updates: <see cref="Get"/> consolidates
/// a key's list in place the first time it is read after a change, and later reads find it consolidated.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// Everything but <see cref="Guarantees"/> and <see cref="Get"/> is part 1's code. <see cref="Get"/> first checks,
/// in one pass, whether the key's list is sorted by <c>(val, time)</c> with no repeats and no zeros; only if not
/// does it sort and sum the list.
/// </remarks>
public sealed class ConsolidatingHashMapTrace<TKey, TVal, TTime, TDiff> : INavigableTrace<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    private readonly Dictionary<TKey, List<(TVal Val, TTime Time, TDiff Diff)>> _updates = [];
    private Antichain<TTime> _frontier = Antichain<TTime>.AtMinimum();
    private readonly TraceVersion _version = new();

    #region guarantees
    /// <inheritdoc />
    public TraceGuarantees Guarantees => TraceGuarantees.ConsolidatedUpdates;
    #endregion

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
            ref var history = ref CollectionsMarshal.GetValueRefOrAddDefault(_updates, key, out _);
            history ??= [];
            history.Add((val, time.AdvanceBy(_frontier), diff));
        }
    }

    #region get
    /// <inheritdoc />
    public IEnumerable<Update<TKey, TVal, TTime, TDiff>> Get(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_updates.TryGetValue(key, out var history))
        {
            return [];
        }

        // Every enumeration of this list began when it was consolidated, and the Add that has
        // changed it since made them throw: consolidating in place disturbs no reader.
        if (!IsConsolidated(history))
        {
            Consolidate(history);
        }

        return _version.Guard(Enumerate(key, history));
    }

    private static IEnumerable<Update<TKey, TVal, TTime, TDiff>> Enumerate(
        TKey key, List<(TVal Val, TTime Time, TDiff Diff)> history)
    {
        // A live view of the key's list: the guard around it makes reading it after a change throw.
        foreach (var (val, time, diff) in history)
        {
            yield return new(key, val, time, diff);
        }
    }

    private static bool IsConsolidated(List<(TVal Val, TTime Time, TDiff Diff)> history)
    {
        for (int i = 0; i < history.Count; i++)
        {
            if (Consolidation.IsZero(history[i].Diff)
                || (i > 0 && default(ValTimeShape).Compare(history[i - 1], history[i]) >= 0))
            {
                return false;
            }
        }

        return true;
    }
    #endregion

    /// <inheritdoc />
    public ITraceCursor<TKey, TVal, TTime, TDiff> GetCursor()
    {
        var copy = new List<Update<TKey, TVal, TTime, TDiff>>();
        foreach (var (key, history) in _updates)
        {
            foreach (var (val, time, diff) in history)
            {
                copy.Add(new(key, val, time, diff));
            }
        }

        return new SnapshotCursor<TKey, TVal, TTime, TDiff>(_version, [.. copy]);
    }

    /// <inheritdoc />
    public IEnumerable<TKey> Keys() => _version.Guard(KeysWithUpdates());

    private IEnumerable<TKey> KeysWithUpdates()
    {
        var scratch = new List<(TVal Val, TTime Time, TDiff Diff)>();
        foreach (var (key, history) in _updates)
        {
            scratch.Clear();
            scratch.AddRange(history);
            if (Consolidate(scratch) > 0)
            {
                yield return key;
            }
        }
    }

    /// <inheritdoc />
    public void AdvanceBy(Antichain<TTime> frontier)
    {
        TraceArguments.CheckFrontierAdvance(_frontier, frontier);
        _version.Changed();
        _frontier = frontier;

        List<TKey>? emptied = null;
        foreach (var (key, history) in _updates)
        {
            Span<(TVal Val, TTime Time, TDiff Diff)> span = CollectionsMarshal.AsSpan(history);
            for (int i = 0; i < span.Length; i++)
            {
                span[i].Time = span[i].Time.AdvanceBy(_frontier);
            }

            if (Consolidate(history) == 0)
            {
                (emptied ??= []).Add(key);
            }
        }

        foreach (TKey key in emptied ?? [])
        {
            _updates.Remove(key);
        }
    }

    private static int Consolidate(List<(TVal Val, TTime Time, TDiff Diff)> history)
    {
        int length = Consolidation.Consolidate<(TVal Val, TTime Time, TDiff Diff), TDiff, ValTimeShape>(
            CollectionsMarshal.AsSpan(history));
        history.RemoveRange(length, history.Count - length);
        return length;
    }

    /// <summary>Consolidation of <c>(val, time, diff)</c> triples: ordered by value, then time.</summary>
    private readonly struct ValTimeShape : IConsolidationShape<(TVal Val, TTime Time, TDiff Diff), TDiff>
    {
        public int Compare((TVal Val, TTime Time, TDiff Diff) x, (TVal Val, TTime Time, TDiff Diff) y)
        {
            int order = Ordering.Compare(x.Val, y.Val);
            return order != 0 ? order : x.Time.CompareTo(y.Time);
        }

        public static bool SameExceptDiff(
            in (TVal Val, TTime Time, TDiff Diff) x, in (TVal Val, TTime Time, TDiff Diff) y) =>
            Ordering.Compare(x.Val, y.Val) == 0 && x.Time.CompareTo(y.Time) == 0;

        public static TDiff DiffOf(in (TVal Val, TTime Time, TDiff Diff) item) => item.Diff;

        public static (TVal Val, TTime Time, TDiff Diff) WithDiff(
            in (TVal Val, TTime Time, TDiff Diff) item, TDiff diff) => (item.Val, item.Time, diff);
    }
}
