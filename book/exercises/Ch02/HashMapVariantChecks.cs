using Traces;
using Traces.Conformance;
using Traces.HashMap;

namespace Exercises.Ch02;

/// <summary>Exercise 2.1: the hash map that keeps its promise of consolidated updates, against the suite.</summary>
[Trait("Part", "exercises")]
public sealed class ConsolidatingHashMapTraceConformance : TraceConformance
{
    protected override ITrace<TKey, TVal, TTime, TDiff> CreateTrace<TKey, TVal, TTime, TDiff>() =>
        new ConsolidatingHashMapTrace<TKey, TVal, TTime, TDiff>();
}

/// <summary>Exercise 2.2: the trace that consolidates at the door, against the suite.</summary>
[Trait("Part", "exercises")]
public sealed class SortedDictionaryTraceConformance : TraceConformance
{
    protected override ITrace<TKey, TVal, TTime, TDiff> CreateTrace<TKey, TVal, TTime, TDiff>() =>
        new SortedDictionaryTrace<TKey, TVal, TTime, TDiff>();
}

/// <summary>What the exercises of chapter 2 change, shown on part 1's unchanged trace.</summary>
[Trait("Part", "exercises")]
public sealed class HashMapVariantTests
{
    private static readonly Update<long, long, Timestamp, long>[] Repeats =
        [new(1, 10, 1, 1), new(1, 20, 1, 1), new(1, 10, 1, 1), new(1, 20, 1, -1)];

    [Fact]
    public void The_suite_rejects_part_1_claiming_consolidated_updates()
    {
        var claiming = new Claiming(new HashMapTrace<long, long, Timestamp, long>());
        var model = new ReferenceTrace<long, long, Timestamp, long>();
        claiming.Add(Repeats);
        model.Add(Repeats);
        FluentActions.Invoking(() => TraceChecker.MatchesModel(claiming, model))
            .Should().Throw<ConformanceException>("part 1's Get yields the updates as they arrived");
    }

    [Fact]
    public void The_consolidating_trace_consolidates_once_and_still_fails_fast()
    {
        var trace = new ConsolidatingHashMapTrace<long, long, Timestamp, long>();
        trace.Add(Repeats);
        trace.Get(1).Should().Equal(new Update<long, long, Timestamp, long>(1, 10, 1, 2));
        trace.Get(1).Should().Equal(new Update<long, long, Timestamp, long>(1, 10, 1, 2));

        using var walk = trace.Get(1).GetEnumerator();
        walk.MoveNext().Should().BeTrue();
        trace.Add([new(1, 5, 1, 1)]);
        walk.Invoking(static w => w.MoveNext()).Should().Throw<InvalidOperationException>(
            "the Add changed the list under the walk, as in part 1");
        trace.Get(1).Should().Equal(
            new Update<long, long, Timestamp, long>(1, 5, 1, 1), new Update<long, long, Timestamp, long>(1, 10, 1, 2));
    }

    [Fact]
    public void The_sorted_dictionary_trace_forgets_a_key_the_moment_it_cancels()
    {
        var trace = new SortedDictionaryTrace<string, long, Timestamp, long>();
        trace.Add([new("b", 1, 1, 1), new("a", 1, 1, 1), new("c", 1, 1, 1)]);
        trace.Keys().Should().Equal("a", "b", "c");
        trace.Add([new("b", 1, 1, -1)]);
        trace.Keys().Should().Equal("a", "c");
        trace.Get("b").Should().BeEmpty();
    }

    /// <summary>Part 1's trace, claiming what the exercise makes it do.</summary>
    private sealed class Claiming(HashMapTrace<long, long, Timestamp, long> inner) : ITrace<long, long, Timestamp, long>
    {
        public TraceGuarantees Guarantees => TraceGuarantees.ConsolidatedUpdates;

        public void Add(IEnumerable<Update<long, long, Timestamp, long>> updates) => inner.Add(updates);

        public IEnumerable<Update<long, long, Timestamp, long>> Get(long key) => inner.Get(key);

        public IEnumerable<long> Keys() => inner.Keys();

        public void AdvanceBy(Antichain<Timestamp> frontier) => inner.AdvanceBy(frontier);
    }
}
