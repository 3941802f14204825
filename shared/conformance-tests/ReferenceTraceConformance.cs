using Traces.Conformance;

namespace Traces.Conformance.Tests;

/// <summary>The model passes its own suite, as a full trace and as a key-only trace.</summary>
[Trait("Part", "shared")]
public sealed class ReferenceTraceConformance : TraceConformance
{
    protected override ITrace<TKey, TVal, TTime, TDiff> CreateTrace<TKey, TVal, TTime, TDiff>() =>
        new ReferenceTrace<TKey, TVal, TTime, TDiff>();
}

/// <summary>The model as a key-only trace.</summary>
[Trait("Part", "shared")]
public sealed class ReferenceKeyTraceConformance : KeyTraceConformance
{
    protected override ITrace<TKey, Unit, TTime, TDiff> CreateTrace<TKey, TTime, TDiff>() =>
        new ReferenceTrace<TKey, Unit, TTime, TDiff>();
}
