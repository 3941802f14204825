namespace Traces.Benchmarks;

/// <summary>What the junction workload measures.</summary>
public enum RelationOperation
{
    /// <summary>Relating every pair, into an empty relation.</summary>
    Insert,

    /// <summary>Looking up lefts from the forward side and rights from the backward side.</summary>
    Lookup,

    /// <summary>Visiting every pair.</summary>
    Iterate,
}
