using Traces.Conformance;

namespace Traces.OrdNeu.Tests;

[Trait("Part", "5")]
public sealed class OrdValTraceConformance : TraceConformance
{
    protected override ITrace<TKey, TVal, TTime, TDiff> CreateTrace<TKey, TVal, TTime, TDiff>() =>
        new OrdValTrace<TKey, TVal, TTime, TDiff>();
}

[Trait("Part", "5")]
public sealed class OrdKeyTraceConformance : KeyTraceConformance
{
    protected override ITrace<TKey, Unit, TTime, TDiff> CreateTrace<TKey, TTime, TDiff>() =>
        new OrdKeyTrace<TKey, TTime, TDiff>();
}

/// <summary>
/// The suite again with a trace that seals whenever time moves (a seal threshold of one update): the cases are small,
/// so with the default threshold most of their updates would stay in the batcher, and this class is the one whose
/// reads go through many batches of the spine as well as the batcher.
/// </summary>
[Trait("Part", "5")]
public sealed class OrdValTraceSealingConformance : TraceConformance
{
    protected override ITrace<TKey, TVal, TTime, TDiff> CreateTrace<TKey, TVal, TTime, TDiff>() =>
        new OrdValTrace<TKey, TVal, TTime, TDiff>(sealThreshold: 1);
}

/// <summary>The key-only trace sealing whenever time moves; see <see cref="OrdValTraceSealingConformance"/>.</summary>
[Trait("Part", "5")]
public sealed class OrdKeyTraceSealingConformance : KeyTraceConformance
{
    protected override ITrace<TKey, Unit, TTime, TDiff> CreateTrace<TKey, TTime, TDiff>() =>
        new OrdKeyTrace<TKey, TTime, TDiff>(sealThreshold: 1);
}
