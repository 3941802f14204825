using System.Numerics;
using Traces;
using Traces.Conformance;
using Traces.Sorted;

namespace Exercises.Ch01;

/// <summary>
/// The check for a diff type of your own: the group laws consolidation relies on, and a sorted trace that adds
/// and cancels such diffs exactly as the reference model does. Subclass it and draw random diffs.
/// </summary>
/// <typeparam name="TDiff">The diff type under test.</typeparam>
#region check
public abstract class DiffGroupCheck<TDiff>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    /// <summary>Draws a diff; draw small values so that random sums meet and cancel.</summary>
    /// <param name="random">The seeded source of randomness.</param>
    protected abstract TDiff Draw(Random random);

    /// <summary>Consolidation adds diffs in whatever order it meets them, so the order must not matter.</summary>
    [Fact]
    public void Addition_is_associative_and_commutative()
    {
        var random = new Random(1);
        for (int trial = 0; trial < 1000; trial++)
        {
            TDiff a = Draw(random), b = Draw(random), c = Draw(random);
            (a + b).Should().Be(b + a, $"{a} + {b} is {b} + {a}");
            (a + b + c).Should().Be(a + (b + c), $"({a} + {b}) + {c} is {a} + ({b} + {c})");
        }
    }

    /// <summary>A retraction must cancel what it retracts to exactly zero, or the entry is never dropped.</summary>
    [Fact]
    public void Zero_is_the_identity_and_negation_cancels()
    {
        var random = new Random(2);
        for (int trial = 0; trial < 1000; trial++)
        {
            TDiff a = Draw(random);
            (a + TDiff.AdditiveIdentity).Should().Be(a, $"{a} + 0 is {a}");
            (a + -a).Should().Be(TDiff.AdditiveIdentity, $"{a} + -{a} is zero");
        }
    }

    /// <summary>Random batches, half of them retractions, in a sorted trace and in the model.</summary>
    [Fact]
    public void A_sorted_trace_consolidates_these_diffs_as_the_model_does()
    {
        var random = new Random(3);
        var trace = new SortedTrace<long, long, Timestamp, TDiff>();
        var model = new ReferenceTrace<long, long, Timestamp, TDiff>();
        var added = new List<Update<long, long, Timestamp, TDiff>>();
        for (int step = 0; step < 60; step++)
        {
            var batch = new List<Update<long, long, Timestamp, TDiff>>();
            for (int i = random.Next(1, 8); i > 0; i--)
            {
                if (added.Count > 0 && random.Next(2) == 0)
                {
                    var earlier = added[random.Next(added.Count)];
                    batch.Add(earlier with { Diff = -earlier.Diff });
                }
                else
                {
                    batch.Add(new(random.Next(6), random.Next(3), (ulong)random.Next(4), Draw(random)));
                }
            }

            added.AddRange(batch);
            trace.Add(batch);
            model.Add(batch);
            TraceChecker.MatchesModel(trace, model);
        }
    }
}
#endregion
