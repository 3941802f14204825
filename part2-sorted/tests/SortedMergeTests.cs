using Traces.Conformance;
using Traces.Sorted;

namespace Traces.Sorted.Tests;

[Trait("Part", "2")]
public sealed class SortedMergeTests
{
    [Fact]
    [Trait("Runs", "model")]
    public void Merge_at_random_size_ratios_equals_consolidating_the_concatenation() =>
        ModelRun.Check("part 2: merging two sorted runs", static (random, log) =>
        {
            var a = SortedRuns.Random(random, random.Next(41));
            var b = SortedRuns.Random(random, random.Next(41));
            var expected = a.Concat(b).ToArray();
            expected = expected[..Consolidation.Consolidate<int, int, Timestamp, long>(expected)];
            log.Write($"Update<int, int, Timestamp, long>[] a = {CodeText.List(a)}, b = {CodeText.List(b)};");
            log.Write($"SortedMerge.Merge<int, int, Timestamp, long>(a, b).Should().Equal({CodeText.List(expected)});");

            SortedMerge.Merge<int, int, Timestamp, long>(a, b).Should().Equal(expected);
        }, sequences: 1_600, maxChoices: 400);

    [Fact]
    public void Merge_drops_every_update_that_cancels()
    {
        Update<string, string, Timestamp, long>[] a = [new("k", "v", 1, 2), new("k", "w", 1, 1)];
        Update<string, string, Timestamp, long>[] b = [new("k", "v", 1, -2), new("k", "w", 1, -1)];

        SortedMerge.Merge<string, string, Timestamp, long>(a, b).Should().BeEmpty();
    }

    [Fact]
    public void Lower_bound_finds_the_first_update_not_below_the_key()
    {
        Update<int, int, Timestamp, long>[] list = [new(1, 0, 0, 1), new(3, 0, 0, 1), new(3, 1, 0, 1), new(7, 0, 0, 1)];

        SortedMerge.LowerBound<int, int, Timestamp, long>(list, 0).Should().Be(0);
        SortedMerge.LowerBound<int, int, Timestamp, long>(list, 3).Should().Be(1);
        SortedMerge.LowerBound<int, int, Timestamp, long>(list, 4).Should().Be(3);
        SortedMerge.LowerBound<int, int, Timestamp, long>(list, 8).Should().Be(4);
    }

    [Fact]
    public void Gallop_finds_what_a_linear_scan_finds_from_every_start()
    {
        // A long run of one key, so that the search takes several doubling steps and halves back.
        int[] keys = [1, 1, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 9, 11, 11];
        var list = keys.Select(k => new Update<int, int, Timestamp, long>(k, 0, 0, 1)).ToArray();

        for (int from = 0; from <= list.Length; from++)
        {
            for (int key = 0; key <= 12; key++)
            {
                int below = from, atMost = from;
                while (below < list.Length && list[below].Key < key)
                {
                    below++;
                }

                while (atMost < list.Length && list[atMost].Key <= key)
                {
                    atMost++;
                }

                SortedMerge.Gallop(list, from, new KeyBound(key, inclusive: false)).Should().Be(below, $"from {from}, below {key}");
                SortedMerge.Gallop(list, from, new KeyBound(key, inclusive: true)).Should().Be(atMost, $"from {from}, at most {key}");
            }
        }
    }

    [Fact]
    public void Gallop_from_outside_the_list_gets_an_argument_out_of_range_exception()
    {
        var list = new Update<int, int, Timestamp, long>[3];

        FluentActions.Invoking(() => SortedMerge.Gallop(list, -1, new KeyBound(0, inclusive: false)))
            .Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => SortedMerge.Gallop(list, 4, new KeyBound(0, inclusive: false)))
            .Should().Throw<ArgumentOutOfRangeException>();
    }

    /// <summary>Before the first key not below (or, inclusive, not at most) the key.</summary>
    private readonly struct KeyBound(int key, bool inclusive) : IUpdateBound<int, int, Timestamp, long>
    {
        public bool IsBefore(in Update<int, int, Timestamp, long> update) => inclusive ? update.Key <= key : update.Key < key;
    }
}
