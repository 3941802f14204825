using System.Numerics;

namespace Traces.Conformance.Tests;

/// <summary>One deliberate mistake a trace implementation could make, as a reader's first trace might.</summary>
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

    /// <summary>A new frontier is checked by its first element only, so a regression among incomparable elements passes.</summary>
    ChecksFirstFrontierElementOnly,

    /// <summary>Keys() collects keys into a buffer of 2 048 and drops the rest: wrong only with thousands of keys.</summary>
    ListsAtMost2048Keys,

    /// <summary>Batches are copied in chunks of 256 updates and the last, partial chunk of a longer batch is lost.</summary>
    LosesTheTailOfLargeBatches,

    /// <summary>Updates are grouped by their key's hash code, so keys with equal hashes share their updates.</summary>
    TakesEqualHashesForEqualKeys,

    /// <summary>Add keeps the caller's list rather than its contents, so a caller that reuses its buffer rewrites the trace.</summary>
    KeepsTheCallersBuffer,

    /// <summary>Add buffers updates before checking them, and a rejected batch's updates stay buffered for the next Add.</summary>
    KeepsARejectedBatchBuffered,

    /// <summary>AdvanceBy stores the new frontier before checking it, so a rejected frontier still lowers the bar.</summary>
    StoresTheFrontierBeforeCheckingIt,
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

    // Batches held by reference (KeepsTheCallersBuffer) and updates waiting for the end of their Add (KeepsARejectedBatchBuffered).
    private readonly List<IEnumerable<Update<TKey, TVal, TTime, TDiff>>> _heldBatches = [];
    private readonly List<Update<TKey, TVal, TTime, TDiff>> _pending = [];
    private Antichain<TTime> _frontier = Antichain<TTime>.AtMinimum();

    // Everything held, grouped by key; rebuilt on the first read after a change (null until then).
    private SortedDictionary<TKey, List<Update<TKey, TVal, TTime, TDiff>>>? _byKey;

    public TraceGuarantees Guarantees => flaw == Flaw.ClaimsSortedButIsNot ? TraceGuarantees.Sorted : TraceGuarantees.None;

    public void Add(IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates)
    {
        _byKey = null;
        switch (flaw)
        {
            case Flaw.AddsPartOfABadBatch:
                ArgumentNullException.ThrowIfNull(updates);
                foreach (var update in updates)
                {
                    ArgumentNullException.ThrowIfNull(update.Key, nameof(updates));
                    _updates.Add(update);
                }

                return;
            case Flaw.KeepsTheCallersBuffer:
                _ = TraceArguments.ToCheckedArray(updates);
                _heldBatches.Add(updates);
                return;
            case Flaw.KeepsARejectedBatchBuffered:
                ArgumentNullException.ThrowIfNull(updates);
                foreach (var update in updates)
                {
                    _pending.Add(update);
                    ArgumentNullException.ThrowIfNull(update.Key, nameof(updates));
                }

                _updates.AddRange(_pending);
                _pending.Clear();
                return;
            case Flaw.LosesTheTailOfLargeBatches:
                var batch = TraceArguments.ToCheckedArray(updates);
                for (int chunk = 0; chunk + 256 <= batch.Length || (batch.Length < 256 && chunk == 0); chunk += 256)
                {
                    _updates.AddRange(batch.AsSpan(chunk, Math.Min(256, batch.Length - chunk)));
                }

                return;
            default:
                foreach (var update in TraceArguments.ToCheckedArray(updates))
                {
                    _updates.Add(flaw == Flaw.IgnoresTime ? update with { Time = TTime.Minimum } : update);
                }

                return;
        }
    }

    public IEnumerable<Update<TKey, TVal, TTime, TDiff>> Get(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (flaw == Flaw.TakesEqualHashesForEqualKeys)
        {
            return All().FindAll(u => u.Key.GetHashCode() == key.GetHashCode()).ConvertAll(u => u with { Key = key });
        }

        return ByKey().TryGetValue(key, out var mine) ? mine : [];
    }

    public IEnumerable<TKey> Keys()
    {
        if (flaw == Flaw.ListsCancelledKeys)
        {
            return ByKey().Keys;
        }

        var listed = ByKey().Where(static entry =>
        {
            List<Update<TKey, TVal, TTime, TDiff>> mine = [.. entry.Value];
            Consolidation.Consolidate(mine);
            return mine.Count > 0;
        }).Select(static entry => entry.Key);
        return flaw == Flaw.ListsAtMost2048Keys ? listed.Take(2048) : listed;
    }

    public void AdvanceBy(Antichain<TTime> frontier)
    {
        ArgumentNullException.ThrowIfNull(frontier);
        _byKey = null;
        switch (flaw)
        {
            case Flaw.AcceptsRegressingFrontier:
                break;
            case Flaw.ChecksFirstFrontierElementOnly:
                if (!frontier.IsEmpty && !_frontier.LessEqual(frontier.Elements[0]))
                {
                    throw new ArgumentException("The frontier goes backwards.", nameof(frontier));
                }

                break;
            case Flaw.StoresTheFrontierBeforeCheckingIt:
                var previous = _frontier;
                _frontier = frontier;
                TraceArguments.CheckFrontierAdvance(previous, frontier);
                break;
            default:
                TraceArguments.CheckFrontierAdvance(_frontier, frontier);
                break;
        }

        _frontier = frontier;
        for (int i = 0; i < _updates.Count; i++)
        {
            TTime time = _updates[i].Time;
            TTime advanced = flaw == Flaw.CompactsByFirstElementOnly && !frontier.IsEmpty
                ? time.Join(frontier.Elements[0])
                : time.AdvanceBy(frontier);
            _updates[i] = _updates[i] with { Time = advanced };
        }
    }

    private SortedDictionary<TKey, List<Update<TKey, TVal, TTime, TDiff>>> ByKey()
    {
        if (_byKey is null || _heldBatches.Count > 0)
        {
            _byKey = new(Comparer<TKey>.Create(static (a, b) => Ordering.Compare(a, b)));
            foreach (var update in All())
            {
                if (!_byKey.TryGetValue(update.Key, out var list))
                {
                    _byKey.Add(update.Key, list = []);
                }

                list.Add(update);
            }
        }

        return _byKey;
    }

    // Everything held: the stored updates, and for KeepsTheCallersBuffer whatever the held lists hold now.
    private List<Update<TKey, TVal, TTime, TDiff>> All()
    {
        var all = new List<Update<TKey, TVal, TTime, TDiff>>(_updates);
        foreach (var held in _heldBatches)
        {
            foreach (var update in held)
            {
                all.Add(update with { Time = update.Time.AdvanceBy(_frontier) });
            }
        }

        return all;
    }
}
