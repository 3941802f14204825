namespace Traces.Benchmarks;

/// <summary>The store workload's peers: real LSM stores the LSM add-on is measured against, by name.</summary>
public static class StorePeers
{
    /// <summary>The name of RocksDB with every entry in its memtable.</summary>
    public const string RocksDb = "rocksdb";

    /// <summary>The name of RocksDB flushed to an SST file after the load.</summary>
    public const string RocksDbSst = "rocksdb-sst";

    /// <summary>The name of ZoneTree with no write-ahead log, every entry in its mutable segment.</summary>
    public const string ZoneTree = "zonetree";

    /// <summary>Gets the peers' names, in table order.</summary>
    public static IReadOnlyList<string> Names { get; } = [RocksDb, RocksDbSst, ZoneTree];

    /// <summary>Opens the empty peer named <paramref name="name"/>, or returns <see langword="null"/> if there is none.</summary>
    /// <param name="name">The name.</param>
    public static IStoreSubject? Create(string name) => name switch
    {
        RocksDb => new RocksDbSubject(flushAfterLoad: false),
        RocksDbSst => new RocksDbSubject(flushAfterLoad: true),
        ZoneTree => new ZoneTreeSubject(),
        _ => null,
    };
}
