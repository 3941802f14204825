using System.Numerics;
using System.Runtime.CompilerServices;

namespace Traces.OrdNeu;

/// <summary>
/// Turns updates pushed in any order into sorted, consolidated chains, and seals the updates before a frontier into
/// a batch.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// <para>
/// Pushed updates fill a chunk of about 8 KiB. A full chunk is sorted and consolidated; if it still holds more
/// than half its capacity it becomes a new chain, otherwise it keeps filling. Chains are sorted, consolidated
/// arrays, kept in decreasing size: whenever the newest chain holds at least half as many updates as the one
/// before it, the two are merged, so there are O(log n) chains and each update is merged O(log n) times.
/// </para>
/// <para>
/// Merging two chains is a two-way merge by <c>(key, val, time)</c> that adds the diffs of equal updates and drops
/// zeros. Arrays released by merges are kept in a small stash and reused. <c>Seal</c>
/// merges every chain into one, builds the updates not beyond its upper frontier into a batch, and keeps the rest.
/// </para>
/// <para>
/// After a seal the batcher lets go of what it no longer needs: stashed arrays larger than a chunk were sized for
/// chains that have just become a batch, and updates kept back move to an array of their own size. Otherwise a
/// trace that has sealed everything would still hold its batcher's scratch space, several times the batch itself.
/// </para>
/// <para>The design follows differential dataflow's merge batcher (<c>merge_batcher.rs</c>).</para>
/// </remarks>
public sealed partial class MergeBatcher<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    private const int ChunkBytes = 8192;
    private const int StashLimit = 4;

    // Sorted, consolidated, nonempty chains, oldest first; after EmitChunk each is under half the last.
    private readonly List<Chain> _chains = [];
    // Released arrays kept for Take to reuse: at most StashLimit, references cleared.
    private readonly List<Update<TKey, TVal, TTime, TDiff>[]> _stash = [];
    // Updates pushed since the last chain was emitted, unsorted, in [0, _chunkCount).
    private Update<TKey, TVal, TTime, TDiff>[] _chunk;
    private int _chunkCount;
    private Antichain<TTime> _lower = Antichain<TTime>.AtMinimum();
    private Antichain<TTime> _frontier = Antichain<TTime>.Empty;
    // Scratch for the frontier a seal computes, reused so that a seal allocates only the antichain it keeps.
    private readonly AntichainBuilder<TTime> _held = new();
    // True while the chunk is sorted and the runs are as PrepareRuns left them; a push or a seal clears it.
    private bool _runsReady;

    /// <summary>Initializes an empty batcher whose first batch starts at the minimum time.</summary>
    public MergeBatcher()
    {
        _chunk = new Update<TKey, TVal, TTime, TDiff>[ChunkCapacity];
    }

    /// <summary>Gets the number of updates in a chunk: 8 KiB worth, and at least 8.</summary>
    public static int ChunkCapacity { get; } = Math.Max(8, ChunkBytes / Unsafe.SizeOf<Update<TKey, TVal, TTime, TDiff>>());

    /// <summary>Gets the lower frontier of the next sealed batch.</summary>
    public Antichain<TTime> Lower => _lower;

    /// <summary>
    /// Gets the frontier of the updates held back by the last <c>Seal</c>: the times, at or
    /// beyond its upper, still waiting for a batch. Updates pushed since are not included.
    /// </summary>
    public Antichain<TTime> Frontier => _frontier;

    /// <summary>Gets the number of sorted chains.</summary>
    public int ChainCount => _chains.Count;

    /// <summary>Returns chain <paramref name="index"/>, oldest (largest) first; for inspection (the book draws it).</summary>
    /// <param name="index">A position in <c>[0, ChainCount)</c>.</param>
    /// <returns>A view of the chain's sorted, consolidated updates, valid until the batcher next changes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the chains.</exception>
    public ReadOnlySpan<Update<TKey, TVal, TTime, TDiff>> ChainAt(int index) => _chains[index].Span;

    /// <summary>Gets the updates of the chunk being filled, unsorted; for inspection (the book draws it).</summary>
    public ReadOnlySpan<Update<TKey, TVal, TTime, TDiff>> Unsorted => _chunk.AsSpan(0, _chunkCount);

    /// <summary>
    /// Gets the number of update slots in the batcher's arrays (the chunk being filled, the chains and the stash of
    /// arrays kept for reuse), used or not: what the batcher costs in memory.
    /// </summary>
    public long Capacity
    {
        get
        {
            long capacity = _chunk.Length;
            foreach (var chain in _chains)
            {
                capacity += chain.Items.Length;
            }

            foreach (var array in _stash)
            {
                capacity += array.Length;
            }

            return capacity;
        }
    }

    /// <summary>Gets the number of updates held (after the consolidation done so far).</summary>
    public long Count
    {
        get
        {
            long count = _chunkCount;
            foreach (var chain in _chains)
            {
                count += chain.Count;
            }

            return count;
        }
    }

    /// <summary>Adds updates, in any order.</summary>
    /// <param name="updates">The updates.</param>
    #region push
    public void Push(ReadOnlySpan<Update<TKey, TVal, TTime, TDiff>> updates)
    {
        _runsReady = false;
        while (!updates.IsEmpty)
        {
            int take = Math.Min(updates.Length, ChunkCapacity - _chunkCount);
            updates[..take].CopyTo(_chunk.AsSpan(_chunkCount));
            _chunkCount += take;
            updates = updates[take..];
            if (_chunkCount == ChunkCapacity)
            {
                // A full chunk is consolidated; it becomes a chain only if that left it more than half
                // full, so heavily cancelling input does not produce a flood of tiny chains.
                _chunkCount = Consolidation.Consolidate(_chunk.AsSpan(0, ChunkCapacity));
                if (_chunkCount > ChunkCapacity / 2)
                {
                    EmitChunk();
                }
            }
        }
    }
    #endregion

    /// <summary>
    /// Merges every chain, builds the updates at times not beyond <paramref name="upper"/> into a batch described as
    /// <c>(Lower, upper, [minimum])</c>, and keeps the rest; <see cref="Lower"/> becomes <paramref name="upper"/>.
    /// </summary>
    /// <typeparam name="TBatch">The batch type.</typeparam>
    /// <param name="upper">The upper frontier of the batch; at or beyond <see cref="Lower"/>.</param>
    /// <param name="builder">A fresh builder to push the batch's updates into.</param>
    /// <returns>The sealed batch.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="upper"/> is before <see cref="Lower"/>; nothing changes.</exception>
    public TBatch Seal<TBatch>(Antichain<TTime> upper,
        IBatchBuilder<TBatch, TKey, TVal, TTime, TDiff> builder)
        where TBatch : class, IBatch<TBatch, TTime>
    {
        ArgumentNullException.ThrowIfNull(builder);
        CheckUpper(upper);
        _runsReady = false;
        MergeAll();
        return SealMerged(upper, builder);
    }

    /// <summary>
    /// Seals like <see cref="Seal{TBatch}(Antichain{TTime}, IBatchBuilder{TBatch, TKey, TVal, TTime, TDiff})"/>, creating the builder from the
    /// number of distinct keys, distinct <c>(key, val)</c> pairs and updates the batch will hold, so it can
    /// allocate once.
    /// </summary>
    /// <typeparam name="TBatch">The batch type.</typeparam>
    /// <param name="upper">The upper frontier of the batch; at or beyond <see cref="Lower"/>.</param>
    /// <param name="createBuilder">Creates a builder from the counts of keys, pairs and updates.</param>
    /// <returns>The sealed batch.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="upper"/> is before <see cref="Lower"/>; nothing changes.</exception>
    #region seal
    public TBatch Seal<TBatch>(Antichain<TTime> upper,
        Func<int, int, int, IBatchBuilder<TBatch, TKey, TVal, TTime, TDiff>> createBuilder)
        where TBatch : class, IBatch<TBatch, TTime>
    {
        ArgumentNullException.ThrowIfNull(createBuilder);
        CheckUpper(upper);
        _runsReady = false;
        MergeAll();
        int keys = 0, vals = 0, updates = 0;
        if (_chains.Count == 1)
        {
            var items = _chains[0].Span;
            int previous = -1;
            for (int i = 0; i < items.Length; i++)
            {
                if (upper.LessEqual(items[i].Time))
                {
                    continue;
                }

                bool newKey = previous < 0 || Ordering.Compare(items[previous].Key, items[i].Key) != 0;
                keys += newKey ? 1 : 0;
                vals += newKey || Ordering.Compare(items[previous].Val, items[i].Val) != 0 ? 1 : 0;
                updates++;
                previous = i;
            }
        }

        return SealMerged(upper, createBuilder(keys, vals, updates));
    }

    private TBatch SealMerged<TBatch>(Antichain<TTime> upper,
        IBatchBuilder<TBatch, TKey, TVal, TTime, TDiff> builder)
        where TBatch : class, IBatch<TBatch, TTime>
    {
        _held.Clear();
        if (_chains.Count == 1)
        {
            // Updates beyond the upper slide to the front of the chain as the
            // rest stream into the builder.
            var chain = _chains[0];
            var items = chain.Items;
            int kept = 0;
            for (int i = 0; i < chain.Count; i++)
            {
                if (upper.LessEqual(items[i].Time))
                {
                    _held.Insert(items[i].Time);
                    items[kept++] = items[i];
                }
                else
                {
                    builder.Push(in items[i]);
                }
            }

            ClearReferences(items.AsSpan(kept, chain.Count - kept));
            if (kept == 0)
            {
                _chains.Clear();
                Release(items);
            }
            else if (kept <= items.Length / 2)
            {
                // A few updates held back must not pin an array sized for everything sealed; they move
                // to a chunk-sized array from the stash when there is one (the stash's larger arrays go
                // first), and the array they leave is stashed in turn, or dropped if larger.
                _stash.RemoveAll(array => array.Length > ChunkCapacity);
                var rest = Take(Math.Max(kept, ChunkCapacity));
                items.AsSpan(0, kept).CopyTo(rest);
                _chains[0] = new Chain(rest, kept);
                Release(items);
            }
            else
            {
                _chains[0] = new Chain(items, kept);
            }
        }

        _stash.RemoveAll(array => array.Length > ChunkCapacity);

        TBatch batch = builder.Done(
            new Description<TTime>(_lower, upper, Antichain<TTime>.AtMinimum()));
        _lower = upper;
        _frontier = _held.ToAntichain();
        return batch;
    }
    #endregion

    private void CheckUpper(Antichain<TTime> upper)
    {
        ArgumentNullException.ThrowIfNull(upper);
        if (!_lower.LessEqual(upper))
        {
            throw new ArgumentException($"The upper frontier {upper} is before the batcher's lower {_lower}.", nameof(upper));
        }
    }

    #region chains
    private void EmitChunk()
    {
        if (_chunkCount > 0)
        {
            _chains.Add(new Chain(_chunk, _chunkCount));
            _chunk = Take(ChunkCapacity);
            _chunkCount = 0;
        }

        // Geometric: merge while the newest chain is at least half the size of the one before it.
        while (_chains.Count > 1 && _chains[^1].Count >= _chains[^2].Count / 2)
        {
            MergeLastTwo();
        }
    }

    private void MergeAll()
    {
        _chunkCount = Consolidation.Consolidate(_chunk.AsSpan(0, _chunkCount));
        EmitChunk();
        while (_chains.Count > 1)
        {
            MergeLastTwo();
        }
    }

    private void MergeLastTwo()
    {
        var newer = _chains[^1];
        var older = _chains[^2];
        _chains.RemoveRange(_chains.Count - 2, 2);
        var merged = Take(older.Count + newer.Count);
        int count = Consolidation.MergeSorted(older.Span, newer.Span, merged);
        Release(older.Items);
        Release(newer.Items);
        if (count > 0)
        {
            _chains.Add(new Chain(merged, count));
        }
        else
        {
            Release(merged);
        }
    }

    // Reuses a stashed array that is large enough, else allocates.
    private Update<TKey, TVal, TTime, TDiff>[] Take(int capacity)
    {
        int best = -1;
        for (int i = 0; i < _stash.Count; i++)
        {
            if (_stash[i].Length >= capacity && (best < 0 || _stash[i].Length < _stash[best].Length))
            {
                best = i;
            }
        }

        if (best < 0)
        {
            // Chains are read only up to their counts, so a new array need not be cleared
            // (unless it holds references).
            return GC.AllocateUninitializedArray<Update<TKey, TVal, TTime, TDiff>>(
                Math.Max(capacity, ChunkCapacity));
        }

        var array = _stash[best];
        _stash.RemoveAt(best);
        return array;
    }

    // Keeps a released array for reuse; the stash stays small and keeps the largest arrays.
    private void Release(Update<TKey, TVal, TTime, TDiff>[] array)
    {
        ClearReferences(array);
        if (_stash.Count < StashLimit)
        {
            _stash.Add(array);
            return;
        }

        int smallest = 0;
        for (int i = 1; i < _stash.Count; i++)
        {
            if (_stash[i].Length < _stash[smallest].Length)
            {
                smallest = i;
            }
        }

        if (_stash[smallest].Length < array.Length)
        {
            _stash[smallest] = array;
        }
    }

    private static void ClearReferences(Span<Update<TKey, TVal, TTime, TDiff>> span)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<Update<TKey, TVal, TTime, TDiff>>())
        {
            span.Clear();
        }
    }

    /// <summary>
    /// A sorted, consolidated run of updates: the first <see cref="Count"/> items of an array;
    /// and, once <see cref="PrepareRuns"/> has prepared a large chain for reading, its fences
    /// (<see cref="Fences"/>: the key of every <c>UpdateRunCursor.FenceStride</c>-th update).
    /// </summary>
    private readonly record struct Chain(
        Update<TKey, TVal, TTime, TDiff>[] Items, int Count, TKey[]? Fences = null)
    {
        public ReadOnlySpan<Update<TKey, TVal, TTime, TDiff>> Span => new(Items, 0, Count);
    }
    #endregion
}
