namespace Traces.Lsm;

/// <summary>
/// The in-memory, writable part of the store: versioned writes kept in key order, readable at any version while
/// writes continue.
/// </summary>
/// <remarks>
/// A <see cref="SkipList{TKey, TValue, TComparer}"/> from <see cref="VersionedKey"/> (key ascending, version
/// descending) to the value; an empty value is a tombstone. Every write adds an entry and none is replaced, so
/// older versions stay readable and open iterators stay valid. <see cref="Freeze"/> makes the table read-only,
/// which is what lets it later be turned into a sealed batch.
/// </remarks>
public sealed class MemTable
{
    private readonly SkipList<VersionedKey, ReadOnlyMemory<byte>, VersionedKeyOrder> _entries = new();

    /// <summary>Gets the number of entries (versions), tombstones included.</summary>
    public int Count => _entries.Count;

    /// <summary>Gets whether the table holds no entries.</summary>
    public bool IsEmpty => _entries.Count == 0;

    /// <summary>Gets whether the table has been frozen (no more writes).</summary>
    public bool IsFrozen { get; private set; }

    /// <summary>Gets the approximate number of key and value bytes written.</summary>
    public long ApproximateSize { get; private set; }

    /// <summary>Writes <paramref name="value"/> for <paramref name="key"/> at <paramref name="version"/>.</summary>
    /// <param name="key">The key; copied.</param>
    /// <param name="value">The value; copied. Empty writes a tombstone.</param>
    /// <param name="version">The version of the write.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty, or it already has a write at <paramref name="version"/>.</exception>
    /// <exception cref="InvalidOperationException">The table is frozen.</exception>
    public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, ulong version)
    {
        KeyArguments.CheckKey(key, nameof(key));
        if (IsFrozen)
        {
            throw new InvalidOperationException("The memtable is frozen and accepts no more writes.");
        }

        var stored = new VersionedKey(key.ToArray(), version);
        if (!_entries.TryAdd(stored, value.ToArray()))
        {
            throw new ArgumentException($"The key already has a write at version {version}.", nameof(version));
        }

        ApproximateSize += key.Length + value.Length;
    }

    /// <summary>Finds the newest write of <paramref name="key"/> at or below <paramref name="readVersion"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="readVersion">The version to read at.</param>
    /// <param name="value">The value found; empty for a tombstone.</param>
    /// <returns><see langword="true"/> if the table has such a write (a tombstone counts); otherwise <see langword="false"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public bool TryGet(ReadOnlySpan<byte> key, ulong readVersion, out ReadOnlyMemory<byte> value)
    {
        KeyArguments.CheckKey(key, nameof(key));
        var owned = key.ToArray();
        var position = _entries.SeekAtOrAfter(new VersionedKey(owned, readVersion));
        if (position.IsValid && position.Key.Key.Span.SequenceEqual(key))
        {
            value = position.Value;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// Returns an iterator over the newest write of each key within the bounds, at or below
    /// <paramref name="readVersion"/>, standing on the first such entry.
    /// </summary>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound.</param>
    /// <param name="readVersion">The version to read at; by default every write, including later ones.</param>
    /// <exception cref="ArgumentException">The lower bound is above the upper bound.</exception>
    /// <remarks>
    /// The iterator walks the live table: a write made after it was created is met if its key lies ahead of the
    /// iterator and its version is at or below <paramref name="readVersion"/>. Reading at a fixed version, as the
    /// store does, therefore sees no later writes at all.
    /// </remarks>
    public MemTableIterator Scan(Bound lower, Bound upper, ulong readVersion = ulong.MaxValue)
    {
        Bound.CheckRange(lower, upper);
        var start = lower.Kind switch
        {
            // Versions sort descending, so (k, max) is the first entry of k and (k, 0) its last.
            BoundKind.Included => _entries.SeekAtOrAfter(new VersionedKey(lower.Key, ulong.MaxValue)),
            BoundKind.Excluded => _entries.SeekAfter(new VersionedKey(lower.Key, 0)),
            _ => _entries.First,
        };
        return new MemTableIterator(start, upper, readVersion);
    }

    /// <summary>
    /// Returns every entry the table holds, key ascending and, within a key, newest version first; an empty value is
    /// a tombstone. For inspection (the book draws a table's versions); it copies the entries into a new list.
    /// </summary>
    public IReadOnlyList<(VersionedKey Key, ReadOnlyMemory<byte> Value)> Entries()
    {
        var entries = new List<(VersionedKey, ReadOnlyMemory<byte>)>(_entries.Count);
        for (var position = _entries.First; position.IsValid; position = position.Next())
        {
            entries.Add((position.Key, position.Value));
        }

        return entries;
    }

    /// <summary>Gets the position of the first entry: every version of every key, key ascending, newest first.</summary>
    internal SkipList<VersionedKey, ReadOnlyMemory<byte>, VersionedKeyOrder>.Position FirstEntry => _entries.First;

    /// <summary>Makes the table read-only.</summary>
    public void Freeze() => IsFrozen = true;
}
