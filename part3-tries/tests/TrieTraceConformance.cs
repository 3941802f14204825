using Traces.Conformance;

namespace Traces.Tries.Tests;

/// <summary>Part 3 against the whole conformance suite.</summary>
[Trait("Part", "3")]
public sealed class TrieTraceConformance : TraceConformance
{
    protected override ITrace<TKey, TVal, TTime, TDiff> CreateTrace<TKey, TVal, TTime, TDiff>() =>
        new TrieTrace<TKey, TVal, TTime, TDiff>();
}

/// <summary>Part 3 as a key-only trace against the whole conformance suite.</summary>
[Trait("Part", "3")]
public sealed class TrieTraceKeyConformance : KeyTraceConformance
{
    protected override ITrace<TKey, Unit, TTime, TDiff> CreateTrace<TKey, TTime, TDiff>() =>
        new TrieTrace<TKey, Unit, TTime, TDiff>();
}
