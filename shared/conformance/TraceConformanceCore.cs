// The cases are public by xUnit's rules and named as sentences: their names are their documentation.
#pragma warning disable CS1591

namespace Traces.Conformance;

/// <summary>
/// The conformance cases, written once over the value type <typeparamref name="TVal"/> so that full traces
/// (<see cref="TraceConformance"/>) and key-only traces (<see cref="KeyTraceConformance"/>) face the same cases.
/// </summary>
/// <typeparam name="TVal">The value type the cases use.</typeparam>
/// <remarks>
/// Every case applies the same operations to the trace under test and to <see cref="ReferenceTrace{TKey, TVal, TTime, TDiff}"/>
/// and compares them with <see cref="TraceChecker"/>; most also assert the case's point directly. Subclass
/// <see cref="TraceConformance"/> or <see cref="KeyTraceConformance"/>, not this class.
/// </remarks>
public abstract partial class TraceConformanceCore<TVal>
    where TVal : IComparable<TVal>
{
    private protected TraceConformanceCore()
    {
    }

    /// <summary>How many sequences each of the two main families runs: with totally and with partially ordered times, 1 000 in all.</summary>
    public const int OrdinarySequences = 500;

    /// <summary>How many sequences each of the other ordinary-sized families runs.</summary>
    public const int OtherSequences = 200;

    /// <summary>How many sequences the family with thousands of keys and batches in the hundreds runs.</summary>
    public const int WideSequences = 20;

    /// <summary>Creates an empty trace of the implementation under test.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    private protected abstract ITrace<TKey, TVal, TTime, long> CreateCore<TKey, TTime>()
        where TKey : IComparable<TKey>
        where TTime : ILattice<TTime>;

    /// <summary>Maps an index to a value; distinct indexes give distinct values where the value type allows.</summary>
    /// <param name="index">The index.</param>
    private protected abstract TVal Val(int index);

    private protected Domain<TKey, TVal, TTime> DomainOf<TKey, TTime>(Func<int, TKey> key, Func<Choices, TTime> time)
        where TTime : ILattice<TTime> => new(key, Val, time);

    // ----- Empty and absent -----

    [Fact]
    public void Empty_trace_has_no_keys_and_no_updates()
    {
        var trace = CreateCore<long, Timestamp>();
        trace.Keys().Should().BeEmpty();
        ExpectUpdates("Get(7)", trace.Get(7));
    }

    [Fact]
    public void Unknown_key_yields_nothing()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 1, 1), U(3, 0, 1, 1));
        ExpectUpdates("Get(2)", twin.Trace.Get(2));
        twin.Verify(extraKeys: [2, 4, -1]);
    }

    [Fact]
    public void A_single_update_is_returned_as_added()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(5, 1, 2, 3));
        ExpectUpdates("Get(5), consolidated,", Consolidated(twin.Trace.Get(5)), U(5, 1, 2, 3));
        twin.Trace.Keys().Should().Equal(5L);
        twin.Verify();
    }

    [Fact]
    public void Empty_batch_changes_nothing()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add();
        twin.Add(U(1, 0, 0, 1));
        twin.Add();
        twin.Verify();
        twin.Trace.Keys().Should().Equal(1L);
    }

    // ----- Cancellation -----

    [Fact]
    public void Updates_that_cancel_across_batches_leave_no_key()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 3, 2), U(2, 0, 3, 1));
        twin.Add(U(1, 0, 3, -2));
        twin.Trace.Keys().Should().Equal(2L);
        ExpectUpdates("Get(1), consolidated,", Consolidated(twin.Trace.Get(1)));
        twin.Verify();
    }

    [Fact]
    public void Updates_that_cancel_within_a_batch_leave_no_key()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 3, 1), U(1, 0, 3, -1), U(1, 1, 4, 5), U(1, 1, 4, -5));
        twin.Trace.Keys().Should().BeEmpty();
        twin.Verify();
    }

    [Fact]
    public void Zero_diffs_leave_no_key()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 3, 0), U(2, 0, 0, 0));
        twin.Trace.Keys().Should().BeEmpty();
        twin.Verify();
    }

    [Fact]
    public void Repeated_updates_accumulate()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 3, 1), U(1, 0, 3, 1));
        twin.Add(U(1, 0, 3, 1));
        ExpectUpdates("Get(1), consolidated,", Consolidated(twin.Trace.Get(1)), U(1, 0, 3, 3));
        twin.Verify();
    }

    [Fact]
    public void Negative_counts_are_kept()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 3, -3), U(1, 0, 5, 1));
        ExpectUpdates("Get(1), consolidated,", Consolidated(twin.Trace.Get(1)), U(1, 0, 3, -3), U(1, 0, 5, 1));
        twin.Verify();
    }

    // ----- Shape -----

    [Fact]
    public void Many_values_per_key()
    {
        var twin = Twin<long, Timestamp>();
        var batch = new List<Update<long, TVal, Timestamp, long>>();
        for (int v = 60; v > 0; v--)
        {
            batch.Add(U(9, v, (ulong)(v % 5), 1));
        }

        twin.Add([.. batch]);
        twin.Verify();
        twin.Trace.Keys().Should().Equal(9L);
    }

    [Fact]
    public void Many_times_per_value()
    {
        var twin = Twin<long, Timestamp>();
        for (int t = 40; t > 0; t--)
        {
            twin.Add(U(4, 1, (ulong)t, t % 2 == 0 ? 1 : -1), U(4, 1, (ulong)t, 2));
        }

        twin.Verify();
        twin.Trace.Keys().Should().Equal(4L);
    }

    [Fact]
    public void Keys_are_listed_once_however_many_updates_they_have()
    {
        var twin = Twin<long, Timestamp>();
        for (int i = 0; i < 30; i++)
        {
            twin.Add(U(i % 3, i, (ulong)i, 1));
        }

        twin.Trace.Keys().Should().BeEquivalentTo(new long[] { 0, 1, 2 });
        twin.Verify();
    }

    [Fact]
    public void A_large_batch_matches_the_model()
    {
        var twin = Twin<long, Timestamp>();
        var rng = new Random(5);
        var batch = new Update<long, TVal, Timestamp, long>[5000];
        for (int i = 0; i < batch.Length; i++)
        {
            batch[i] = U(rng.Next(200), rng.Next(5), (ulong)rng.Next(10), rng.Next(-1, 3));
        }

        twin.Add(batch);
        twin.Verify();
    }

    [Fact]
    public void Results_can_be_enumerated_twice()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 1, 1), U(2, 1, 2, 1));
        var keys = twin.Trace.Keys();
        keys.Should().BeEquivalentTo(keys.ToList());
        var updates = twin.Trace.Get(2);
        ExpectUpdates("Get(2), enumerated a second time,", updates, [.. updates]);
    }

    [Fact]
    public void String_keys()
    {
        var twin = Twin<string, Timestamp>();
        twin.Add(U("pear", 0, 1, 1), U("apple", 1, 1, 2), U("Zebra", 0, 2, 1), U("apple", 1, 1, -2), U("", 0, 0, 1));
        twin.Trace.Keys().Should().BeEquivalentTo(["pear", "Zebra", ""]);
        twin.Verify(extraKeys: ["apple", "banana"]);
    }

    // ----- Partial order -----

    [Fact]
    public void Partially_ordered_times_accumulate_by_the_partial_order()
    {
        var twin = Twin<long, Product<Timestamp, Timestamp>>();
        twin.Add(U(1, 0, P(0, 1), 1), U(1, 0, P(1, 0), 1), U(1, 0, P(1, 1), -1));
        Count(twin.Trace, 1, 0, P(0, 0)).Should().Be(0);
        Count(twin.Trace, 1, 0, P(0, 1)).Should().Be(1);
        Count(twin.Trace, 1, 0, P(1, 0)).Should().Be(1);
        Count(twin.Trace, 1, 0, P(1, 1)).Should().Be(1);
        Count(twin.Trace, 1, 0, P(0, 5)).Should().Be(1);
        twin.Verify();
    }

    // ----- Compaction -----

    [Fact]
    public void Compaction_with_a_one_element_frontier_keeps_counts_beyond_it()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 1, 1), U(1, 0, 2, 1), U(1, 0, 3, -1), U(2, 0, 5, 1));
        twin.AdvanceBy([2]);
        Count(twin.Trace, 1, 0, 2).Should().Be(2);
        Count(twin.Trace, 1, 0, 3).Should().Be(1);
        Count(twin.Trace, 2, 0, 4).Should().Be(0);
        Count(twin.Trace, 2, 0, 5).Should().Be(1);
        twin.Verify();
    }

    [Fact]
    public void Compaction_with_a_two_element_frontier_keeps_counts_beyond_it()
    {
        var twin = Twin<long, Product<Timestamp, Timestamp>>();
        twin.Add(U(1, 0, P(0, 0), 1), U(1, 0, P(1, 1), 1), U(1, 0, P(0, 3), -1), U(1, 0, P(3, 0), 1), U(2, 0, P(1, 0), 1));
        twin.AdvanceBy([P(0, 2), P(2, 0)]);
        Count(twin.Trace, 1, 0, P(0, 2)).Should().Be(1);
        Count(twin.Trace, 1, 0, P(2, 2)).Should().Be(2);
        Count(twin.Trace, 1, 0, P(3, 3)).Should().Be(2);
        Count(twin.Trace, 2, 0, P(2, 0)).Should().Be(1);
        twin.Verify(probeTimes: [P(4, 4), P(0, 9), P(9, 0)]);
    }

    [Fact]
    public void Updates_added_after_compaction_at_times_not_beyond_the_frontier_are_kept()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 1, 1));
        twin.AdvanceBy([5]);
        twin.Add(U(1, 0, 2, 1), U(1, 0, 7, 1), U(2, 0, 0, 1));
        Count(twin.Trace, 1, 0, 5).Should().Be(2);
        Count(twin.Trace, 1, 0, 7).Should().Be(3);
        Count(twin.Trace, 2, 0, 5).Should().Be(1);
        twin.Verify();
    }

    [Fact]
    public void Compaction_can_cancel_a_value_entirely()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 1, 1), U(1, 0, 2, -1), U(2, 0, 1, 1));
        twin.AdvanceBy([3]);
        Count(twin.Trace, 1, 0, 3).Should().Be(0);
        twin.Trace.Keys().Should().Contain(2L);
        twin.Verify();
    }

    [Fact]
    public void Repeating_the_same_frontier_is_allowed()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 1, 1));
        twin.AdvanceBy([4]);
        twin.AdvanceBy([4]);
        twin.Verify();
    }

    // ----- Bad input: a clear exception, and nothing changes -----

    [Fact]
    public void A_regressing_frontier_is_rejected_and_changes_nothing()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 1, 1), U(1, 0, 6, 1));
        twin.AdvanceBy([5]);
        var act = () => twin.Trace.AdvanceBy([3]);
        act.Should().Throw<ArgumentException>().WithParameterName("frontier");
        twin.Verify();
        twin.AdvanceBy([6]);
        twin.Verify();
    }

    [Fact]
    public void An_incomparable_frontier_is_rejected_and_changes_nothing()
    {
        var twin = Twin<long, Product<Timestamp, Timestamp>>();
        twin.Add(U(1, 0, P(1, 1), 1));
        twin.AdvanceBy([P(2, 0)]);
        var act = () => twin.Trace.AdvanceBy([P(0, 2)]);
        act.Should().Throw<ArgumentException>();
        twin.Verify();
    }

    [Fact]
    public void The_empty_frontier_is_final()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 1, 1));
        twin.AdvanceBy([]);
        var act = () => twin.Trace.AdvanceBy([9]);
        act.Should().Throw<ArgumentException>();
        twin.Add(U(2, 0, 1, 1));
        twin.Verify();
    }

    [Fact]
    public void A_null_frontier_is_rejected()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 1, 1));
        var act = () => twin.Trace.AdvanceBy(null!);
        act.Should().Throw<ArgumentNullException>();
        twin.Verify();
    }

    [Fact]
    public void A_null_batch_is_rejected_and_changes_nothing()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 1, 1));
        var act = () => twin.Trace.Add(null!);
        act.Should().Throw<ArgumentNullException>();
        twin.Verify();
    }

    [Fact]
    public void A_null_key_is_rejected_and_nothing_of_its_batch_is_added()
    {
        var twin = Twin<string, Timestamp>();
        twin.Add(U("a", 0, 1, 1));
        var act = () => twin.Trace.Add([U("b", 0, 1, 1), U(null!, 0, 1, 1), U("c", 0, 1, 1)]);
        act.Should().Throw<ArgumentException>().WithMessage("*null key*");
        twin.Trace.Keys().Should().Equal("a");
        twin.Verify(extraKeys: ["b", "c"]);
    }

    [Fact]
    public void Get_of_a_null_key_is_rejected()
    {
        var trace = CreateCore<string, Timestamp>();
        var act = () => trace.Get(null!).ToList();
        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void A_batch_whose_enumeration_fails_adds_nothing()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 1, 1));
        var act = () => twin.Trace.Add(Failing(U(2, 0, 1, 1), U(3, 0, 1, 1)));
        act.Should().Throw<InvalidOperationException>();
        twin.Trace.Keys().Should().Equal(1L);
        twin.Verify(extraKeys: [2, 3]);
    }

    // ----- Seeded model-based random runs -----
    // Each family has its own seeds (ModelRun hashes its name); a failure is shrunk and printed as a test.
    // TRACES_SEQUENCES runs any number of sequences per family instead (./soak).

    [Fact]
    [Trait("Runs", "model")]
    public void Random_runs_with_totally_ordered_times_match_the_model() =>
        RandomRun.Check(
            "traces, totally ordered times", CreateCore<long, Timestamp>, DomainOf(Domains.Int64Key, Domains.Timestamps(12)),
            WorkloadShape.Default, OrdinarySequences);

    [Fact]
    [Trait("Runs", "model")]
    public void Random_runs_with_partially_ordered_times_match_the_model() =>
        RandomRun.Check(
            "traces, partially ordered times", CreateCore<long, Product<Timestamp, Timestamp>>,
            DomainOf(Domains.Int64Key, Domains.Products(5)), WorkloadShape.Default, OrdinarySequences);

    [Fact]
    [Trait("Runs", "model")]
    public void Random_runs_with_string_keys_match_the_model() =>
        RandomRun.Check(
            "traces, string keys", CreateCore<string, Timestamp>, DomainOf(Domains.StringKey, Domains.Timestamps(12)),
            WorkloadShape.Default, OtherSequences);

    [Fact]
    [Trait("Runs", "model")]
    public void Random_runs_with_keys_whose_hashes_collide_match_the_model() =>
        RandomRun.Check(
            "traces, colliding keys", CreateCore<CollidingKey, Product<Timestamp, Timestamp>>,
            DomainOf(Domains.CollidingKey, Domains.Products(4)), WorkloadShape.Default, OtherSequences);

    [Fact]
    [Trait("Runs", "model")]
    public void Random_runs_with_thousands_of_keys_and_large_batches_match_the_model() =>
        RandomRun.Check(
            "traces, thousands of keys", CreateCore<long, Product<Timestamp, Timestamp>>,
            DomainOf(Domains.Int64Key, Domains.Products(6)), WorkloadShape.Wide, WideSequences);

    // ----- Helpers -----

    private protected TwinTraces<TKey, TVal, TTime> Twin<TKey, TTime>()
        where TKey : IComparable<TKey>
        where TTime : ILattice<TTime> => new(CreateCore<TKey, TTime>());

    private protected Update<long, TVal, Timestamp, long> U(long key, int val, ulong time, long diff) => new(key, Val(val), time, diff);

    private protected Update<string, TVal, Timestamp, long> U(string key, int val, ulong time, long diff) => new(key, Val(val), time, diff);

    private protected Update<long, TVal, Product<Timestamp, Timestamp>, long> U(long key, int val, Product<Timestamp, Timestamp> time, long diff) =>
        new(key, Val(val), time, diff);

    private protected static Product<Timestamp, Timestamp> P(ulong outer, ulong inner) => new(outer, inner);

    private protected long Count<TKey, TTime>(ITrace<TKey, TVal, TTime, long> trace, TKey key, int val, TTime time)
        where TKey : IComparable<TKey>
        where TTime : ILattice<TTime> =>
        ReferenceTrace<TKey, TVal, TTime, long>.Accumulate([.. trace.Get(key)], key, Val(val), time);

    private protected long Count<TKey>(ITrace<TKey, TVal, Timestamp, long> trace, TKey key, int val, ulong time)
        where TKey : IComparable<TKey> => Count(trace, key, val, new Timestamp(time));

    private protected static List<Update<TKey, TVal, TTime, long>> Consolidated<TKey, TTime>(IEnumerable<Update<TKey, TVal, TTime, long>> updates)
        where TKey : IComparable<TKey>
        where TTime : ILattice<TTime>
    {
        List<Update<TKey, TVal, TTime, long>> list = [.. updates];
        Consolidation.Consolidate(list);
        return list;
    }

    /// <summary>
    /// Throws a <see cref="ConformanceException"/> unless <paramref name="actual"/> is exactly <paramref name="expected"/>,
    /// in order; the message prints both a line each in <see cref="UpdateText"/>'s notation.
    /// </summary>
    private protected static void ExpectUpdates<TKey, TTime>(
        string what,
        IEnumerable<Update<TKey, TVal, TTime, long>> actual,
        params Update<TKey, TVal, TTime, long>[] expected)
        where TKey : IComparable<TKey>
        where TTime : ILattice<TTime>
    {
        List<Update<TKey, TVal, TTime, long>> have = [.. actual];
        if (!have.SequenceEqual(expected))
        {
            throw new ConformanceException($"{what} is not what the case expects." + UpdateText.SideBySide("expected", expected, "trace", have));
        }
    }

    private static IEnumerable<T> Failing<T>(params T[] items)
    {
        foreach (T item in items)
        {
            yield return item;
        }

        throw new InvalidOperationException("The batch's source failed part way through.");
    }
}

