using System.Numerics;

namespace Traces.Conformance;

/// <summary>
/// The simplest correct trace: every update ever added, in one flat list, accumulated on demand. Every
/// conformance check compares an implementation against it.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// The model never rewrites a time: <see cref="AdvanceBy"/> only records the frontier (and rejects one that goes
/// backwards), so the model always answers with the true updates. Compacting traces agree with it on every
/// accumulation at a time beyond the frontier, which is what the suite compares once a frontier is set.
/// </remarks>
public sealed class ReferenceTrace<TKey, TVal, TTime, TDiff> : INavigableTrace<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    private readonly List<Update<TKey, TVal, TTime, TDiff>> _updates = [];

    // The same updates grouped by key (ordinal order), so that Get reads one key's updates, not all of them.
    private readonly SortedDictionary<TKey, List<Update<TKey, TVal, TTime, TDiff>>> _byKey =
        new(Comparer<TKey>.Create(static (a, b) => Ordering.Compare(a, b)));
    private Antichain<TTime> _frontier = Antichain<TTime>.AtMinimum();
    private readonly TraceVersion _version = new();

    /// <inheritdoc />
    public TraceGuarantees Guarantees => TraceGuarantees.Sorted;

    /// <summary>Gets the compaction frontier promised so far.</summary>
    public Antichain<TTime> Frontier => _frontier;

    /// <summary>Gets every update added, in the order added.</summary>
    public IReadOnlyList<Update<TKey, TVal, TTime, TDiff>> Updates => _updates;

    /// <summary>Gets every key ever added, in ascending order, whether or not its updates cancel.</summary>
    public IEnumerable<TKey> KeysEverAdded => _byKey.Keys;

    /// <inheritdoc />
    public void Add(IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates)
    {
        var batch = TraceArguments.ToCheckedArray(updates);
        if (batch.Length > 0)
        {
            _version.Changed();
        }

        _updates.AddRange(batch);
        foreach (var update in batch)
        {
            if (!_byKey.TryGetValue(update.Key, out var list))
            {
                _byKey.Add(update.Key, list = []);
            }

            list.Add(update);
        }
    }

    /// <inheritdoc />
    public IEnumerable<Update<TKey, TVal, TTime, TDiff>> Get(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        List<Update<TKey, TVal, TTime, TDiff>> result = _byKey.TryGetValue(key, out var list) ? [.. list] : [];
        Consolidation.Consolidate(result);
        return _version.Guard(result);
    }

    /// <inheritdoc />
    public IEnumerable<TKey> Keys()
    {
        var keys = new List<TKey>();
        foreach (var (key, updates) in _byKey)
        {
            List<Update<TKey, TVal, TTime, TDiff>> consolidated = [.. updates];
            Consolidation.Consolidate(consolidated);
            if (consolidated.Count > 0)
            {
                keys.Add(key);
            }
        }

        return _version.Guard(keys);
    }

    /// <inheritdoc />
    public void AdvanceBy(Antichain<TTime> frontier)
    {
        TraceArguments.CheckFrontierAdvance(_frontier, frontier);
        _version.Changed();
        _frontier = frontier;
    }

    /// <inheritdoc />
    /// <remarks>The model's cursor is a snapshot of every update, sorted when the cursor is made; times are not advanced.</remarks>
    public ITraceCursor<TKey, TVal, TTime, TDiff> GetCursor() =>
        new SnapshotCursor<TKey, TVal, TTime, TDiff>(_version, [.. _updates]);

    /// <summary>Returns the count of <c>(key, val)</c> at <paramref name="time"/>: the sum of diffs of updates at times <c>≤ time</c>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="val">The value.</param>
    /// <param name="time">The time to read at.</param>
    public TDiff Accumulate(TKey key, TVal val, TTime time) => Accumulate(_updates, key, val, time);

    /// <summary>Returns the count of <c>(key, val)</c> at <paramref name="time"/> over any list of updates.</summary>
    /// <param name="updates">The updates.</param>
    /// <param name="key">The key.</param>
    /// <param name="val">The value.</param>
    /// <param name="time">The time to read at.</param>
    public static TDiff Accumulate(IReadOnlyList<Update<TKey, TVal, TTime, TDiff>> updates, TKey key, TVal val, TTime time)
    {
        ArgumentNullException.ThrowIfNull(updates);
        TDiff sum = TDiff.AdditiveIdentity;
        foreach (var update in updates)
        {
            if (Ordering.Compare(update.Key, key) == 0 && Ordering.Compare(update.Val, val) == 0 && update.Time.LessEqual(time))
            {
                sum += update.Diff;
            }
        }

        return sum;
    }
}
