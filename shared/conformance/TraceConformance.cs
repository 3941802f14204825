// The cases are public by xUnit's rules and named as sentences: their names are their documentation.
#pragma warning disable CS1591

namespace Traces.Conformance;

/// <summary>
/// The conformance suite for a trace of <c>(key, val)</c> records. Subclass it in a test project, create your
/// trace in <see cref="CreateTrace{TKey, TVal, TTime, TDiff}"/>, and tag the class with its part:
/// <code>
/// [Trait("Part", "1")]
/// public sealed class HashMapTraceConformance : TraceConformance
/// {
///     protected override ITrace&lt;TKey, TVal, TTime, TDiff&gt; CreateTrace&lt;TKey, TVal, TTime, TDiff&gt;() =&gt;
///         new HashMapTrace&lt;TKey, TVal, TTime, TDiff&gt;();
/// }
/// </code>
/// </summary>
public abstract class TraceConformance : TraceConformanceCore<long>
{
    /// <summary>Creates an empty trace of the implementation under test.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    protected abstract ITrace<TKey, TVal, TTime, TDiff> CreateTrace<TKey, TVal, TTime, TDiff>()
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
        where TDiff : System.Numerics.IAdditionOperators<TDiff, TDiff, TDiff>, System.Numerics.IAdditiveIdentity<TDiff, TDiff>,
            System.Numerics.IUnaryNegationOperators<TDiff, TDiff>, System.Numerics.IEqualityOperators<TDiff, TDiff, bool>;

    private protected sealed override ITrace<TKey, long, TTime, long> CreateCore<TKey, TTime>() => CreateTrace<TKey, long, TTime, long>();

    private protected sealed override long Val(int index) => Domains.Int64Val(index);

    [Fact]
    public void String_values_sort_and_consolidate()
    {
        var twin = new TwinTraces<long, string, Timestamp>(CreateTrace<long, string, Timestamp, long>());
        twin.Add(new(1, "b", 1, 1), new(1, "a", 1, 1), new(1, "B", 2, 1), new(1, "a", 1, -1));
        twin.Verify();
        twin.Trace.Keys().Should().Equal(1L);
    }

    [Fact]
    [Trait("Runs", "model")]
    public void Random_runs_with_string_values_match_the_model() =>
        RandomRun.Check(
            "traces, string values",
            CreateTrace<long, string, Timestamp, long>,
            new Domain<long, string, Timestamp>(Domains.Int64Key, i => Domains.StringKey(i * 13), Domains.Timestamps(8)),
            WorkloadShape.Default,
            OtherSequences);

    [Fact]
    public void Other_diff_types_work_through_generic_math()
    {
        var trace = CreateTrace<long, long, Timestamp, int>();
        var model = new ReferenceTrace<long, long, Timestamp, int>();
        Update<long, long, Timestamp, int>[] batch = [new(1, 1, 1, 2), new(1, 1, 1, -2), new(2, 1, 3, 7), new(2, 2, 3, 1)];
        trace.Add(batch);
        model.Add(batch);
        TraceChecker.MatchesModel(trace, model);
        trace.Keys().Should().Equal(2L);
    }
}

/// <summary>
/// The conformance suite for a key-only trace (values are <see cref="Unit"/>), for example a trace that stores a
/// set of keys changing over time. Subclass it and create your trace in <see cref="CreateTrace{TKey, TTime, TDiff}"/>.
/// </summary>
public abstract class KeyTraceConformance : TraceConformanceCore<Unit>
{
    /// <summary>Creates an empty key-only trace of the implementation under test.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    protected abstract ITrace<TKey, Unit, TTime, TDiff> CreateTrace<TKey, TTime, TDiff>()
        where TKey : IComparable<TKey>
        where TTime : ILattice<TTime>
        where TDiff : System.Numerics.IAdditionOperators<TDiff, TDiff, TDiff>, System.Numerics.IAdditiveIdentity<TDiff, TDiff>,
            System.Numerics.IUnaryNegationOperators<TDiff, TDiff>, System.Numerics.IEqualityOperators<TDiff, TDiff, bool>;

    private protected sealed override ITrace<TKey, Unit, TTime, long> CreateCore<TKey, TTime>() => CreateTrace<TKey, TTime, long>();

    private protected sealed override Unit Val(int index) => Unit.Value;
}