/// <summary>A trace under test and the reference model, receiving the same operations.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <param name="trace">The trace under test.</param>
public sealed class TwinTraces<TKey, TVal, TTime>(ITrace<TKey, TVal, TTime, long> trace)
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
{
    /// <summary>Gets the trace under test.</summary>
    public ITrace<TKey, TVal, TTime, long> Trace { get; } = trace;

    /// <summary>Gets the model.</summary>
    public ReferenceTrace<TKey, TVal, TTime, long> Model { get; } = new();

    /// <summary>Adds a batch to both.</summary>
    /// <param name="updates">The batch.</param>
    public void Add(params Update<TKey, TVal, TTime, long>[] updates)
    {
        Trace.Add(updates);
        Model.Add(updates);
    }

    /// <summary>Advances both to <paramref name="frontier"/>.</summary>
    /// <param name="frontier">The frontier.</param>
    public void AdvanceBy(Antichain<TTime> frontier)
    {
        Trace.AdvanceBy(frontier);
        Model.AdvanceBy(frontier);
    }

    /// <summary>Adds a batch to both; the trace gets <paramref name="updates"/> itself, as a caller's reused buffer.</summary>
    /// <param name="updates">The batch.</param>
    public void Add(IEnumerable<Update<TKey, TVal, TTime, long>> updates)
    {
        Trace.Add(updates);
        Model.Add(updates);
    }

    /// <summary>Compares the trace with the model.</summary>
    /// <param name="extraKeys">Keys to probe besides those added.</param>
    /// <param name="probeTimes">Extra probe times.</param>
    /// <param name="cursor">Whether to check a navigable trace's cursor too.</param>
    public void Verify(IEnumerable<TKey>? extraKeys = null, IReadOnlyList<TTime>? probeTimes = null, bool cursor = true) =>
        TraceChecker.MatchesModel(Trace, Model, extraKeys, probeTimes, cursor);
}
