using RocksDbSharp;

namespace Traces.Benchmarks;

/// <summary>
/// RocksDB (the <c>RocksDB</c> package: the C library and its <c>RocksDbSharp</c> binding) in the store workload,
/// in a fresh temporary directory deleted at disposal.
/// </summary>
/// <remarks>
/// <para>
/// The write buffer (<see cref="WriteBufferBytes"/>) is far larger than the workload's data, so the loaded entries
/// stay in the memtable, RocksDB's skip list, unless the load is told to flush; a flushed load waits for the flush,
/// which writes the memtable as one sorted-string-table (SST) file at level 0, read afterwards through RocksDB's block
/// cache (its defaults: compression, block size and cache size are left alone). Writes skip the write-ahead log
/// (<see cref="WriteOptions.DisableWal"/>), as the LSM store has none; nothing here syncs to disk.
/// </para>
/// <para>
/// A get is <c>db.Get(key)</c>, which copies the value into a new array. A scan opens an iterator (one per scan,
/// as the LSM store's scans do), seeks to the lower bound and steps while the key is at most the upper bound,
/// reading key and value as spans over RocksDB's memory. A snapshot is <see cref="RocksDb.CreateSnapshot"/> with
/// read options that name it.
/// </para>
/// </remarks>
public sealed class RocksDbSubject : IStoreSubject
{
    /// <summary>The size of the write buffer: 256 MiB, over ten times the full workload's data.</summary>
    public const ulong WriteBufferBytes = 256UL << 20;

    private readonly TemporaryDirectory _directory;
    private readonly RocksDb _db;
    private readonly bool _flushAfterLoad;
    private readonly WriteOptions _writes = new WriteOptions().DisableWal(1);
    private readonly ReadOptions _reads = new();
    // Snapshots still open: RocksDB must release them before the database closes.
    private readonly List<Snapshot> _snapshots = [];

    /// <summary>Opens an empty database in a new temporary directory.</summary>
    /// <param name="flushAfterLoad">Whether <see cref="Load"/> flushes the memtable to an SST file before returning.</param>
    public RocksDbSubject(bool flushAfterLoad)
    {
        _flushAfterLoad = flushAfterLoad;
        _directory = new TemporaryDirectory("rocksdb");
        try
        {
            _db = RocksDb.Open(new DbOptions().SetCreateIfMissing(true).SetWriteBufferSize(WriteBufferBytes), _directory.FullPath);
        }
        catch
        {
            _directory.Dispose();
            throw;
        }
    }

    /// <summary>Gets the database's directory.</summary>
    public string DirectoryPath => _directory.FullPath;

    /// <summary>Returns one of RocksDB's properties, e.g. <c>rocksdb.num-entries-active-mem-table</c>.</summary>
    /// <param name="name">The property's name.</param>
    public string? Property(string name) => _db.GetProperty(name);

    /// <inheritdoc />
    public void Load(KeyValuePair<byte[], byte[]>[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var (key, value) in entries)
        {
            _db.Put(key, value, null, _writes);
        }

        if (_flushAfterLoad)
        {
            _db.Flush(new FlushOptions().SetWaitForFlush(true));
        }
    }

    /// <inheritdoc />
    public void Put(byte[] key, byte[] value) => _db.Put(key, value, null, _writes);

    /// <inheritdoc />
    public byte[]? Get(byte[] key) => _db.Get(key, null, _reads);

    /// <inheritdoc />
    public long Scan(byte[] lower, byte[] upper, ICollection<KeyValuePair<byte[], byte[]>>? seen = null) =>
        Scan(_db, _reads, lower, upper, seen);

    /// <inheritdoc />
    public IStoreSnapshot OpenSnapshot()
    {
        var snapshot = new Snapshot(this, _db.CreateSnapshot());
        _snapshots.Add(snapshot);
        return snapshot;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var snapshot in _snapshots.ToArray())
        {
            snapshot.Dispose();
        }

        _db.Dispose();
        _directory.Dispose();
    }

    private static long Scan(
        RocksDb db, ReadOptions options, byte[] lower, byte[] upper, ICollection<KeyValuePair<byte[], byte[]>>? seen)
    {
        long total = 0;
        using var iterator = db.NewIterator(null, options);
        for (iterator.Seek(lower); iterator.Valid(); iterator.Next())
        {
            var key = iterator.GetKeySpan();
            if (key.SequenceCompareTo(upper) > 0)
            {
                break;
            }

            var value = iterator.GetValueSpan();
            total += value.Length;
            seen?.Add(KeyValuePair.Create(key.ToArray(), value.ToArray()));
        }

        return total;
    }

    /// <summary>A RocksDB snapshot and the read options that read through it.</summary>
    private sealed class Snapshot(RocksDbSubject owner, RocksDbSharp.Snapshot snapshot) : IStoreSnapshot
    {
        private readonly ReadOptions _reads = new ReadOptions().SetSnapshot(snapshot);
        // Set by the first Dispose, which alone releases the snapshot.
        private bool _disposed;

        public long Scan(byte[] lower, byte[] upper, ICollection<KeyValuePair<byte[], byte[]>>? seen = null)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return RocksDbSubject.Scan(owner._db, _reads, lower, upper, seen);
        }

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                snapshot.Dispose();
                owner._snapshots.Remove(this);
            }
        }
    }
}
