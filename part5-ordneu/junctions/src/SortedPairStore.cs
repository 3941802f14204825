namespace Traces.Junctions;

/// <summary>The plain in-memory backing: pairs kept sorted in a list of bounded sorted chunks.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <remarks>
/// Pairs live in chunks of at most 256, each sorted, the chunks in order. A seek is a binary search over the
/// chunks' last pairs and then within one chunk: O(log n). An insert shifts at most one chunk and splits it in
/// half when it is full; a chunk left empty by removals is dropped. This is a B-tree with one level of fan-out,
/// which is plenty for the sizes a program keeps in memory and far cheaper than a tree node per pair. The store
/// remembers where its last forward seek landed, with the version it saw, so a walk stepping from the pair it was
/// just given costs O(1) until the next write.
/// </remarks>
public sealed class SortedPairStore<TKey, TVal> : PairStore<TKey, TVal>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
{
    private const int ChunkCapacity = 256;

    // Nonempty chunks of at most ChunkCapacity pairs, sorted by (key, value) within and across.
    private readonly List<Chunk> _chunks = [];
    // With _fingerIndex, where TrySeekAfter last read; trusted only while _fingerVersion == Version.
    private int _fingerChunk;
    private int _fingerIndex;
    // The store's Version when the finger was set; -1 before any seek.
    private long _fingerVersion = -1;

    /// <inheritdoc />
    public override bool Contains(TKey key, TVal value)
    {
        var (chunk, index) = Find(Probe<TKey, TVal>.At(key, value), inclusive: true);
        return chunk < _chunks.Count && IsPair(_chunks[chunk], index, key, value);
    }

    #region finger
    /// <inheritdoc />
    public override bool TrySeekAfter(in Probe<TKey, TVal> probe, out TKey key, out TVal value)
    {
        // A walk asks for the pair after the one this method just returned: while nothing has
        // been written since (same version), that pair is still at the remembered position and
        // its successor is next door.
        (int chunk, int index) = _fingerVersion == Version && probe.Edge == ProbeEdge.AtPair
            && _fingerChunk < _chunks.Count && _fingerIndex < _chunks[_fingerChunk].Count
            && IsPair(_chunks[_fingerChunk], _fingerIndex, probe.Key, probe.Value)
            ? (_fingerChunk, _fingerIndex + 1)
            : Find(probe, inclusive: false);
        if (chunk < _chunks.Count && index == _chunks[chunk].Count)
        {
            chunk++;
            index = 0;
        }

        (_fingerChunk, _fingerIndex, _fingerVersion) = (chunk, index, Version);
        return TryRead(chunk, index, out key, out value);
    }
    #endregion

    /// <inheritdoc />
    public override bool TrySeekBefore(in Probe<TKey, TVal> probe, out TKey key, out TVal value)
    {
        var (chunk, index) = Find(probe, inclusive: true);
        return TryReadBefore(chunk, index, out key, out value);
    }

    /// <inheritdoc />
    public override bool TryFirst(out TKey key, out TVal value) => TryRead(0, 0, out key, out value);

    /// <inheritdoc />
    public override bool TryLast(out TKey key, out TVal value) => TryReadBefore(_chunks.Count, 0, out key, out value);

    /// <inheritdoc />
    public override int CountOf(TKey key)
    {
        var (chunk, index) = Find(Probe<TKey, TVal>.BeforeKey(key), inclusive: false);
        int count = 0;
        for (; chunk < _chunks.Count; chunk++, index = 0)
        {
            var current = _chunks[chunk];
            for (; index < current.Count; index++)
            {
                if (Ordering.Compare(current.Keys[index], key) != 0)
                {
                    return count;
                }

                count++;
            }
        }

        return count;
    }

    /// <inheritdoc />
    protected override bool AddCore(TKey key, TVal value, out bool newKey)
    {
        var (chunk, index) = Find(Probe<TKey, TVal>.At(key, value), inclusive: true);
        if (chunk < _chunks.Count && IsPair(_chunks[chunk], index, key, value))
        {
            newKey = false;
            return false;
        }

        newKey = !SameKeyBefore(chunk, index, key) && !SameKeyAt(chunk, index, key);
        if (_chunks.Count == 0)
        {
            _chunks.Add(new Chunk());
        }
        else if (chunk == _chunks.Count)
        {
            // Past the last pair: append to the last chunk rather than open a new one.
            chunk--;
            index = _chunks[chunk].Count;
        }

        if (_chunks[chunk].Count == ChunkCapacity)
        {
            SplitChunk(chunk);
            if (index > ChunkCapacity / 2)
            {
                chunk++;
                index -= ChunkCapacity / 2;
            }
        }

        _chunks[chunk].Insert(index, key, value);
        return true;
    }

