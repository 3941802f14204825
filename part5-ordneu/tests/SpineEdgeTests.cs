using Traces.OrdNeu.Tests.SpineTestBatch;

namespace Traces.OrdNeu.Tests;

/// <summary>
/// The spine's edges that the randomized runs do not pin down: counts and summaries while a merge is in progress,
/// what an exertion of nothing does, bounds at the minimum, empty batches, and the messages of rejected calls.
/// </summary>
[Trait("Part", "5")]
public sealed class SpineEdgeTests
{
    private static Update<ulong, ulong, Timestamp, long> U(ulong key, ulong val, ulong time, long diff) => new(key, val, time, diff);

    // Two single-update batches merging at level 0, the merge not yet paid for.
    private static Spine<TestBatch, Timestamp> MergingAtLevelZero()
    {
        var spine = new Spine<TestBatch, Timestamp>();
        spine.Insert(TestBatch.From([U(1, 1, 0, 1)], 0, 1));
        spine.Insert(TestBatch.From([U(2, 1, 1, 1)], 1, 2));
        spine.SetPhysicalCompaction([2]);
        spine.InspectLevel(0).Merger.Should().NotBeNull();
        return spine;
    }

    [Fact]
    public void A_level_with_a_merge_in_progress_counts_both_inputs_and_summarizes_as_two_batches()
    {
        var spine = MergingAtLevelZero();

        spine.Count.Should().Be(2);
        spine.Summaries().Should().ContainSingle().Which.Should().Be(new SpineLevelSummary(0, 2, 2));
        spine.Batches().Should().HaveCount(2);
    }

    [Fact]
    public void Count_includes_the_pending_batches()
    {
        var spine = new Spine<TestBatch, Timestamp>();
        spine.Insert(TestBatch.From([U(1, 1, 0, 1), U(2, 1, 0, 1)], 0, 1));
        spine.Insert(TestBatch.From([U(3, 1, 1, 1)], 1, 2));

        spine.PendingCount.Should().Be(2);
        spine.Count.Should().Be(3);
    }

    [Fact]
    public void Fueled_merges_count_the_effort_they_spend()
    {
        var spine = MergingAtLevelZero();
        spine.FueledEffort.Should().Be(0);

        spine.Insert(TestBatch.From([U(3, 1, 2, 1)], 2, 3));
        spine.SetPhysicalCompaction([3]);

        spine.FueledEffort.Should().Be(2, "the merge of two updates wrote two");
        spine.Count.Should().Be(3);
    }

    [Fact]
    public void Exert_with_logic_that_asks_for_no_work_changes_nothing()
    {
        var spine = new Spine<TestBatch, Timestamp>();
        spine.SetPhysicalCompaction([]);
        spine.Insert(TestBatch.From([U(1, 1, 0, 1)], 0, 1));
        var before = spine.Summaries().ToList();

        foreach (long? answer in new long?[] { 0, -5, null })
        {
            spine.ExertLogic = _ => answer;
            spine.Exert();
            spine.Summaries().Should().Equal(before, "an exertion of {0} does nothing", answer);
            spine.FueledMerges.Should().Be(0);
        }
    }

    [Fact]
    public void Exert_pays_fuel_to_a_merge_in_progress_rather_than_adding_a_placeholder()
    {
        var spine = MergingAtLevelZero();
        spine.ExertLogic = _ => 1_000;

        spine.Exert();

        spine.FueledMerges.Should().Be(1);
        spine.Batches().Should().ContainSingle().Which.Count.Should().Be(2);
        spine.Summaries().Should().OnlyContain(level => level.Batches <= 1);
    }

    [Fact]
    public void A_bound_at_the_minimum_returns_nothing_even_after_the_physical_frontier_moved_on()
    {
        var spine = new Spine<TestBatch, Timestamp>();
        spine.Insert(TestBatch.From([U(1, 1, 0, 1)], 0, 5));
        spine.SetPhysicalCompaction([5]);

        spine.BatchesThrough([0]).Should().BeEmpty();
        spine.BatchesThrough([5]).Should().ContainSingle();
    }

    [Fact]
    public void Empty_batches_fuse_at_the_lowest_level_instead_of_spending_levels()
    {
        var spine = new Spine<TestBatch, Timestamp>();
        spine.SetPhysicalCompaction([]);
        for (ulong t = 0; t < 40; t++)
        {
            spine.Insert(TestBatch.From([], t, t + 1));
        }

        spine.LevelCount.Should().Be(1);
        spine.Summaries().Should().ContainSingle().Which.Batches.Should().Be(1);
        spine.Batches().Should().BeEmpty();
        spine.Upper.SetEquals([40]).Should().BeTrue();
    }

    [Fact]
    public void An_empty_batch_above_data_fuses_with_the_empty_level_and_keeps_the_data()
    {
        var spine = new Spine<TestBatch, Timestamp>();
        spine.SetPhysicalCompaction([]);
        spine.Insert(TestBatch.From([U(1, 1, 0, 1), U(2, 1, 0, 1), U(3, 1, 0, 1), U(4, 1, 0, 1)], 0, 1));
        int levels = spine.LevelCount;
        for (ulong t = 1; t < 20; t++)
        {
            spine.Insert(TestBatch.From([], t, t + 1));
        }

        spine.LevelCount.Should().BeLessThanOrEqualTo(levels + 1, "empty batches do not each take a level");
        spine.Count.Should().Be(4);
        spine.Batches().Should().ContainSingle().Which.Updates.Select(u => u.Key).Should().Equal(1UL, 2UL, 3UL, 4UL);
    }

    [Fact]
    public void An_effort_below_one_and_a_null_bound_are_rejected()
    {
        FluentActions.Invoking(() => new Spine<TestBatch, Timestamp>(effort: 0))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("effort");
        new Spine<TestBatch, Timestamp>().Invoking(s => s.BatchesThrough(null!))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("upper");
    }

    [Fact]
    public void Rejected_calls_say_what_was_wrong_with_the_frontiers_involved()
    {
        var spine = new Spine<TestBatch, Timestamp>();
        spine.Insert(TestBatch.From([U(1, 1, 0, 1)], 0, 2));

        spine.Invoking(s => s.Insert(TestBatch.From([U(1, 1, 3, 1)], 3, 4)))
            .Should().Throw<ArgumentException>().WithMessage("The batch [{3}, {4}) * does not start where the spine ends ({2})*");
        spine.Insert(TestBatch.From([U(1, 1, 3, 1)], 2, 5));
        spine.Invoking(s => s.BatchesThrough([3]))
            .Should().Throw<ArgumentException>().WithMessage("The bound {3} falls inside the batch [{2}, {5})*");
        spine.SetPhysicalCompaction([5]);
        spine.Invoking(s => s.BatchesThrough([2]))
            .Should().Throw<ArgumentException>().WithMessage("*{5}: batches there may already be merged.*");
    }
}
