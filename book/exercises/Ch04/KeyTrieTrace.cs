using System.Numerics;
using Traces;

namespace Exercises.Ch04;

/// <summary>
/// Part 3's trace for collections of keys alone: the same stack of tries and merge rule, over
/// <see cref="KeyTrie{TKey, TTime, TDiff}"/>s that have no value layer.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// An added batch is sorted, consolidated and built into a trie, which merges with the last trie while that
/// trie holds fewer than twice as many updates. <see cref="Get"/> binary-searches every trie and consolidates
/// only when several tries hold the key; <see cref="Keys"/> walks the key layers side by side.
/// </remarks>
public sealed class KeyTrieTrace<TKey, TTime, TDiff> : INavigableTrace<TKey, Unit, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    // Nonempty tries, oldest first; each holds at least twice the updates of the next.
    private readonly List<KeyTrie<TKey, TTime, TDiff>> _tries = [];
    private Antichain<TTime> _frontier = Antichain<TTime>.AtMinimum();
    // Changed by every Add of at least one update and every AdvanceBy; results and cursors check it.
    private readonly TraceVersion _version = new();

    /// <inheritdoc />
    public TraceGuarantees Guarantees => TraceGuarantees.Sorted;

    /// <summary>Gets the tries, largest first; for inspection.</summary>
    public IReadOnlyList<KeyTrie<TKey, TTime, TDiff>> Tries => _tries;

    /// <inheritdoc />
    public void Add(IEnumerable<Update<TKey, Unit, TTime, TDiff>> updates)
    {
        var batch = TraceArguments.ToCheckedArray(updates);
        if (batch.Length == 0)
        {
            return;
        }

        _version.Changed();
        var frontier = _frontier.Elements;
        for (int i = 0; i < batch.Length; i++)
        {
            batch[i] = batch[i] with { Time = batch[i].Time.AdvanceByElements(frontier) };
        }

        int length = Consolidation.Consolidate<TKey, Unit, TTime, TDiff>(batch);
        Push(KeyTrie<TKey, TTime, TDiff>.FromSorted(batch.AsSpan(0, length)));
    }

    private void Push(KeyTrie<TKey, TTime, TDiff> trie)
    {
        if (trie.UpdateCount == 0)
        {
            return;
        }

        _tries.Add(trie);
        while (_tries.Count > 1 && _tries[^2].UpdateCount < 2 * _tries[^1].UpdateCount)
        {
            var merged = KeyTrie<TKey, TTime, TDiff>.Merge(_tries[^2], _tries[^1]);
            _tries.RemoveRange(_tries.Count - 2, 2);
            if (merged.UpdateCount > 0)
            {
                _tries.Add(merged);
            }
        }
    }

    /// <inheritdoc />
    public IEnumerable<Update<TKey, Unit, TTime, TDiff>> Get(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var history = new List<(TTime Time, TDiff Diff)>();
        int sources = 0;
        foreach (var trie in _tries)
        {
            int found = trie.FindKey(key);
            if (found >= 0)
            {
                history.AddRange(trie.HistoryOf(found));
                sources++;
            }
        }

        if (sources > 1)
        {
            Consolidation.ConsolidateTimes(history);
        }

        var result = new Update<TKey, Unit, TTime, TDiff>[history.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = new(key, Unit.Value, history[i].Time, history[i].Diff);
        }

        return _version.Guard(result);
    }

    /// <inheritdoc />
    public IEnumerable<TKey> Keys() => _version.Guard(WalkKeys());

    /// <inheritdoc />
    public ITraceCursor<TKey, Unit, TTime, TDiff> GetCursor()
    {
        var copy = new List<Update<TKey, Unit, TTime, TDiff>>();
        foreach (var trie in _tries)
        {
            for (int i = 0; i < trie.Keys.Length; i++)
            {
                foreach (var (time, diff) in trie.HistoryOf(i))
                {
                    copy.Add(new(trie.Keys[i].Key, Unit.Value, time, diff));
                }
            }
        }

        return new SnapshotCursor<TKey, Unit, TTime, TDiff>(_version, [.. copy]);
    }

    private IEnumerable<TKey> WalkKeys()
    {
        var positions = new int[_tries.Count];
        var history = new List<(TTime Time, TDiff Diff)>();
        while (true)
        {
            int first = -1;
            for (int t = 0; t < _tries.Count; t++)
            {
                if (positions[t] < _tries[t].Keys.Length && (first < 0 || Ordering.Compare(
                        _tries[t].Keys[positions[t]].Key, _tries[first].Keys[positions[first]].Key) < 0))
                {
                    first = t;
                }
            }

            if (first < 0)
            {
                yield break;
            }

            // A key in one trie is live; a key in several may cancel across them.
            TKey key = _tries[first].Keys[positions[first]].Key;
            history.Clear();
            int sources = 0;
            for (int t = first; t < _tries.Count; t++)
            {
                if (positions[t] < _tries[t].Keys.Length
                    && Ordering.Compare(_tries[t].Keys[positions[t]].Key, key) == 0)
                {
                    history.AddRange(_tries[t].HistoryOf(positions[t]++));
                    sources++;
                }
            }

            if (sources == 1 || Consolidation.ConsolidateTimes(
                    System.Runtime.InteropServices.CollectionsMarshal.AsSpan(history)) > 0)
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
        var tries = _tries.ToArray();
        _tries.Clear();
        foreach (var trie in tries)
        {
            Push(trie.AdvanceBy(_frontier.Elements));
        }
    }
}
