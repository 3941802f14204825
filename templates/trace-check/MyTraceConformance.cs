using Traces;
using Traces.Conformance;
using Xunit;

namespace TraceCheck;

/// <summary>The series' whole conformance suite against <see cref="MyTrace{TKey, TVal, TTime, TDiff}"/>.</summary>
[Trait("Part", "mine")]
public sealed class MyTraceConformance : TraceConformance
{
    /// <inheritdoc />
    protected override ITrace<TKey, TVal, TTime, TDiff> CreateTrace<TKey, TVal, TTime, TDiff>() =>
        new MyTrace<TKey, TVal, TTime, TDiff>();
}
