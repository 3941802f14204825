using System.Numerics;
using Traces;
using Traces.Conformance;
using Traces.Sorted;

namespace Exercises.Ch01;

/// <summary>Exercise 1.1: the product time sorted inner-first is still a valid time for every trace.</summary>
[Trait("Part", "exercises")]
public sealed class InnerFirstProductCheck : LatticeLawCheck<InnerFirstProduct<Timestamp, Timestamp>>
{
    protected override InnerFirstProduct<Timestamp, Timestamp> Draw(Random random) =>
        new((ulong)random.Next(5), (ulong)random.Next(5));

    [Fact]
    public void The_two_sort_orders_disagree_on_incomparable_times()
    {
        new Product<Timestamp, Timestamp>(0, 1).CompareTo(new(1, 0)).Should().BeNegative();
        new InnerFirstProduct<Timestamp, Timestamp>(0, 1).CompareTo(new(1, 0)).Should().BePositive();
    }
}

/// <summary>Exercise 1.2: the count-and-sum diff is a group, and a sorted trace consolidates it.</summary>
[Trait("Part", "exercises")]
public sealed class CountSumCheck : DiffGroupCheck<CountSum>
{
    protected override CountSum Draw(Random random) => new(random.Next(-2, 3), random.Next(-5, 6));

    [Fact]
    public void A_trace_of_purchases_answers_count_and_total_per_customer()
    {
        var trace = new SortedTrace<string, string, Timestamp, CountSum>();
        trace.Add([
            new("ada", "tea", 1, CountSum.One(4)), new("ada", "tea", 1, CountSum.One(5)),
            new("bob", "tea", 1, CountSum.One(4)), new("ada", "tea", 2, -CountSum.One(4)),
        ]);
        trace.AdvanceBy(new Antichain<Timestamp>(2));
        trace.Get("ada").Should().Equal(new Update<string, string, Timestamp, CountSum>("ada", "tea", 2, new(1, 5)));
        trace.Get("bob").Should().Equal(new Update<string, string, Timestamp, CountSum>("bob", "tea", 2, new(1, 4)));
    }

    [Fact]
    public void The_check_rejects_a_max_diff_which_cannot_be_retracted()
    {
        var broken = new MaxDiffCheck();
        broken.Invoking(static c => c.Zero_is_the_identity_and_negation_cancels()).Should().Throw<Exception>();
    }

    /// <summary>A "diff" that keeps the largest value: associative and commutative, but nothing undoes it.</summary>
    private readonly record struct MaxDiff(long Value) :
        IAdditionOperators<MaxDiff, MaxDiff, MaxDiff>, IAdditiveIdentity<MaxDiff, MaxDiff>,
        IUnaryNegationOperators<MaxDiff, MaxDiff>, IEqualityOperators<MaxDiff, MaxDiff, bool>
    {
        public static MaxDiff AdditiveIdentity => new(long.MinValue);

        public static MaxDiff operator +(MaxDiff left, MaxDiff right) => new(Math.Max(left.Value, right.Value));

        public static MaxDiff operator -(MaxDiff value) => new(-value.Value);
    }

    private sealed class MaxDiffCheck : DiffGroupCheck<MaxDiff>
    {
        protected override MaxDiff Draw(Random random) => new(random.Next(1, 9));
    }
}

/// <summary>Exercise 1.3: sets of events ordered by inclusion are a time, and traces work over them.</summary>
[Trait("Part", "exercises")]
public sealed class EventSetCheck : LatticeLawCheck<EventSet>
{
    protected override EventSet Draw(Random random) => new((ulong)random.Next(16));

    [Fact]
    public void Inclusion_is_partial()
    {
        EventSet a = EventSet.Of(0, 2), b = EventSet.Of(1, 2);
        a.LessEqual(b).Should().BeFalse();
        b.LessEqual(a).Should().BeFalse();
        a.Join(b).Should().Be(EventSet.Of(0, 1, 2));
        a.Meet(b).Should().Be(EventSet.Of(2));
        a.ToString().Should().Be("{0, 2}");
    }

    [Fact]
    public void The_check_rejects_event_sets_sorted_by_their_size()
    {
        var broken = new BySizeCheck();
        broken.Invoking(static c => c.The_sort_order_extends_the_partial_order_and_ties_only_equal_times())
            .Should().Throw<Exception>();
        broken.Invoking(static c => c.A_sorted_trace_over_these_times_matches_the_model())
            .Should().Throw<ConformanceException>("a sort that ties {0} and {1} makes part 2 add their diffs together");
    }

    /// <summary>Event sets sorted by how many events they hold: extends inclusion, but ties distinct sets.</summary>
    private readonly record struct BySize(ulong Bits) : ILattice<BySize>
    {
        public static BySize Minimum => default;

        public bool LessEqual(BySize other) => (Bits & ~other.Bits) == 0;

        public BySize Join(BySize other) => new(Bits | other.Bits);

        public BySize Meet(BySize other) => new(Bits & other.Bits);

        public int CompareTo(BySize other) => BitOperations.PopCount(Bits).CompareTo(BitOperations.PopCount(other.Bits));
    }

    private sealed class BySizeCheck : LatticeLawCheck<BySize>
    {
        protected override BySize Draw(Random random) => new((ulong)random.Next(16));
    }
}
