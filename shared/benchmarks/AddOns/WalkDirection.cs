namespace Traces.Benchmarks;

/// <summary>Which way the junction walk workload walks.</summary>
public enum WalkDirection
{
    /// <summary>From the first pair to the last (<c>TryNext</c>).</summary>
    Forward,

    /// <summary>From the last pair to the first (<c>TryNextBack</c>).</summary>
    Reverse,
}
