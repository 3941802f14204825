using Traces.Lsm;

namespace Traces.Benchmarks;

/// <summary>The LSM add-on in the store workload: an <see cref="LsmStore"/>, read as sealed runs or as its memtable.</summary>
/// <remarks>
/// With <c>sealRuns</c>, a load writes the entries as <see cref="LsmScan.Runs"/> sealed runs of halving sizes, as
/// the scan workload does (see <see cref="LsmScan.LoadRuns"/>), and the load's figure includes those freezes and
/// flushes; without, every entry stays in the mutable memtable, as in a store that has never flushed. Gets, scans
/// and snapshots are the store's own <see cref="LsmStore.Get(byte[])"/>, <see cref="LsmStore.Scan(Bound, Bound)"/>
/// and <see cref="LsmStore.OpenSnapshot"/>; every scan opens its own iterator.
/// </remarks>
/// <param name="sealRuns">Whether a load seals the entries into runs.</param>
public sealed class LsmStoreSubject(bool sealRuns) : IStoreSubject
{
    // The store under test; holds no files, so disposing it only closes the snapshots still open.
    private readonly LsmStore _store = new();

    /// <summary>Gets the store, for inspection.</summary>
    public LsmStore Store => _store;

    /// <inheritdoc />
    public void Load(KeyValuePair<byte[], byte[]>[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (sealRuns)
        {
            LsmScan.LoadRuns(_store, entries);
            return;
        }

        foreach (var (key, value) in entries)
        {
            _store.Put(key, value);
        }
    }

    /// <inheritdoc />
    public void Put(byte[] key, byte[] value) => _store.Put(key, value);

    /// <inheritdoc />
    public byte[]? Get(byte[] key) => _store.Get(key);

    /// <inheritdoc />
    public long Scan(byte[] lower, byte[] upper, ICollection<KeyValuePair<byte[], byte[]>>? seen = null) =>
        Sum(_store.Scan(Bound.Included(lower), Bound.Included(upper)), seen);

    /// <inheritdoc />
    public IStoreSnapshot OpenSnapshot() => new Snapshot(_store.OpenSnapshot());

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>Walks <paramref name="scan"/> to its end, summing the values' lengths.</summary>
    private static long Sum<TIterator>(TIterator scan, ICollection<KeyValuePair<byte[], byte[]>>? seen)
        where TIterator : IStorageIterator
    {
        long total = 0;
        for (; scan.IsValid; scan.Next())
        {
            var value = scan.Value;
            total += value.Length;
            seen?.Add(KeyValuePair.Create(scan.Key.ToArray(), value.ToArray()));
        }

        return total;
    }

    /// <summary>An <see cref="LsmSnapshot"/>: it holds its version against compaction until disposed.</summary>
    private sealed class Snapshot(LsmSnapshot snapshot) : IStoreSnapshot
    {
        public long Scan(byte[] lower, byte[] upper, ICollection<KeyValuePair<byte[], byte[]>>? seen = null) =>
            Sum(snapshot.Scan(Bound.Included(lower), Bound.Included(upper)), seen);

        public void Dispose() => snapshot.Dispose();
    }
}
