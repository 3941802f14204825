namespace Traces.Lsm;

/// <summary>A storage iterator over one <see cref="MemTable"/>, at one read version, within an upper bound.</summary>
/// <remarks>
/// It holds a skip-list position. For each key it stops on the newest entry whose version is at or below the
/// read version and passes over the others; it becomes invalid at the first key beyond the upper bound.
/// Tombstones are returned like any other entry.
/// </remarks>
public sealed class MemTableIterator : IStorageIterator
{
    private readonly Bound _upper;
    // The read's version: entries at later versions are skipped.
    private readonly ulong _readVersion;
    // The current key's newest version at most _readVersion; default once past the end or _upper.
    private SkipList<VersionedKey, ReadOnlyMemory<byte>, VersionedKeyOrder>.Position _position;

    internal MemTableIterator(
        SkipList<VersionedKey, ReadOnlyMemory<byte>, VersionedKeyOrder>.Position start, Bound upper, ulong readVersion)
    {
        _position = start;
        _upper = upper;
        _readVersion = readVersion;
        Settle();
    }

    /// <inheritdoc />
    public ReadOnlyMemory<byte> Key => _position.Key.Key;

    /// <inheritdoc />
    public ReadOnlyMemory<byte> Value => _position.Value;

    /// <inheritdoc />
    public bool IsValid => _position.IsValid;

    /// <inheritdoc />
    public int NumActiveIterators => 1;

    /// <inheritdoc />
    public void Next()
    {
        var key = _position.Key.Key.Span;
        do
        {
            _position = _position.Next();
        }
        while (_position.IsValid && _position.Key.Key.Span.SequenceEqual(key));

        Settle();
    }

    #region memtable-settle
    private void Settle()
    {
        // Newer versions of a key come first: skip those the reader may not see,
        // but never past the upper bound, or a table of later writes is walked to its end.
        for (; _position.IsValid; _position = _position.Next())
        {
            if (!_upper.AdmitsBelow(_position.Key.Key.Span))
            {
                _position = default;
                return;
            }

            if (_position.Key.Version <= _readVersion)
            {
                return;
            }
        }
    }
    #endregion
}