    /// <inheritdoc />
    protected override bool RemoveCore(TKey key, TVal value, out bool keyGone)
    {
        var (chunk, index) = Find(Probe<TKey, TVal>.At(key, value), inclusive: true);
        if (chunk == _chunks.Count || !IsPair(_chunks[chunk], index, key, value))
        {
            keyGone = false;
            return false;
        }

        var current = _chunks[chunk];
        current.RemoveAt(index);
        if (current.Count == 0)
        {
            _chunks.RemoveAt(chunk);
            index = 0;
        }

        keyGone = !SameKeyBefore(chunk, index, key) && !SameKeyAt(chunk, index, key);
        return true;
    }

    #region find
    // The first position whose pair is after the probe (or at it, when inclusive);
    // (_chunks.Count, 0) if none.
    private (int Chunk, int Index) Find(in Probe<TKey, TVal> probe, bool inclusive)
    {
        int low = 0, high = _chunks.Count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            var candidate = _chunks[middle];
            int lastInChunk = candidate.Count - 1;
            if (IsAfter(probe, candidate.Keys[lastInChunk], candidate.Values[lastInChunk], inclusive))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        if (low == _chunks.Count)
        {
            return (low, 0);
        }

        // The chunk's last pair qualifies, so the search within it always lands inside it.
        var chunk = _chunks[low];
        int first = 0, last = chunk.Count - 1;
        while (first < last)
        {
            int middle = (first + last) >>> 1;
            if (IsAfter(probe, chunk.Keys[middle], chunk.Values[middle], inclusive))
            {
                last = middle;
            }
            else
            {
                first = middle + 1;
            }
        }

        return (low, first);
    }

    private static bool IsAfter(in Probe<TKey, TVal> probe, TKey key, TVal value, bool inclusive)
    {
        int order = probe.ComparePair(key, value);
        return inclusive ? order >= 0 : order > 0;
    }
    #endregion

    private static bool IsPair(Chunk chunk, int index, TKey key, TVal value) =>
        Ordering.Compare(chunk.Keys[index], key) == 0 && Ordering.Compare(chunk.Values[index], value) == 0;

    private bool TryRead(int chunk, int index, out TKey key, out TVal value)
    {
        if (chunk < _chunks.Count && index == _chunks[chunk].Count)
        {
            chunk++;
            index = 0;
        }

        if (chunk >= _chunks.Count)
        {
            key = default!;
            value = default!;
            return false;
        }

        key = _chunks[chunk].Keys[index];
        value = _chunks[chunk].Values[index];
        return true;
    }

    private bool TryReadBefore(int chunk, int index, out TKey key, out TVal value)
    {
        if (index > 0)
        {
            return TryRead(chunk, index - 1, out key, out value);
        }

        if (chunk == 0)
        {
            key = default!;
            value = default!;
            return false;
        }

        return TryRead(chunk - 1, _chunks[chunk - 1].Count - 1, out key, out value);
    }

    private bool SameKeyBefore(int chunk, int index, TKey key) =>
        TryReadBefore(chunk, index, out TKey before, out _) && Ordering.Compare(before, key) == 0;

    private bool SameKeyAt(int chunk, int index, TKey key) =>
        TryRead(chunk, index, out TKey at, out _) && Ordering.Compare(at, key) == 0;

    private void SplitChunk(int chunk)
    {
        var full = _chunks[chunk];
        var upper = new Chunk();
        const int half = ChunkCapacity / 2;
        Array.Copy(full.Keys, half, upper.Keys, 0, ChunkCapacity - half);
        Array.Copy(full.Values, half, upper.Values, 0, ChunkCapacity - half);
        upper.Count = ChunkCapacity - half;
        Array.Clear(full.Keys, half, ChunkCapacity - half);
        Array.Clear(full.Values, half, ChunkCapacity - half);
        full.Count = half;
        _chunks.Insert(chunk + 1, upper);
    }

    private sealed class Chunk
    {
        public readonly TKey[] Keys = new TKey[ChunkCapacity];
        public readonly TVal[] Values = new TVal[ChunkCapacity];
        public int Count;

        public void Insert(int index, TKey key, TVal value)
        {
            Array.Copy(Keys, index, Keys, index + 1, Count - index);
            Array.Copy(Values, index, Values, index + 1, Count - index);
            Keys[index] = key;
            Values[index] = value;
            Count++;
        }

        public void RemoveAt(int index)
        {
            Count--;
            Array.Copy(Keys, index + 1, Keys, index, Count - index);
            Array.Copy(Values, index + 1, Values, index, Count - index);
            Keys[Count] = default!;
            Values[Count] = default!;
        }
    }
}
