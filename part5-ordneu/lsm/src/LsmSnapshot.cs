namespace Traces.Lsm;

/// <summary>
/// A read view of an <see cref="LsmStore"/> fixed at one version: it sees the writes up to that version and none
/// after, and keeps the store from compacting that version away until disposed.
/// </summary>
/// <remarks>This is a multiversion (MVCC) read: a version is a trace time, and the snapshot reads the collection as of it.</remarks>
public sealed class LsmSnapshot : IDisposable
{
    private readonly LsmStore _store;
    // Set by the first Dispose, which alone releases the store's hold on Version; reads then throw.
    private bool _disposed;

    internal LsmSnapshot(LsmStore store, ulong version)
    {
        _store = store;
        Version = version;
    }

    /// <summary>Gets the version the snapshot reads at.</summary>
    public ulong Version { get; }

    /// <summary>Reads the value <paramref name="key"/> had at the snapshot's version.</summary>
    /// <param name="key">The key.</param>
    /// <returns>A copy of the value, or <see langword="null"/> if the key had none.</returns>
    /// <exception cref="ObjectDisposedException">The snapshot is disposed.</exception>
    public byte[]? Get(byte[] key)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _store.Get(key, Version);
    }

    /// <summary>Scans the keys within the bounds as they were at the snapshot's version.</summary>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound.</param>
    /// <exception cref="ObjectDisposedException">The snapshot is disposed.</exception>
    public IStorageIterator Scan(Bound lower, Bound upper)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _store.Scan(lower, upper, Version);
    }

    /// <summary>Releases the snapshot's version for compaction.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _store.CloseSnapshot(Version);
        }
    }
}
