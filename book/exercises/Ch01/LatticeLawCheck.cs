using Traces;
using Traces.Conformance;
using Traces.Sorted;

namespace Exercises.Ch01;

/// <summary>
/// The check for a time type of your own: the lattice laws, a sort order that extends the partial order and
/// ties only equal times, the compaction guarantee, and seeded random runs of part 2's trace over your times
/// against the reference model. Subclass it and draw random times.
/// </summary>
/// <typeparam name="T">The time type under test.</typeparam>
public abstract class LatticeLawCheck<T>
    where T : ILattice<T>
{
    /// <summary>Draws a time; draw from a small set so that random times are often comparable and equal.</summary>
    /// <param name="random">The seeded source of randomness.</param>
    protected abstract T Draw(Random random);

    /// <summary>Join and meet are the least upper and greatest lower bounds; the minimum is below everything.</summary>
    [Fact]
    public void Join_and_meet_bound_the_partial_order()
    {
        var random = new Random(1);
        for (int trial = 0; trial < 2000; trial++)
        {
            T a = Draw(random), b = Draw(random), c = Draw(random);
            string context = $"a = {a}, b = {b}, c = {c}";
            T.Minimum.LessEqual(a).Should().BeTrue($"the minimum is below {a}");
            a.LessEqual(a).Should().BeTrue(context);
            (a.LessEqual(b) && b.LessEqual(a)).Should().Be(a.Equals(b), $"only equal times are below each other: {context}");
            a.LessEqual(a.Join(b)).Should().BeTrue(context);
            b.LessEqual(a.Join(b)).Should().BeTrue(context);
            a.Meet(b).LessEqual(a).Should().BeTrue(context);
            a.Meet(b).LessEqual(b).Should().BeTrue(context);
            if (a.LessEqual(c) && b.LessEqual(c))
            {
                a.Join(b).LessEqual(c).Should().BeTrue($"the join is the least upper bound: {context}");
            }

            if (c.LessEqual(a) && c.LessEqual(b))
            {
                c.LessEqual(a.Meet(b)).Should().BeTrue($"the meet is the greatest lower bound: {context}");
            }
        }
    }

    /// <summary>
    /// Traces sort by <c>CompareTo</c> and consolidate times it calls equal, so it must extend the partial order
    /// and call two times equal only if they are.
    /// </summary>
    [Fact]
    public void The_sort_order_extends_the_partial_order_and_ties_only_equal_times()
    {
        var random = new Random(2);
        for (int trial = 0; trial < 2000; trial++)
        {
            T a = Draw(random), b = Draw(random);
            if (a.LessEqual(b))
            {
                a.CompareTo(b).Should().BeLessThanOrEqualTo(0, $"{a} ≤ {b}, so it sorts first");
            }

            (a.CompareTo(b) == 0).Should().Be(a.Equals(b), $"CompareTo ties {a} and {b} only if they are equal");
            Math.Sign(a.CompareTo(b)).Should().Be(-Math.Sign(b.CompareTo(a)), $"comparing {a} and {b} both ways");
        }
    }

    /// <summary>For every time beyond a frontier, an advanced time is at most it exactly when the original is.</summary>
    [Fact]
    public void Advancing_by_a_frontier_changes_no_accumulation_beyond_it()
    {
        var random = new Random(3);
        for (int trial = 0; trial < 2000; trial++)
        {
            var frontier = Antichain<T>.From([Draw(random), Draw(random)]);
            T t = Draw(random), s = Draw(random).Join(frontier.Elements[0]);
            t.AdvanceBy(frontier).LessEqual(s).Should().Be(
                t.LessEqual(s), $"{t} advanced by {frontier} is {t.AdvanceBy(frontier)}, read at {s}");
        }
    }

    /// <summary>Part 2's trace over these times agrees with the model through random batches and compactions.</summary>
    [Fact]
    public void A_sorted_trace_over_these_times_matches_the_model()
    {
        // The suite's runs draw from choices; a time of this type is drawn from a Random seeded by one choice.
        RandomRun.Check(
            $"exercise 1: part 2's trace over {typeof(T).Name}",
            static () => new SortedTrace<long, long, T, long>(),
            new Domain<long, long, T>(Domains.Int64Key, Domains.Int64Val, choices => Draw(new Random(choices.Next(Choices.Range)))),
            WorkloadShape.Default,
            sequences: 100);
    }
}
