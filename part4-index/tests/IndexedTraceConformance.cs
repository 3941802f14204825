using Traces.Conformance;

namespace Traces.Index.Tests;

/// <summary>Part 4 against the whole conformance suite.</summary>
[Trait("Part", "4")]
public sealed class IndexedTraceConformance : TraceConformance
{
    protected override ITrace<TKey, TVal, TTime, TDiff> CreateTrace<TKey, TVal, TTime, TDiff>() =>
        new IndexedTrace<TKey, TVal, TTime, TDiff>();
}

/// <summary>Part 4 as a key-only trace against the whole conformance suite.</summary>
[Trait("Part", "4")]
public sealed class IndexedTraceKeyConformance : KeyTraceConformance
{
    protected override ITrace<TKey, Unit, TTime, TDiff> CreateTrace<TKey, TTime, TDiff>() =>
        new IndexedTrace<TKey, Unit, TTime, TDiff>();
}
