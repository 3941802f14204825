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
}
