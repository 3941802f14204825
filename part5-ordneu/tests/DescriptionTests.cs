using Traces.Conformance;
using static Traces.OrdNeu.Tests.OrdNeuTestData;

namespace Traces.OrdNeu.Tests;

using KeyBatch = OrdKeyBatch<long, Timestamp, long>;
using KeyCursor = OrdKeyCursor<long, Timestamp, long, ArrayContainer<long>>;
using ValBatch = OrdValBatch<long, long, Timestamp, long>;

/// <summary>
/// A batch's upper bounds its times (before advancing) and its times are advanced by its since; its lower bounds
/// nothing, because a trace seals a late update (at a time before a bound already sealed) into the next batch.
/// </summary>
[Trait("Part", "5")]
public sealed class DescriptionTests
{
    private static readonly Antichain<Timestamp> Three = [3];

    // The older batch covers [0, 5); the newer one, sealed from 5 to 10, holds late updates at time 2, one of them
    // for a key the older batch does not have, so the merge copies it rather than merging it.
    private static readonly List<Update<long, long, Timestamp, long>> Older = [new(1, 1, 1UL, 1)];
    private static readonly List<Update<long, long, Timestamp, long>> Newer = [new(1, 1, 2UL, 1), new(2, 1, 7UL, 1), new(3, 1, 2UL, 1)];

    private static void TimesLieInTheDescription(IEnumerable<Timestamp> times, Description<Timestamp> description)
    {
        foreach (var time in times)
        {
            time.AdvanceBy(description.Since).Should().Be(time, "every time in {0} is advanced by its since", description);

            // Before advancing, no time is at or beyond the upper; advancing moves a time at most to the since.
            (!description.Upper.LessEqual(time) || description.Since.Elements.Contains(time))
                .Should().BeTrue("time {0} in {1} is before its upper, or the since it was advanced to", time, description);
        }
    }

    [Fact]
    public void A_merged_value_batch_advances_a_late_update_by_its_since()
    {
        var older = BuildVal(Older, Describe<Timestamp>([0], [5]));
        var newer = BuildVal(Newer, Describe<Timestamp>([5], [10]));
        var merged = MergeFully(ValBatch.BeginMerge(older, newer, Three), older, newer).Done();

        merged.Description.ToString().Should().Be(new Description<Timestamp>([0], [10], Three).ToString());
        var contents = Contents(merged);
        TimesLieInTheDescription(contents.Select(u => u.Time), merged.Description);
        contents.Should().Equal(Consolidated(Advanced(Older.Concat(Newer), Three)));
        contents.Should().Equal(new Update<long, long, Timestamp, long>(1, 1, 3UL, 2), new(2, 1, 7UL, 1), new(3, 1, 3UL, 1));
    }

    [Fact]
    public void A_merged_key_batch_advances_a_late_update_by_its_since()
    {
        static KeyBatch Build(List<Update<long, long, Timestamp, long>> updates, Description<Timestamp> description) =>
            OrdNeuTestData.Build(KeyBatch.CreateBuilder(4, 4), updates.Select(u => new Update<long, Unit, Timestamp, long>(u.Key, Unit.Value, u.Time, u.Diff)), description);

        var older = Build(Older, Describe<Timestamp>([0], [5]));
        var newer = Build(Newer, Describe<Timestamp>([5], [10]));
        var merged = MergeFully(KeyBatch.BeginMerge(older, newer, Three), older, newer).Done();

        var contents = Contents<KeyCursor, long, Unit, Timestamp, long>(merged.GetCursor());
        TimesLieInTheDescription(contents.Select(u => u.Time), merged.Description);
        contents.Select(u => (u.Key, u.Time, u.Diff)).Should().Equal((1L, (Timestamp)3UL, 2L), (2L, (Timestamp)7UL, 1L), (3L, (Timestamp)3UL, 1L));
    }

    [Fact]
    public void Every_batch_a_spine_merges_holds_times_advanced_by_its_since()
    {
        ForRuns(20, (random, log) =>
        {
            var spine = new Spine<ValBatch, Timestamp>(1, SpineMergePolicy.Eager);
            var all = new List<Update<long, long, Timestamp, long>>();
            ulong frontier = 0;
            for (ulong bound = 1; bound <= 40; bound++)
            {
                // Times up to the new bound, some of them late (before the previous bound).
                var updates = RandomUpdates(random, random.Next(0, 20), keys: 10, vals: 3, times: (int)bound);
                all.AddRange(updates);
                spine.Insert(BuildVal(updates, Describe<Timestamp>([bound - 1], [bound])));
                if (random.Next(4) == 0)
                {
                    frontier += (ulong)random.Next(0, 3);
                    frontier = Math.Min(frontier, bound);
                    spine.SetLogicalCompaction([frontier]);
                }

                spine.SetPhysicalCompaction([bound]);
                foreach (var batch in spine.Batches())
                {
                    TimesLieInTheDescription(Contents(batch).Select(u => u.Time), batch.Description);
                }
            }

            var read = Consolidated(Advanced(spine.Batches().SelectMany(Contents), [frontier]));
            read.Should().Equal(Consolidated(Advanced(all, [frontier])));
        });
    }

    [Fact]
    public void A_caller_cannot_change_a_descriptions_antichains()
    {
        var builder = new AntichainBuilder<Product<Timestamp, Timestamp>>();
        builder.Insert(new(2, 0));
        builder.Insert(new(0, 2));
        var description = new Description<Product<Timestamp, Timestamp>>(
            Antichain<Product<Timestamp, Timestamp>>.AtMinimum(), builder.ToAntichain(), [new(1, 1)]);
        string before = description.ToString();

        // The builder the upper came from goes on; the description does not follow it.
        builder.Insert(new(0, 0)).Should().BeTrue();
        description.ToString().Should().Be(before);
        description.Upper.Elements.ToArray().Should().Equal(new Product<Timestamp, Timestamp>(2, 0), new(0, 2));

        // Every read hands out the same instance, and that instance has nothing to call that changes it.
        description.Upper.Should().BeSameAs(description.Upper);
        description.Lower.Should().BeSameAs(Antichain<Product<Timestamp, Timestamp>>.AtMinimum());
        typeof(Antichain<Product<Timestamp, Timestamp>>).GetMethods()
            .Where(m => !m.IsStatic && m.DeclaringType == typeof(Antichain<Product<Timestamp, Timestamp>>))
            .Should().OnlyContain(m => m.Name.StartsWith("get_", StringComparison.Ordinal) || m.Name == "GetEnumerator"
                || m.Name == "LessEqual" || m.Name == "LessThan" || m.Name == "SetEquals" || m.Name == "ToString");
        description.ToString().Should().Be(before);
    }

    [Fact]
    public void Reading_the_frontiers_of_a_description_and_a_spine_allocates_nothing()
    {
        var description = Describe<Timestamp>([0], [5]);
        var spine = new Spine<ValBatch, Timestamp>();
        spine.Insert(BuildVal(Older, description));
        spine.Upper.Should().BeSameAs(description.Upper, "the spine keeps the inserted batch's upper");

        int count = 0;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            count += spine.Upper.Count + spine.LogicalCompaction.Count + spine.PhysicalCompaction.Count;
            count += description.Lower.Count + description.Upper.Count + description.Since.Count;
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        allocated.Should().Be(0, "each read returns the instance kept");
        count.Should().Be(6000);
    }
}
