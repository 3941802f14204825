using Traces.Conformance;
using static Traces.OrdNeu.Tests.OrdNeuTestData;

namespace Traces.OrdNeu.Tests;

using Batch = OrdValBatch<long, long, Timestamp, long>;
using Merger = OrdValMerger<OrdValBatch<long, long, Timestamp, long>, long, long, Timestamp, long, ArrayContainer<long>, ArrayContainer<long>>;

/// <summary>
/// The merge's copying loop (no time needs advancing: spans, counts in locals, runs of values in bulk) against
/// the advancing loop and against consolidation, with every fuel.
/// </summary>
[Trait("Part", "5")]
public sealed class OrdValMergerCopyingTests
{
    [Fact]
    public void The_copying_loop_with_fuel_one_equals_an_unlimited_merge_the_advancing_loop_and_consolidation()
    {
        ForRuns(60, (random, log) =>
        {
            // Many values per key and few times, so values come in runs (copied in bulk) and many are singletons.
            var first = RandomUpdates(random, random.Next(0, 500), keys: 12, vals: 40, times: 2).Select(u => u with { Diff = 1 }).ToList();
            var second = RandomUpdates(random, random.Next(0, 500), keys: 12, vals: 40, times: 2)
                .Select(u => u with { Time = u.Time.Value + 10, Diff = random.Next(2) == 0 ? 1 : -1 }).ToList();
            Batch older = BuildVal(first, FirstTen);
            Batch newer = BuildVal(second, SecondTen);

            // At the minimum frontier nothing advances: the copying loop.
            Antichain<Timestamp> none = Antichain<Timestamp>.AtMinimum();
            var expected = Consolidated(first.Concat(second));
            ShouldHoldAsBuilt(MergeWithFuelOne(older, newer, none), expected);
            ShouldHoldAsBuilt(MergeFully(Batch.BeginMerge(older, newer, none), older, newer).Done(), expected);

            // Compacting to 1 advances the older batch's times at 0: the advancing loop, with the same encoding.
            Antichain<Timestamp> one = [1UL];
            var compacted = Consolidated(Advanced(first.Concat(second), one));
            ShouldHoldAsBuilt(MergeWithFuelOne(older, newer, one), compacted);
            ShouldHoldAsBuilt(MergeFully(Batch.BeginMerge(older, newer, one), older, newer).Done(), compacted);
        });
    }

    [Fact]
    public void Singletons_whose_update_before_comes_from_the_other_batch_are_stored_again()
    {
        // Each batch stores one update; interleaved, no update repeats the one before, so the merge stores every
        // one of them: more than both inputs store, which the output's columns must grow for.
        var first = Enumerable.Range(0, 100).SelectMany(k => Enumerable.Range(0, 3).Select(v => new Update<long, long, Timestamp, long>(2 * k, v, 0UL, 1))).ToList();
        var second = Enumerable.Range(0, 100).Select(k => new Update<long, long, Timestamp, long>((2 * k) + 1, 0, 10UL, 1)).ToList();
        Batch older = BuildVal(first, FirstTen);
        Batch newer = BuildVal(second, SecondTen);
        older.Storage.StoredUpdateCount.Should().Be(1);
        newer.Storage.StoredUpdateCount.Should().Be(1);

        var expected = Consolidated(first.Concat(second));
        Batch byFuelOne = MergeWithFuelOne(older, newer, Antichain<Timestamp>.AtMinimum());
        Batch unlimited = MergeFully(Batch.BeginMerge(older, newer, Antichain<Timestamp>.AtMinimum()), older, newer).Done();

        ShouldHoldAsBuilt(byFuelOne, expected);
        ShouldHoldAsBuilt(unlimited, expected);
        unlimited.Storage.StoredUpdateCount.Should().Be(200, "each key's first value follows the other batch's update");
        unlimited.Storage.SingletonCount.Should().Be(200, "the second and third values of each even key repeat the first");
    }

    [Fact]
    public void Keys_and_values_in_both_batches_sum_and_cancel_in_the_copying_loop()
    {
        // Adjacent batches never share a time; these do, to check that the copying loop consolidates across
        // batches as the advancing loop does. Every other value cancels; the rest double.
        var first = Enumerable.Range(0, 40).Select(i => new Update<long, long, Timestamp, long>(i / 4, i % 4, 5UL, 1)).ToList();
        var second = first.Select(u => u with { Diff = u.Val % 2 == 0 ? -1 : 1 }).ToList();
        Batch older = BuildVal(first, FirstTen);
        Batch newer = BuildVal(second, SecondTen);

        var expected = Consolidated(first.Concat(second));
        expected.Should().HaveCount(20).And.OnlyContain(u => u.Diff == 2);
        Batch byFuelOne = MergeWithFuelOne(older, newer, Antichain<Timestamp>.AtMinimum());
        Batch unlimited = MergeFully(Batch.BeginMerge(older, newer, Antichain<Timestamp>.AtMinimum()), older, newer).Done();

        ShouldHoldAsBuilt(byFuelOne, expected);
        ShouldHoldAsBuilt(unlimited, expected);
        unlimited.Count.Should().Be(20, "cancelled updates are not written");
    }

    [Fact]
    public void A_copying_merge_stops_before_the_key_that_would_start_past_its_fuel()
    {
        // Keys of three values each (three logical updates, two of them singletons).
        var updates = Enumerable.Range(0, 30).Select(i => new Update<long, long, Timestamp, long>(i / 3, i % 3, 0UL, 1)).ToList();
        Batch older = BuildVal(updates, FirstTen);
        Batch newer = Batch.CreateEmpty(SecondTen);
        var merger = (Merger)Batch.BeginMerge(older, newer, Antichain<Timestamp>.AtMinimum());

        long fuel = 4;
        merger.Work(older, newer, ref fuel);
        merger.Effort.Should().Be(6, "the second key starts with effort 3 < 4, the third with 6");
        fuel.Should().Be(-2);
        merger.IsComplete.Should().BeFalse();

        fuel = 100;
        merger.Work(older, newer, ref fuel);
        fuel.Should().Be(76);
        ShouldHoldAsBuilt(merger.Done(), Consolidated(updates));
    }
}
