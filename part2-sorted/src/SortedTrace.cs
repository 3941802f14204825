using System.Numerics;

namespace Traces.Sorted;

/// <summary>
/// A collection trace kept as a few sorted lists of updates, largest first, merged geometrically.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// <para>
/// Every list is an array sorted by <c>(key, val, time)</c> and consolidated. An added batch is sorted and
/// consolidated into a new list, which is merged with the last list while that list holds fewer than twice as
/// many updates; the result takes the last place. Each list is therefore at least twice the size of the one after
/// it, so <c>n</c> updates occupy at most <c>log2(n) + 1</c> lists, and an update takes part in at most that many
/// merges.
/// </para>
/// <para>
/// <see cref="Get"/> binary-searches every list and consolidates what it finds; <see cref="Keys"/> walks all lists
/// side by side, and so does a cursor (<see cref="GetCursor"/>), with a finger per list. <see cref="AdvanceBy"/>
/// rewrites the times of every list, re-sorts and consolidates each, and stacks them again.
/// </para>
/// <para>
/// Reading while writing follows <see cref="TraceVersion"/>: a non-empty <see cref="Add"/> and every
/// <see cref="AdvanceBy"/> are changes, after which results of <see cref="Get"/> and <see cref="Keys"/> made
/// before, and cursors, throw <see cref="InvalidOperationException"/> when read.
/// </para>
/// </remarks>
public sealed class SortedTrace<TKey, TVal, TTime, TDiff> : INavigableTrace<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    #region state
    // Nonempty sorted, consolidated lists; each at least twice as long as the next (see Push).
    private readonly List<Update<TKey, TVal, TTime, TDiff>[]> _lists = [];
    private Antichain<TTime> _frontier = Antichain<TTime>.AtMinimum();
    // True when _frontier is neither the minimum nor empty: Add then advances new times by it.
    private bool _advancing;
    // Moves on every change (a non-empty Add, an AdvanceBy); results and cursors made before fail.
    private readonly TraceVersion _version = new();
    #endregion

    /// <inheritdoc />
    public TraceGuarantees Guarantees => TraceGuarantees.Sorted;

    /// <summary>Gets the number of sorted lists the trace holds; at most <c>log2(<see cref="Count"/>) + 1</c>.</summary>
    public int ListCount => _lists.Count;

    /// <summary>
    /// Returns the lengths of the sorted lists, largest (oldest) first, newest last; for inspection (the book draws
    /// it). Allocates the array it returns.
    /// </summary>
    public int[] ListLengths()
    {
        var lengths = new int[_lists.Count];
        for (int l = 0; l < lengths.Length; l++)
        {
            lengths[l] = _lists[l].Length;
        }

        return lengths;
    }

    /// <summary>Gets the number of updates the trace holds, summed over its lists.</summary>
    public long Count
    {
        get
        {
            long count = 0;
            foreach (var list in _lists)
            {
                count += list.Length;
            }

            return count;
        }
    }

    /// <inheritdoc />
    public void Add(IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates)
    {
        #region add
        var batch = TraceArguments.ToCheckedArray(updates);
        if (batch.Length == 0)
        {
            // Not a change: results and cursors already handed out stay valid.
            return;
        }

        if (_advancing)
        {
            AdvanceTimes(batch, _frontier);
        }

        int length = Consolidation.Consolidate<TKey, TVal, TTime, TDiff>(batch);
        if (length < batch.Length)
        {
            Array.Resize(ref batch, length);
        }

        Push(batch);
        _version.Changed();
        #endregion
    }

    /// <summary>Stacks a sorted, consolidated list, merging it with every trailing list less than twice its size.</summary>
    /// <param name="list">The list.</param>
    private void Push(Update<TKey, TVal, TTime, TDiff>[] list)
    {
        #region push
        while (_lists.Count > 0 && _lists[^1].Length < 2 * list.Length)
        {
            list = SortedMerge.Merge<TKey, TVal, TTime, TDiff>(_lists[^1], list);
            _lists.RemoveAt(_lists.Count - 1);
        }

        if (list.Length > 0)
        {
            _lists.Add(list);
        }
        #endregion
    }

    /// <inheritdoc />
    public IEnumerable<Update<TKey, TVal, TTime, TDiff>> Get(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);

        #region get
        // First find the run of updates for the key in every list, then copy the runs into one array.
        Span<int> starts = stackalloc int[_lists.Count];
        Span<int> ends = stackalloc int[_lists.Count];
        int total = 0, contributing = 0;
        for (int l = 0; l < _lists.Count; l++)
        {
            var list = _lists[l];
            starts[l] = SortedMerge.LowerBound<TKey, TVal, TTime, TDiff>(list, key);
            ends[l] = RunEnd(list, starts[l], key);
            total += ends[l] - starts[l];
            contributing += ends[l] > starts[l] ? 1 : 0;
        }

        var result = new Update<TKey, TVal, TTime, TDiff>[total];
        int written = 0;
        for (int l = 0; l < _lists.Count; l++)
        {
            _lists[l].AsSpan(starts[l], ends[l] - starts[l]).CopyTo(result.AsSpan(written));
            written += ends[l] - starts[l];
        }

        // One list's run is already sorted and consolidated; runs from several lists may repeat or cancel.
        if (contributing > 1)
        {
            int length = Consolidation.Consolidate<TKey, TVal, TTime, TDiff>(result);
            Array.Resize(ref result, length);
        }

        return _version.Guard(result);
        #endregion
    }

    /// <inheritdoc />
    public IEnumerable<TKey> Keys() => _version.Guard(WalkKeys());

    /// <summary>Yields the live keys in ascending order; <see cref="Keys"/> guards the walk against changes.</summary>
    private IEnumerable<TKey> WalkKeys()
    {
        var positions = new int[_lists.Count];
        var ends = new int[_lists.Count];
        var scratch = Array.Empty<Update<TKey, TVal, TTime, TDiff>>();
        while (true)
        {
            #region keys
            // The smallest key at the head of any list is the next candidate.
            int first = -1;
            for (int l = 0; l < _lists.Count; l++)
            {
                if (positions[l] < _lists[l].Length &&
                    (first < 0 ||
                     Ordering.Compare(_lists[l][positions[l]].Key, _lists[first][positions[first]].Key) < 0))
                {
                    first = l;
                }
            }

            if (first < 0)
            {
                yield break;
            }

            // Each list's run of that key ends where its key changes; a list without the key has an empty run.
            TKey key = _lists[first][positions[first]].Key;
            int total = 0, contributing = 0;
            for (int l = 0; l < _lists.Count; l++)
            {
                ends[l] = RunEnd(_lists[l], positions[l], key);
                total += ends[l] - positions[l];
                contributing += ends[l] > positions[l] ? 1 : 0;
            }

            // A key in one list is live (lists hold no zeros); a key in several may cancel across them.
            bool live = contributing == 1;
            if (!live)
            {
                if (scratch.Length < total)
                {
                    scratch = new Update<TKey, TVal, TTime, TDiff>[Math.Max(total, 2 * scratch.Length)];
                }

                int written = 0;
                for (int l = 0; l < _lists.Count; l++)
                {
                    _lists[l].AsSpan(positions[l], ends[l] - positions[l]).CopyTo(scratch.AsSpan(written));
                    written += ends[l] - positions[l];
                }

                live = Consolidation.Consolidate<TKey, TVal, TTime, TDiff>(scratch.AsSpan(0, written)) > 0;
            }

            ends.CopyTo(positions, 0);
            #endregion

            if (live)
            {
                yield return key;
            }
        }
    }

    /// <summary>
    /// Returns a cursor over the trace's lists, at the first key and its first value, valid until the trace changes.
    /// </summary>
    /// <returns>The cursor; its concrete type, so that a caller's calls need no interface dispatch.</returns>
    public SortedTraceCursor<TKey, TVal, TTime, TDiff> GetCursor() => new(_version, [.. _lists]);

    /// <inheritdoc />
    ITraceCursor<TKey, TVal, TTime, TDiff> INavigableTrace<TKey, TVal, TTime, TDiff>.GetCursor() => GetCursor();

    /// <inheritdoc />
    public void AdvanceBy(Antichain<TTime> frontier)
    {
        TraceArguments.CheckFrontierAdvance(_frontier, frontier);

        #region advance-by
        _frontier = frontier;
        _advancing = !_frontier.SetEquals(Antichain<TTime>.AtMinimum()) && !_frontier.IsEmpty;
        if (_advancing)
        {
            // Advancing times breaks each list's order and may make entries equal: re-sort and
            // consolidate each, then stack them again, largest first, so that the size invariant
            // holds for the shrunken lists.
            var lists = _lists.ToArray();
            _lists.Clear();
            foreach (var list in lists)
            {
                AdvanceTimes(list, _frontier);
                int length = Consolidation.Consolidate<TKey, TVal, TTime, TDiff>(list);
                Push(length == list.Length ? list : list[..length]);
            }
        }

        _version.Changed();
        #endregion
    }

    private static void AdvanceTimes(Span<Update<TKey, TVal, TTime, TDiff>> updates, Antichain<TTime> frontier)
    {
        var elements = frontier.Elements;
        for (int i = 0; i < updates.Length; i++)
        {
            updates[i] = updates[i] with { Time = updates[i].Time.AdvanceByElements(elements) };
        }
    }

    /// <summary>Returns where the run of <paramref name="key"/> that may start at <paramref name="start"/> ends.</summary>
    private static int RunEnd(Update<TKey, TVal, TTime, TDiff>[] list, int start, TKey key) =>
        SortedMerge.Gallop(list, start, new KeyAtMost<TKey, TVal, TTime, TDiff>(key));
}
