using System.Numerics;
using System.Runtime.InteropServices;

namespace Traces.Tries;

/// <summary>
/// A collection trace kept as a few flattened tries, largest first, merged geometrically key by key.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// <para>
/// The stacking discipline is part 2's: an added batch is sorted, consolidated and built into a trie, which is
/// merged with the last trie while that trie holds fewer than twice as many updates. Each trie is at least twice
/// the size of the next, so <c>n</c> updates occupy at most <c>log2(n) + 1</c> tries. What changes is the list:
/// a <see cref="Trie{TKey, TVal, TTime, TDiff}"/> stores each key and each value once, and
/// <see cref="TrieMerge"/> copies whole subtrees where only one side has a key.
/// </para>
/// <para>
/// <see cref="Get"/> binary-searches the key layer of every trie; <see cref="GetCursor"/> navigates them all at once
/// (<see cref="TrieCursor{TKey, TVal, TTime, TDiff}"/>). Every result and cursor fails fast once the trace changes
/// (<see cref="TraceVersion"/>). Derived traces (part 4) learn of every change to
/// the stack of tries through <see cref="OnTrieAdded"/>, <see cref="OnTriesMerged"/> and <see cref="OnTriesCleared"/>.
/// </para>
/// </remarks>
public class TrieTrace<TKey, TVal, TTime, TDiff> : INavigableTrace<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    // Nonempty tries, oldest first; each holds at least twice the updates of the next (see Push).
    private readonly List<Trie<TKey, TVal, TTime, TDiff>> _tries = [];
    private Antichain<TTime> _frontier = Antichain<TTime>.AtMinimum();
    // True when _frontier is neither the minimum nor empty: Add then advances new times by it.
    private bool _advancing;
    // Changed on every Add of at least one update and every AdvanceBy; results and cursors check it.
    private readonly TraceVersion _version = new();

    /// <inheritdoc />
    public TraceGuarantees Guarantees => TraceGuarantees.Sorted;

    /// <summary>Gets the number of tries the trace holds; at most <c>log2(<see cref="Count"/>) + 1</c>.</summary>
    public int TrieCount => _tries.Count;

    /// <summary>Gets the number of updates the trace holds, summed over its tries.</summary>
    public long Count
    {
        get
        {
            long count = 0;
            foreach (var trie in _tries)
            {
                count += trie.UpdateCount;
            }

            return count;
        }
    }

    /// <summary>Gets the tries, largest (oldest) first.</summary>
    protected ReadOnlySpan<Trie<TKey, TVal, TTime, TDiff>> Tries => CollectionsMarshal.AsSpan(_tries);

    /// <summary>Gets the version that every result and cursor of the trace checks.</summary>
    protected TraceVersion Version => _version;

    /// <inheritdoc />
    public void Add(IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates)
    {
        #region add
        var batch = TraceArguments.ToCheckedArray(updates);
        if (_advancing)
        {
            var frontier = _frontier.Elements;
            for (int i = 0; i < batch.Length; i++)
            {
                batch[i] = batch[i] with { Time = batch[i].Time.AdvanceByElements(frontier) };
            }
        }

        int length = Consolidation.Consolidate<TKey, TVal, TTime, TDiff>(batch);
        Push(TrieBuilder<TKey, TVal, TTime, TDiff>.FromSorted(batch.AsSpan(0, length)));
        #endregion
        if (batch.Length > 0)
        {
            _version.Changed();
        }
    }

    /// <summary>Stacks a trie, merging it with every trailing trie less than twice its size.</summary>
    /// <param name="trie">The trie.</param>
    private void Push(Trie<TKey, TVal, TTime, TDiff> trie)
    {
        if (trie.UpdateCount == 0)
        {
            return;
        }

        #region push
        _tries.Add(trie);
        OnTrieAdded(trie);
        while (_tries.Count > 1 && _tries[^2].UpdateCount < 2 * _tries[^1].UpdateCount)
        {
            var older = _tries[^2];
            var newer = _tries[^1];
            var merged = TrieMerge.Merge(older, newer);
            _tries.RemoveRange(_tries.Count - 2, 2);
            if (merged.UpdateCount > 0)
            {
                _tries.Add(merged);
            }

            OnTriesMerged(older, newer, merged);
        }
        #endregion
    }

    /// <summary>Called after <paramref name="trie"/> was put at the end of the stack.</summary>
    /// <param name="trie">The new trie.</param>
    protected virtual void OnTrieAdded(Trie<TKey, TVal, TTime, TDiff> trie)
    {
    }

    /// <summary>
    /// Called after the last two tries, <paramref name="older"/> and <paramref name="newer"/>, were replaced by
    /// <paramref name="merged"/> (which is not on the stack if it is empty).
    /// </summary>
    /// <param name="older">The second-to-last trie before the merge.</param>
    /// <param name="newer">The last trie before the merge.</param>
    /// <param name="merged">Their merge.</param>
    protected virtual void OnTriesMerged(
        Trie<TKey, TVal, TTime, TDiff> older, Trie<TKey, TVal, TTime, TDiff> newer, Trie<TKey, TVal, TTime, TDiff> merged)
    {
    }

    /// <summary>Called after every trie was taken off the stack, before compacted tries are stacked again.</summary>
    protected virtual void OnTriesCleared()
    {
    }

    /// <inheritdoc />
    public virtual IEnumerable<Update<TKey, TVal, TTime, TDiff>> Get(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);

        #region get
        var buffer = new UpdateBuffer<TKey, TVal, TTime, TDiff>();
        foreach (var trie in _tries)
        {
            int found = trie.FindKey(key);
            if (found >= 0)
            {
                buffer.Append(trie, found);
            }
        }

        buffer.Consolidate();
        return _version.Guard(buffer.Updates.ToArray());
        #endregion
    }

    /// <inheritdoc />
    public IEnumerable<TKey> Keys() => _version.Guard(EnumerateKeys());

    /// <summary>Returns a cursor at the trace's first key, valid until the trace changes.</summary>
    public TrieTraceCursor<TKey, TVal, TTime, TDiff> GetCursor() => new(_version, Tries);

    /// <inheritdoc />
    ITraceCursor<TKey, TVal, TTime, TDiff> INavigableTrace<TKey, TVal, TTime, TDiff>.GetCursor() => GetCursor();

    /// <summary>Enumerates the live keys, walking the key layers side by side (read through <see cref="Keys"/>'s guard).</summary>
    private IEnumerable<TKey> EnumerateKeys()
    {
        var positions = new int[_tries.Count];
        var buffer = new UpdateBuffer<TKey, TVal, TTime, TDiff>();
        while (true)
        {
            #region keys
            int first = -1;
            for (int t = 0; t < _tries.Count; t++)
            {
                if (positions[t] < _tries[t].Keys.Length &&
                    (first < 0 ||
                     Ordering.Compare(
                         _tries[t].Keys[positions[t]].Key, _tries[first].Keys[positions[first]].Key) < 0))
                {
                    first = t;
                }
            }

            if (first < 0)
            {
                yield break;
            }

            // A key in one trie is live (tries hold no cancelled keys); a key in
            // several may cancel across them.
            TKey key = _tries[first].Keys[positions[first]].Key;
            int sources = 0;
            for (int t = first; t < _tries.Count; t++)
            {
                sources += HeadIs(t, key) ? 1 : 0;
            }

            buffer.Clear();
            for (int t = first; t < _tries.Count; t++)
            {
                if (HeadIs(t, key))
                {
                    if (sources > 1)
                    {
                        buffer.Append(_tries[t], positions[t]);
                    }

                    positions[t]++;
                }
            }

            bool live = sources == 1 || buffer.Consolidate() > 0;
            #endregion

            if (live)
            {
                yield return key;
            }
        }

        bool HeadIs(int t, TKey key) => positions[t] < _tries[t].Keys.Length && Ordering.Compare(_tries[t].Keys[positions[t]].Key, key) == 0;
    }

    /// <inheritdoc />
    public void AdvanceBy(Antichain<TTime> frontier)
    {
        TraceArguments.CheckFrontierAdvance(_frontier, frontier);
        #region advance-by
        _frontier = frontier;
        _advancing = !_frontier.IsEmpty && !_frontier.SetEquals(Antichain<TTime>.AtMinimum());
        if (_advancing)
        {
            var tries = _tries.ToArray();
            _tries.Clear();
            OnTriesCleared();
            foreach (var trie in tries)
            {
                Push(TrieMerge.AdvanceBy(trie, _frontier.Elements));
            }
        }
        #endregion

        _version.Changed();
    }
}
