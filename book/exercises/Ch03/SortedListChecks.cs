using Traces;
using Traces.Sorted;

namespace Exercises.Ch03;

/// <summary>Exercise 3.1: the merge factor, measured on part 2's rule.</summary>
[Trait("Part", "exercises")]
public sealed class MergeRuleTests
{
    [Fact]
    public void With_factor_2_the_rule_stacks_lists_as_part_2_does()
    {
        var trace = new SortedTrace<long, long, Timestamp, long>();
        for (int add = 1; add <= 300; add++)
        {
            trace.Add([new(add, 0, 0, 1)]);
            trace.ListLengths().Select(static l => (long)l).Should().Equal(MergeRule.LengthsAfter(2, add), $"after {add} adds");
        }
    }

    [Fact]
    public void Factor_4_halves_the_lists_and_copies_about_a_quarter_more()
    {
        var (lists2, copied2) = MergeRule.Run(2, 1 << 16);
        var (lists4, copied4) = MergeRule.Run(4, 1 << 16);
        lists2.Should().Be(16);
        copied2.Should().Be(16.0);
        lists4.Should().Be(8);
        copied4.Should().BeInRange(19.5, 20.0);
    }
}

/// <summary>Exercise 3.2: the merge that allocates one array, and part 2's merge failing the same check.</summary>
[Trait("Part", "exercises")]
public sealed class OneAllocationMergeAnswer : OneAllocationMergeCheck
{
    protected override Update<long, long, Timestamp, long>[] Merge(
        ReadOnlySpan<Update<long, long, Timestamp, long>> left,
        ReadOnlySpan<Update<long, long, Timestamp, long>> right) =>
        OneAllocationMerge.Merge(left, right);

    [Fact]
    public void Part_2s_merge_allocates_a_second_array_when_updates_cancel()
    {
        var partTwo = new PartTwoMerge();
        partTwo.It_merges_as_part_2_does();
        partTwo.Invoking(static c => c.It_allocates_one_array_of_exactly_the_result()).Should().Throw<Exception>();
    }

    private sealed class PartTwoMerge : OneAllocationMergeCheck
    {
        protected override Update<long, long, Timestamp, long>[] Merge(
            ReadOnlySpan<Update<long, long, Timestamp, long>> left,
            ReadOnlySpan<Update<long, long, Timestamp, long>> right) =>
            SortedMerge.Merge(left, right);
    }
}

/// <summary>Exercise 3.3: the range scan, and a scan that forgets to consolidate across lists failing the check.</summary>
[Trait("Part", "exercises")]
public sealed class RangeScanAnswer : RangeScanCheck
{
    protected override IReadOnlyList<Update<long, long, Timestamp, long>> Scan(
        IReadOnlyList<Update<long, long, Timestamp, long>[]> lists, long from, long to) =>
        RangeScan.Scan(lists, from, to);

    [Fact]
    public void A_scan_that_only_sorts_the_runs_fails_the_check()
    {
        new SortOnly().Invoking(static c => c.A_key_that_cancels_across_lists_is_not_in_the_range())
            .Should().Throw<Exception>();
    }

    private sealed class SortOnly : RangeScanCheck
    {
        protected override IReadOnlyList<Update<long, long, Timestamp, long>> Scan(
            IReadOnlyList<Update<long, long, Timestamp, long>[]> lists, long from, long to) =>
            [.. lists.SelectMany(static l => l).Where(u => u.Key >= from && u.Key < to)
                .Order(default(UpdateOrder<long, long, Timestamp, long>))];
    }
}
