using Traces.Conformance;

namespace Traces.HashMap.Tests;

#region subclass
/// <summary>Part 1 against the whole conformance suite.</summary>
[Trait("Part", "1")]
public sealed class HashMapTraceConformance : TraceConformance
{
    protected override ITrace<TKey, TVal, TTime, TDiff> CreateTrace<TKey, TVal, TTime, TDiff>() =>
        new HashMapTrace<TKey, TVal, TTime, TDiff>();
}
#endregion
