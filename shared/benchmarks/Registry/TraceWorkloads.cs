namespace Traces.Benchmarks;

/// <summary>The workloads a registered trace takes part in.</summary>
[Flags]
public enum TraceWorkloads
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Insert throughput, with long keys and (when the part registers one) string keys.</summary>
    Insert = 1,

    /// <summary>Random and sorted look-ups after loading.</summary>
    Lookup = 2,

    /// <summary>Bytes retained per update for snapshots and histories.</summary>
    Memory = 4,

    /// <summary>Adding a second batch as large as the first, with and without compaction.</summary>
    Merge = 8,

    /// <summary>The slowest single-update <c>Add</c> of a long run.</summary>
    Latency = 16,

    /// <summary>Every workload.</summary>
    All = Insert | Lookup | Memory | Merge | Latency,
}
