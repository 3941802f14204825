using Traces.HashMap;

namespace Traces.Benchmarks;

/// <summary>The parts of the series the benchmarks measure: one line per part.</summary>
/// <remarks>
/// A part is registered with its name, a factory for <see cref="long"/> keys and, when it supports them, one for
/// <see cref="string"/> keys; a native look-up or merge is one more line each. The headline ratios of
/// <see cref="HeadlineRatios"/> appear once the parts they name are registered here.
/// </remarks>
public static class Parts
{
    #region parts
    /// <summary>Gets the registry of parts.</summary>
    public static TraceRegistry Registry { get; } = new TraceRegistry()
        .Add("part1", () => new HashMapTrace<long, long, Timestamp, long>(), () => new HashMapTrace<string, long, Timestamp, long>());
    #endregion
}
