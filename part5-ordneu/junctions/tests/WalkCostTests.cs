using Xunit.Abstractions;
using Traces.Junctions;

namespace Traces.Junctions.Tests;

/// <summary>
/// What a step of a walk costs when every step follows a write, counted rather than timed: the number of key and
/// value comparisons the steps make (the elements they touch), on both backings, forward and in reverse. A step
/// that rebuilt an O(n) picture of the store after each write would make the count grow as n²; a seek makes it
/// grow as n times a few logarithms.
/// </summary>
[Trait("Part", "junctions")]
public sealed class WalkCostTests(ITestOutputHelper output)
{
    public static TheoryData<string> BackingNames => new("memory", "trace");

    [Theory]
    [MemberData(nameof(BackingNames))]
    public void Reverse_steps_interleaved_with_writes_touch_O_log_n_elements_each(string backingName)
    {
        var backing = Of(backingName);
        var small = Walk(backing, pairs: 1_000, reverse: true);
        var large = Walk(backing, pairs: 4_000, reverse: true);

        output.WriteLine($"{backingName}, reverse: {small.PerStep:F1} comparisons a step at 1 000 pairs, {large.PerStep:F1} at 4 000");

        // Four times the pairs: four times the steps, each a little dearer; a rebuild per step would be sixteen.
        double growth = (double)large.Comparisons / small.Comparisons;
        growth.Should().BeLessThan(7, $"the {backingName} backing's reverse steps must not cost O(n) each");
        large.PerStep.Should().BeLessThan(
            LogBound(4_000), $"a reverse step on the {backingName} backing costs O(log² n) comparisons at most");
    }

    [Theory]
    [MemberData(nameof(BackingNames))]
    public void A_reverse_step_costs_no_more_than_a_forward_one(string backingName)
    {
        var backing = Of(backingName);
        var forward = Walk(backing, pairs: 4_000, reverse: false);
        var reverse = Walk(backing, pairs: 4_000, reverse: true);

        output.WriteLine($"{backingName}, 4 000 pairs: {forward.PerStep:F1} comparisons a forward step, {reverse.PerStep:F1} a reverse one");
        forward.PerStep.Should().BeLessThan(LogBound(4_000), $"a forward step on the {backingName} backing is a seek");
        reverse.PerStep.Should().BeLessThanOrEqualTo(
            2 * forward.PerStep, $"on the {backingName} backing a reverse step is a seek like a forward one");
    }

    [Theory]
    [MemberData(nameof(BackingNames))]
    public void A_reverse_walk_under_writes_yields_what_the_passage_rule_says(string backingName)
    {
        // The walk of the cost tests, checked for its answers: it meets the loaded pairs it has not passed and the
        // inserted ones that land ahead of it, once each, in descending order.
        var junction = new ManyToMany<Counted, Counted>(Of(backingName));
        var present = new SortedSet<(int, int)>();
        var random = new Random(7);
        for (int i = 0; i < 300; i++)
        {
            junction.Fwd.Insert(new(i / 4), new(i % 4));
            present.Add((i / 4, i % 4));
        }

        var passage = junction.Fwd.Reverse().Iterate();
        (int, int)? last = null;
        while (passage.TryNext(out var pair))
        {
            var got = (pair.Key.Value, pair.Value.Value);
            var expected = last is null ? present.Max : present.Where(p => p.CompareTo(last.Value) < 0).Max();
            got.Should().Be(expected);
            last = got;
            var written = (random.Next(75), 4 + random.Next(1_000));
            if (junction.Fwd.Insert(new(written.Item1), new(written.Item2)))
            {
                present.Add(written);
            }
        }

        last.Should().Be(present.Min, "the walk ends at the first pair");
    }

    private static IPairStoreFactory Of(string name) => name == "trace" ? Backings.Trace : Backings.InMemory;

    // A generous constant times log² n: the trace's seek after a write is a binary search in each of its O(log n)
    // batches; the in-memory store's is one binary search.
    private static double LogBound(int pairs) => 8 * Math.Pow(Math.Log2(pairs), 2);

    // Loads `pairs` pairs, then walks them forward or in reverse, inserting a new pair at a random key after every
    // step (some land ahead of the walk, some behind), and counts the comparisons the steps alone make.
    private static (long Comparisons, long Steps, double PerStep) Walk(IPairStoreFactory backing, int pairs, bool reverse)
    {
        var junction = new ManyToMany<Counted, Counted>(backing);
        int keys = pairs / 4;
        for (int i = 0; i < pairs; i++)
        {
            junction.Fwd.Insert(new(i / 4), new(i % 4));
        }

        var random = new Random(2024);
        var passage = reverse ? junction.Fwd.Reverse().Iterate() : junction.Fwd.Iterate();
        long comparisons = 0, steps = 0;
        while (true)
        {
            long before = Counted.Comparisons;
            bool stepped = passage.TryNext(out _);
            comparisons += Counted.Comparisons - before;
            if (!stepped)
            {
                break;
            }

            steps++;
            junction.Fwd.Insert(new(random.Next(keys)), new(4 + (int)steps));
        }

        steps.Should().BeGreaterThanOrEqualTo(pairs, "the walk visits every loaded pair");
        return (comparisons, steps, (double)comparisons / steps);
    }

    /// <summary>An <see cref="int"/> that counts how often it is compared, on the thread that compares it.</summary>
    /// <param name="Value">The number.</param>
    private readonly record struct Counted(int Value) : IComparable<Counted>
    {
        [ThreadStatic]
        private static long t_comparisons;

        /// <summary>Gets the number of comparisons made on this thread so far.</summary>
        public static long Comparisons => t_comparisons;

        /// <inheritdoc />
        public int CompareTo(Counted other)
        {
            t_comparisons++;
            return Value.CompareTo(other.Value);
        }
    }
}
