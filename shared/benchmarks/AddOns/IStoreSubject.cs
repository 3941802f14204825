namespace Traces.Benchmarks;

/// <summary>
/// A key-value store in the store workload, where the LSM add-on meets real LSM stores: byte keys and values,
/// loaded, then read by point gets, range scans, and range scans through a snapshot. The LSM store is adapted to
/// it in <see cref="LsmStoreSubject"/>, the peers (RocksDB, ZoneTree) in <see cref="StorePeers"/>.
/// </summary>
/// <remarks>
/// Keys compare as unsigned bytes, lexicographically; the workload's keys are ASCII, so that is also the ordinal
/// order of their strings. A store is disposed when the workload is done with it, and takes its files with it.
/// </remarks>
public interface IStoreSubject : IDisposable
{
    /// <summary>
    /// Writes <paramref name="entries"/> into the empty store and leaves it in the state it is read in (for
    /// example, flushed to sealed runs or to files).
    /// </summary>
    /// <param name="entries">The entries, in arrival order; keys are distinct. The store must not change the arrays.</param>
    void Load(KeyValuePair<byte[], byte[]>[] entries);

    /// <summary>Writes <paramref name="value"/> for <paramref name="key"/>, replacing any earlier value.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, not empty.</param>
    void Put(byte[] key, byte[] value);

    /// <summary>Reads the latest value of <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value, or <see langword="null"/> if the key has none.</returns>
    byte[]? Get(byte[] key);

    /// <summary>
    /// Scans the latest values of the keys from <paramref name="lower"/> to <paramref name="upper"/>, both
    /// included, in key order, reading every entry's key and value.
    /// </summary>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound.</param>
    /// <param name="seen">Receives a copy of every entry visited, for checking; <see langword="null"/> when measuring.</param>
    /// <returns>The total length of the values visited.</returns>
    long Scan(byte[] lower, byte[] upper, ICollection<KeyValuePair<byte[], byte[]>>? seen = null);

    /// <summary>Opens a snapshot: scans through it see the store as it is now, whatever is written after.</summary>
    IStoreSnapshot OpenSnapshot();
}

/// <summary>A read view of an <see cref="IStoreSubject"/> fixed when it was opened; disposed before its store.</summary>
public interface IStoreSnapshot : IDisposable
{
    /// <summary>Scans the keys within the inclusive bounds as they were when the snapshot was opened.</summary>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound.</param>
    /// <param name="seen">Receives a copy of every entry visited, for checking; <see langword="null"/> when measuring.</param>
    /// <returns>The total length of the values visited.</returns>
    long Scan(byte[] lower, byte[] upper, ICollection<KeyValuePair<byte[], byte[]>>? seen = null);
}
