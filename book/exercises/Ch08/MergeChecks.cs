using Exercises.Ch07;
using Traces;
using Traces.OrdNeu;
using Batch = Traces.OrdNeu.OrdValBatch<long, long, Traces.Timestamp, long>;

namespace Exercises.Ch08;

#region fuel-check
/// <summary>
/// The check for a driver of your own: subclass it, merge the two batches with the given fuel per
/// call, return the result and the number of calls to <c>Work</c>, and run <c>dotnet test</c>.
/// </summary>
public abstract class FueledDriveCheck
{
    protected abstract (Batch Merged, int Calls) Merge(Batch older, Batch newer, long fuel);
#endregion

    [Theory]
    [Trait("Part", "exercises")]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(1000)]
    public void The_driver_merges_everything_in_about_effort_over_fuel_calls(long fuel)
    {
        var random = new Random(81);
        var a = TestBatches.Random(random, 300, 80, 0, 4);
        var b = TestBatches.Random(random, 300, 80, 4, 8);
        var (merged, calls) = Merge(TestBatches.Build(a, 0, 4), TestBatches.Build(b, 4, 8), fuel);
        var expected = a.Concat(b).ToList();
        Consolidation.Consolidate(expected);
        TestBatches.Read(merged).Should().Equal(expected);
        // Every call but the last spends at least its fuel; the last leaves some over.
        calls.Should().BeLessThanOrEqualTo((int)(merged.Count / fuel) + 1);
        calls.Should().BeGreaterThanOrEqualTo(
            (int)(merged.Count / (fuel + 8)) + 1, "a call overshoots by at most one key's updates");
    }
}

#region compact-check
/// <summary>
/// The check for compacting one batch alone: subclass it, return the batch compacted to the
/// frontier, and run <c>dotnet test</c>.
/// </summary>
public abstract class CompactAloneCheck
{
    protected abstract Batch Compact(Batch batch, Antichain<Timestamp> frontier);
#endregion

    [Theory]
    [Trait("Part", "exercises")]
    [InlineData(0UL)]
    [InlineData(3UL)]
    [InlineData(9UL)]
    public void A_compacted_batch_holds_its_updates_advanced_and_consolidated(ulong frontier)
    {
        var updates = TestBatches.Random(new Random(82), 600, 60, 0, 8);
        var batch = TestBatches.Build(updates, 0, 8);
        var compacted = Compact(batch, [frontier]);
        var expected = updates.Select(u => u with { Time = u.Time.Join(frontier) }).ToList();
        Consolidation.Consolidate(expected);
        TestBatches.Read(compacted).Should().Equal(expected);
        compacted.Description.Lower.SetEquals(batch.Description.Lower).Should().BeTrue();
        compacted.Description.Upper.SetEquals(batch.Description.Upper).Should().BeTrue();
        compacted.Description.Since.SetEquals([frontier]).Should().BeTrue();
    }

    [Fact]
    [Trait("Part", "exercises")]
    public void Churn_that_cancels_at_the_frontier_leaves_nothing()
    {
        var churn = new List<Update<long, long, Timestamp, long>>();
        for (long key = 0; key < 500; key++)
        {
            churn.Add(new(key, 1, 1, +1));
            churn.Add(new(key, 1, 2, -1));
        }

        var compacted = Compact(TestBatches.Build(churn, 0, 3), [2]);
        compacted.Count.Should().Be(0);
        compacted.Storage.StoredUpdateCount.Should().Be(0);
    }
}

/// <summary>The fuel check against the worked answer.</summary>
public sealed class FueledDriveAnswer : FueledDriveCheck
{
    protected override (Batch Merged, int Calls) Merge(Batch older, Batch newer, long fuel) =>
        FueledDrive.Merge<Batch, Timestamp>(older, newer, Antichain<Timestamp>.AtMinimum(), fuel);
}

/// <summary>The compaction check against the worked answer.</summary>
public sealed class CompactAloneAnswer : CompactAloneCheck
{
    protected override Batch Compact(Batch batch, Antichain<Timestamp> frontier) =>
        CompactAlone.Compact<Batch, Timestamp>(batch, frontier);
}

public sealed class MergeChecksCatch
{
    // Stops when a call spends all its fuel, which is not yet a sign that the merge is done.
    private sealed class StopsAtZero : FueledDriveCheck
    {
        protected override (Batch Merged, int Calls) Merge(Batch older, Batch newer, long fuel)
        {
            var merger = Batch.BeginMerge(older, newer, Antichain<Timestamp>.AtMinimum());
            int calls = 0;
            long left;
            do
            {
                left = fuel;
                merger.Work(older, newer, ref left);
                calls++;
            }
            while (left < 0);

            return (merger.Done(), calls);
        }
    }

    [Fact]
    [Trait("Part", "exercises")]
    public void A_driver_that_stops_when_the_fuel_is_exactly_spent_fails_the_check()
    {
        int failures = 0;
        for (long fuel = 1; fuel <= 20; fuel++)
        {
            try
            {
                new StopsAtZero().The_driver_merges_everything_in_about_effort_over_fuel_calls(fuel);
            }
            catch (InvalidOperationException)
            {
                failures++; // Done on a merge that is not complete
            }
        }

        failures.Should().BePositive();
    }
}
