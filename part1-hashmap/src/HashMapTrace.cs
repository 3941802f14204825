using System.Numerics;
using System.Runtime.InteropServices;

namespace Traces.HashMap;

/// <summary>
/// A collection trace kept as a <see cref="Dictionary{TKey, TValue}"/> from each key to the list of its
/// <c>(val, time, diff)</c> updates, in arrival order.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// <para>
/// <see cref="Add"/> appends each update to its key's list: amortized O(1) per update, and nothing is sorted or
/// consolidated. <see cref="Get"/> is one hash look-up, then the key's updates as they arrived (possibly
/// unconsolidated and in any order). <see cref="Keys"/> visits every key and consolidates a copy of its list to
/// see whether anything is left. <see cref="AdvanceBy"/> rewrites every time and consolidates every list,
/// dropping keys that cancel out.
/// </para>
/// <para>
/// The cost is memory and order: each key owns a dictionary entry, a <see cref="List{T}"/> object and an array
/// with spare capacity, and keys come back in hash order. Later parts keep the same contract with sorted,
/// shared storage.
/// </para>
/// <para>
/// A hash map has no order to navigate, so <see cref="GetCursor"/> copies every update out and sorts the copy
/// (<see cref="SnapshotCursor{TKey, TVal, TTime, TDiff}"/>): <c>O(n log n)</c> per cursor, which the sorted parts
/// do not pay. Every result and cursor belongs to one <see cref="TraceVersion"/>: after a change, reading it throws.
/// </para>
/// </remarks>
public sealed class HashMapTrace<TKey, TVal, TTime, TDiff> : INavigableTrace<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    #region state
    private readonly Dictionary<TKey, List<(TVal Val, TTime Time, TDiff Diff)>> _updates = [];
    private Antichain<TTime> _frontier = Antichain<TTime>.AtMinimum();
    // Changed by every Add of at least one update and every AdvanceBy; results and cursors check it.
    private readonly TraceVersion _version = new();
    #endregion

    /// <summary>Gets the number of keys with stored updates (including keys whose updates cancel until the next compaction).</summary>
    public int KeyCount => _updates.Count;

    /// <summary>Gets how many entries the dictionary has room for; for inspection (the book draws it).</summary>
    public int DictionaryCapacity => _updates.Capacity;

    /// <summary>
    /// Returns how many updates the array behind <paramref name="key"/>'s list has room for, or 0 if the key has no
    /// list; for inspection (the book draws it).
    /// </summary>
    /// <param name="key">The key.</param>
    public int ListCapacity(TKey key) => _updates.TryGetValue(key, out var history) ? history.Capacity : 0;

    #region add
    /// <inheritdoc />
    public void Add(IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates)
    {
        #region add-body
        // Check the whole batch before touching the dictionary, so bad input changes nothing.
        var batch = TraceArguments.ToCheckedArray(updates);
        if (batch.Length > 0)
        {
            _version.Changed();
        }

        foreach (var (key, val, time, diff) in batch)
        {
            ref var history = ref CollectionsMarshal.GetValueRefOrAddDefault(_updates, key, out _);
            history ??= [];

            // A time not beyond the frontier is advanced now, as if it had been there at the last
            // compaction.
            history.Add((val, time.AdvanceBy(_frontier), diff));
        }
        #endregion
    }
    #endregion

    #region get
    /// <inheritdoc />
    public IEnumerable<Update<TKey, TVal, TTime, TDiff>> Get(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _updates.TryGetValue(key, out var history)
            ? _version.Guard(Enumerate(key, history))
            : [];
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
    #endregion

    #region keys
    /// <inheritdoc />
    public IEnumerable<TKey> Keys() => _version.Guard(KeysWithUpdates());

    private IEnumerable<TKey> KeysWithUpdates()
    {
        var scratch = new List<(TVal Val, TTime Time, TDiff Diff)>();
        foreach (var (key, history) in _updates)
        {
            // Updates may cancel, so a key is listed only if a consolidated copy of
            // its history is non-empty.
            scratch.Clear();
            scratch.AddRange(history);
            if (Consolidate(scratch) > 0)
            {
                yield return key;
            }
        }
    }
    #endregion

    #region advance-by
    /// <inheritdoc />
    public void AdvanceBy(Antichain<TTime> frontier)
    {
        TraceArguments.CheckFrontierAdvance(_frontier, frontier);
        _version.Changed();
        _frontier = frontier;

        List<TKey>? emptied = null;
        foreach (var (key, history) in _updates)
        {
            // Rewriting times to their representative beyond the frontier makes more updates equal, so
            // consolidation can sum them, and cancel some to nothing.
            Span<(TVal Val, TTime Time, TDiff Diff)> span = CollectionsMarshal.AsSpan(history);
            for (int i = 0; i < span.Length; i++)
            {
                span[i].Time = span[i].Time.AdvanceBy(_frontier);
            }

            int length = Consolidate(history);
            if (length == 0)
            {
                (emptied ??= []).Add(key);
            }
        }

        foreach (TKey key in emptied ?? [])
        {
            _updates.Remove(key);
        }
    }
    #endregion

    #region cursor
    /// <inheritdoc />
    public ITraceCursor<TKey, TVal, TTime, TDiff> GetCursor()
    {
        var updates = new Update<TKey, TVal, TTime, TDiff>[TotalUpdates()];
        int next = 0;
        foreach (var (key, history) in _updates)
        {
            foreach (var (val, time, diff) in history)
            {
                updates[next++] = new(key, val, time, diff);
            }
        }

        return new SnapshotCursor<TKey, TVal, TTime, TDiff>(_version, updates);
    }
    #endregion

    private int TotalUpdates()
    {
        int total = 0;
        foreach (var history in _updates.Values)
        {
            total += history.Count;
        }

        return total;
    }

    private static int Consolidate(List<(TVal Val, TTime Time, TDiff Diff)> history)
    {
        int length = Consolidation.Consolidate<(TVal Val, TTime Time, TDiff Diff), TDiff, ValTimeShape>(CollectionsMarshal.AsSpan(history));
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

        public static bool SameExceptDiff(in (TVal Val, TTime Time, TDiff Diff) x, in (TVal Val, TTime Time, TDiff Diff) y) =>
            Ordering.Compare(x.Val, y.Val) == 0 && x.Time.CompareTo(y.Time) == 0;

        public static TDiff DiffOf(in (TVal Val, TTime Time, TDiff Diff) item) => item.Diff;

        public static (TVal Val, TTime Time, TDiff Diff) WithDiff(in (TVal Val, TTime Time, TDiff Diff) item, TDiff diff) =>
            (item.Val, item.Time, diff);
    }
}
