namespace Traces.OrdNeu;

/// <content>Reading the updates a batcher holds, for traces that answer queries before sealing them.</content>
public sealed partial class MergeBatcher<TKey, TVal, TTime, TDiff>
{
    /// <summary>
    /// Appends to <paramref name="output"/> the updates for <paramref name="key"/> that the batcher holds, in no
    /// particular order and possibly unconsolidated.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="output">The list to append to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    #region reading
    public void CopyUpdates(TKey key, List<Update<TKey, TVal, TTime, TDiff>> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var chain in _chains)
        {
            // Chains are sorted: the key's updates are one run, found by binary search.
            var items = chain.Span;
            var before = new KeyBefore(chain.Items, key);
            for (int i = Galloping.Advance(0, chain.Count, ref before);
                i < items.Length && Ordering.Compare(items[i].Key, key) == 0;
                i++)
            {
                output.Add(items[i]);
            }
        }

        foreach (var update in _chunk.AsSpan(0, _chunkCount))
        {
            if (Ordering.Compare(update.Key, key) == 0)
            {
                output.Add(update);
            }
        }
    }

    /// <summary>
    /// Appends to <paramref name="output"/> the distinct keys of the held updates, in ascending order.
    /// </summary>
    /// <param name="output">The list to append to.</param>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="output"/> is <see langword="null"/>.
    /// </exception>
    public void CopyKeys(List<TKey> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        int start = output.Count;
        foreach (var chain in _chains)
        {
            foreach (var update in chain.Span)
            {
                output.Add(update.Key);
            }
        }

        foreach (var update in _chunk.AsSpan(0, _chunkCount))
        {
            output.Add(update.Key);
        }

        output.Sort(start, output.Count - start, KeyComparer.Instance);
        int written = start;
        for (int i = start; i < output.Count; i++)
        {
            if (written == start || Ordering.Compare(output[written - 1], output[i]) != 0)
            {
                output[written++] = output[i];
            }
        }

        output.RemoveRange(written, output.Count - written);
    }
    #endregion

    /// <summary>
    /// Gets the number of sorted runs the held updates form, once <see cref="PrepareRuns"/> has sorted them: the
    /// chains, and the chunk if it holds any updates.
    /// </summary>
    /// <exception cref="InvalidOperationException">Updates were pushed or sealed since <see cref="PrepareRuns"/>.</exception>
    public int RunCount
    {
        get
        {
            CheckRunsReady();
            return _chains.Count + (_chunkCount > 0 ? 1 : 0);
        }
    }

    /// <summary>
    /// Makes the held updates readable as a few sorted, consolidated runs (<see cref="RunAt"/>), without sealing
    /// anything: the chunk being filled is consolidated in place, and the chains are merged into one when the
    /// newer ones hold at least an eighth as many updates as the oldest.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A trace reads the runs beside its batches, one cursor per run. One run is the cheapest to read, but merging
    /// every chain on every read would cost a pass over everything held whenever a write came between two reads.
    /// The rule merges only when the updates pushed since the oldest chain was formed are at least an eighth of it,
    /// so the merge costs at most nine times the updates that are new to it, and each update is new to one such merge:
    /// a constant per update pushed, however reads and writes interleave. Otherwise the chains are read as they are,
    /// the oldest and a few small ones (chains more than halve from one to the next).
    /// </para>
    /// <para>
    /// A chain of at least 64 KiB of updates also gets fences, once: the keys of every eighth update in an array of
    /// their own, which a trace cursor's seek from the first key bisects before the updates (an eighth of a key per
    /// update held). Spans from <see cref="ChainAt"/>, <see cref="Unsorted"/> or <see cref="RunAt"/> taken before the
    /// call are no longer valid.
    /// </para>
    /// </remarks>
    #region prepare-runs
    public void PrepareRuns()
    {
        _chunkCount = Consolidation.Consolidate(_chunk.AsSpan(0, _chunkCount));
        if (_chains.Count > 0 && _chains.Count + (_chunkCount > 0 ? 1 : 0) > 1)
        {
            long oldest = _chains[0].Count;
            if ((Count - oldest) * 8 >= oldest)
            {
                MergeAll();
            }
        }

        // A large chain gets fences, once: the keys of every FenceStride-th update, which a seek
        // bisects first.
        for (int i = 0; i < _chains.Count; i++)
        {
            var chain = _chains[i];
            if (chain.Fences is null && chain.Count >= FenceMinimum)
            {
                var fences = new TKey[((chain.Count - 1) / FenceStride) + 1];
                for (int j = 0; j < fences.Length; j++)
                {
                    fences[j] = chain.Items[j * FenceStride].Key;
                }

                _chains[i] = chain with { Fences = fences };
            }
        }

        _runsReady = true;
    }
    #endregion

    /// <summary>Returns run <paramref name="index"/>, oldest first, as <see cref="PrepareRuns"/> left it.</summary>
    /// <param name="index">A position in <c>[0, RunCount)</c>.</param>
    /// <returns>A view of the run's sorted, consolidated updates, valid until the batcher next changes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the runs.</exception>
    /// <exception cref="InvalidOperationException">Updates were pushed or sealed since <see cref="PrepareRuns"/>.</exception>
    public ReadOnlySpan<Update<TKey, TVal, TTime, TDiff>> RunAt(int index)
    {
        var items = RunArray(index, out int count, out _);
        return new(items, 0, count);
    }

    /// <summary>
    /// Returns the array of run <paramref name="index"/>, whose first <paramref name="count"/> updates are the run,
    /// and for a large run its fences (<see langword="null"/> otherwise).
    /// </summary>
    internal Update<TKey, TVal, TTime, TDiff>[] RunArray(int index, out int count, out TKey[]? fences)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, RunCount);
        if (index < _chains.Count)
        {
            count = _chains[index].Count;
            fences = _chains[index].Fences;
            return _chains[index].Items;
        }

        count = _chunkCount;
        fences = null;
        return _chunk;
    }

    private static int FenceStride => UpdateRunCursor<TKey, TVal, TTime, TDiff>.FenceStride;

    // The least chain PrepareRuns gives fences: 64 KiB of updates, past which a search through whole updates
    // starts to miss caches that the fences still fit in.
    private static int FenceMinimum => 8 * ChunkCapacity;

    private void CheckRunsReady()
    {
        if (!_runsReady)
        {
            throw new InvalidOperationException("The batcher changed since PrepareRuns: prepare its runs again.");
        }
    }

    // Passes for the leading updates whose key is below the one sought, so the galloping search stops at its run.
    private readonly struct KeyBefore(Update<TKey, TVal, TTime, TDiff>[] items, TKey key) : IPositionTest
    {
        public bool Test(int position) => Ordering.Compare(items[position].Key, key) < 0;
    }

    private sealed class KeyComparer : IComparer<TKey>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(TKey? x, TKey? y) => Ordering.Compare(x!, y!);
    }
}
