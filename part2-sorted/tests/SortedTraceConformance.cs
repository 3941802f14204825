using Traces.Conformance;

namespace Traces.Sorted.Tests;

/// <summary>Part 2 against the whole conformance suite.</summary>
[Trait("Part", "2")]
public sealed class SortedTraceConformance : TraceConformance
{
    protected override ITrace<TKey, TVal, TTime, TDiff> CreateTrace<TKey, TVal, TTime, TDiff>() =>
        new SortedTrace<TKey, TVal, TTime, TDiff>();
}

/// <summary>Part 2 as a key-only trace against the whole conformance suite.</summary>
[Trait("Part", "2")]
public sealed class SortedTraceKeyConformance : KeyTraceConformance
{
    protected override ITrace<TKey, Unit, TTime, TDiff> CreateTrace<TKey, TTime, TDiff>() =>
        new SortedTrace<TKey, Unit, TTime, TDiff>();
}
