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
