namespace Traces.Benchmarks;

/// <summary>What the store workload measures.</summary>
public enum StoreOperation
{
    /// <summary>Loading every entry into a fresh store.</summary>
    Put,

    /// <summary>Point gets of random existing keys.</summary>
    Get,

    /// <summary>Range scans of consecutive keys.</summary>
    Scan,

    /// <summary>The same range scans through a snapshot opened before more writes.</summary>
    SnapshotScan,
}
