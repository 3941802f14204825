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
}
