using ZoneTree;
using ZoneTree.Comparers;
using ZoneTree.Options;
using ZoneTree.Serializers;

namespace Traces.Benchmarks;

/// <summary>
/// ZoneTree (the <c>ZoneTree</c> package, an LSM tree written in C#) in the store workload, with its data directory
/// in a fresh temporary directory deleted at disposal.
/// </summary>
/// <remarks>
/// <para>
/// Keys and values are <c>byte[]</c>, ordered by <see cref="BytesLexicographicComparerAscending"/> (unsigned bytes,
/// as the other stores order them). ZoneTree's default write-ahead log mode is <c>AsyncCompressed</c> (a background
/// writer logs every write); this subject sets <see cref="WriteAheadLogMode.None"/>, its no-log mode, as the LSM
/// store has no log. No maintainer is created, so nothing moves to disk in the background: the loaded entries stay
/// in the mutable segment, an in-memory B+ tree (ZoneTree moves it on only at one million records by default),
/// which keeps the arrays it is given rather than copies.
/// </para>
/// <para>
/// A get is <c>TryGet</c>. A scan opens a <see cref="IteratorType.NoRefresh"/> iterator, the type whose reads
/// match the LSM store's (it captures the segments once), seeks to the lower bound and steps while the key is at
/// most the upper bound. ZoneTree has no snapshot object of the store's kind; its snapshot read is an iterator of
/// type <see cref="IteratorType.Snapshot"/>, which, when created, moves the mutable segment forward (freezes it)
/// and then reads only the frozen and disk segments, so it never sees later writes. The snapshot here is one such
/// iterator, opened before the later writes and sought once per scan.
/// </para>
/// </remarks>
public sealed class ZoneTreeSubject : IStoreSubject
{
    private static readonly BytesLexicographicComparerAscending KeyOrder = new();

    private readonly TemporaryDirectory _directory;
    private readonly IZoneTree<byte[], byte[]> _tree;

    /// <summary>Creates an empty tree in a new temporary directory.</summary>
    public ZoneTreeSubject()
    {
        _directory = new TemporaryDirectory("zonetree");
        try
        {
            _tree = new ZoneTreeFactory<byte[], byte[]>()
                .SetDataDirectory(_directory.FullPath)
                .SetComparer(KeyOrder)
                .SetKeySerializer(new BytesSerializer())
                .SetValueSerializer(new BytesSerializer())
                .ConfigureWriteAheadLogOptions(options => options.WriteAheadLogMode = WriteAheadLogMode.None)
                .OpenOrCreate();
        }
        catch
        {
            _directory.Dispose();
            throw;
        }
    }

    /// <summary>Gets the tree's data directory.</summary>
    public string DirectoryPath => _directory.FullPath;

    /// <summary>Gets the tree's maintenance view, for inspection (segment counts).</summary>
    public IZoneTreeMaintenance<byte[], byte[]> Maintenance => _tree.Maintenance;

    /// <inheritdoc />
    public void Load(KeyValuePair<byte[], byte[]>[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var (key, value) in entries)
        {
            _tree.Upsert(key, value);
        }
    }

    /// <inheritdoc />
    public void Put(byte[] key, byte[] value) => _tree.Upsert(key, value);

    /// <inheritdoc />
    public byte[]? Get(byte[] key) => _tree.TryGet(key, out byte[] value) ? value : null;

    /// <inheritdoc />
    public long Scan(byte[] lower, byte[] upper, ICollection<KeyValuePair<byte[], byte[]>>? seen = null)
    {
        using var iterator = _tree.CreateIterator(IteratorType.NoRefresh, includeDeletedRecords: false, contributeToTheBlockCache: false);
        return Walk(iterator, lower, upper, seen);
    }

    /// <inheritdoc />
    public IStoreSnapshot OpenSnapshot() =>
        new Snapshot(_tree.CreateIterator(IteratorType.Snapshot, includeDeletedRecords: false, contributeToTheBlockCache: false));

    /// <inheritdoc />
    public void Dispose()
    {
        _tree.Dispose();
        _directory.Dispose();
    }

    private static long Walk(
        IZoneTreeIterator<byte[], byte[]> iterator, byte[] lower, byte[] upper, ICollection<KeyValuePair<byte[], byte[]>>? seen)
    {
        long total = 0;
        iterator.Seek(lower);
        while (iterator.Next())
        {
            byte[] key = iterator.CurrentKey;
            if (KeyOrder.Compare(key, upper) > 0)
            {
                break;
            }

            byte[] value = iterator.CurrentValue;
            total += value.Length;
            seen?.Add(KeyValuePair.Create(key.ToArray(), value.ToArray()));
        }

        return total;
    }

    /// <summary>A snapshot iterator, sought once per scan; it stays open until disposed.</summary>
    private sealed class Snapshot(IZoneTreeIterator<byte[], byte[]> iterator) : IStoreSnapshot
    {
        public long Scan(byte[] lower, byte[] upper, ICollection<KeyValuePair<byte[], byte[]>>? seen = null) =>
            Walk(iterator, lower, upper, seen);

        public void Dispose() => iterator.Dispose();
    }
}
