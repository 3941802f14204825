namespace Traces.Benchmarks;

/// <summary>How thoroughly a run measures.</summary>
public enum RunMode
{
    /// <summary>CI's check: small sizes, every benchmark once, in process; results go to an artifacts folder.</summary>
    Quick,

    /// <summary>The book's numbers: full sizes, warm-up and repeated iterations; results go to <c>book/benchmarks</c>.</summary>
    Full,

    /// <summary>
    /// How costs grow: every part and baseline from 1 M to 64 M updates, a long sliding window, and latency
    /// percentiles (not part of CI); results go to <c>book/benchmarks/scale.json</c>.
    /// </summary>
    Scale,
}
