using System.Numerics;
using Traces.Conformance;
using static Traces.OrdNeu.Tests.OrdNeuTestData;

namespace Traces.OrdNeu.Tests;

using KeyBatch = OrdKeyBatch<long, Timestamp, long>;
using ValBatch = OrdValBatch<long, long, Timestamp, long>;
using BoxedBatch = OrdValBatch<long, long, MergePathTests.BoxedTime, BigInteger>;

/// <summary>
/// Every path of the one merge loop and the update layer it writes through, for both batch kinds: a key on one
/// side, a key on both sides with one value each (equal or not) or many, runs of values copied whole, singletons
/// stored again, updates copied or advanced (one input advanced and the other copied), and a comparison that
/// throws. Each merged batch must hold the consolidation of its inputs, encoded exactly as the builder encodes it.
/// </summary>
[Trait("Part", "5")]
public sealed class MergePathTests
{
    private static TBatch MergeAtOnce<TBatch>(TBatch older, TBatch newer, Antichain<Timestamp> frontier)
        where TBatch : class, IBatch<TBatch, Timestamp> =>
        MergeFully(TBatch.BeginMerge(older, newer, frontier), older, newer).Done();

    [Fact]
    public void Key_batches_merge_by_copying_and_by_advancing_as_they_consolidate()
    {
        ForRuns(40, (random, log) =>
        {
            // Few keys and times, so keys meet on both sides, cancel, and are often singletons.
            var first = RandomUpdates(random, random.Next(0, 200), keys: 30, vals: 1, times: 3);
            var second = RandomUpdates(random, random.Next(0, 200), keys: 30, vals: 1, times: 3)
                .Select(u => u with { Time = u.Time.Value + 10 }).ToList();
            KeyBatch older = BuildKeys(first, FirstTen);
            KeyBatch newer = BuildKeys(second, SecondTen);

            var copied = Consolidated(first.Concat(second).Select(u => u with { Val = 0 }));
            ShouldHoldAsBuilt(MergeWithFuelOne(older, newer, Antichain<Timestamp>.AtMinimum()), copied);
            ShouldHoldAsBuilt(MergeAtOnce(older, newer, Antichain<Timestamp>.AtMinimum()), copied);

            Antichain<Timestamp> frontier = [(ulong)random.Next(0, 14)];
            var advanced = Consolidated(Advanced(first.Concat(second), frontier).Select(u => u with { Val = 0 }));
            ShouldHoldAsBuilt(MergeWithFuelOne(older, newer, frontier), advanced);
            ShouldHoldAsBuilt(MergeAtOnce(older, newer, frontier), advanced);
        });
    }

    [Fact]
    public void Keys_with_one_value_on_each_side_merge_equal_values_and_copy_distinct_ones_in_order()
    {
        // Key k has value k % 3 in the older batch and value k % 2 in the newer one: equal for some keys (their
        // updates merge, or cancel when the diffs do), distinct for others (both copied, the smaller first).
        var first = Enumerable.Range(0, 60).Select(k => new Update<long, long, Timestamp, long>(k, k % 3, 1UL, 1)).ToList();
        var second = Enumerable.Range(0, 60).Select(k => new Update<long, long, Timestamp, long>(k, k % 2, k % 5 == 0 ? 1UL : 11UL, k % 7 == 0 ? -1 : 1)).ToList();
        ValBatch older = BuildVal(first, FirstTen);
        ValBatch newer = BuildVal(second, SecondTen);

        var expected = Consolidated(first.Concat(second));
        expected.Should().NotContain(u => u.Key == 0, "key 0 has value 0 at time 1 on both sides, +1 and -1");
        ShouldHoldAsBuilt(MergeWithFuelOne(older, newer, Antichain<Timestamp>.AtMinimum()), expected);
        ShouldHoldAsBuilt(MergeAtOnce(older, newer, Antichain<Timestamp>.AtMinimum()), expected);
    }

    [Fact]
    public void Owners_with_one_update_on_each_side_write_both_in_time_order_or_their_sum()
    {
        // Key k owns one update on each side: at time 5 in the older batch, and at time 4, 5 or 6 in the newer
        // one (a batch may hold a time before an older batch's; nothing in a merge that copies relies on the
        // descriptions). Time 4 is written before 5, 6 after it; at 5 the diffs sum, and cancel for even keys.
        var first = Enumerable.Range(0, 48).Select(k => new Update<long, long, Timestamp, long>(k, 0, 5UL, 1)).ToList();
        var second = Enumerable.Range(0, 48).Select(k => new Update<long, long, Timestamp, long>(k, 0, (ulong)(4 + k % 3), k % 2 == 0 ? -1 : 1)).ToList();
        var expected = Consolidated(first.Concat(second));
        expected.Should().NotContain(u => u.Key == 4, "key 4 has +1 and -1 at time 5");
        expected.Should().Contain(u => u.Key == 1 && u.Time == 5UL && u.Diff == 2, "key 1 has +1 twice at time 5");

        ShouldMergeWithoutAdvancing(first, second, expected);
    }

    [Fact]
    public void Owners_with_several_updates_interleave_by_time_sum_at_equal_times_and_vanish_when_all_cancel()
    {
        // Key k owns times 1, 3 and 5 (+1 each) in the older batch; in the newer one, by k % 4: times 2 and 4
        // (between the older ones), times 1, 3 and 5 with -1 (everything cancels and the key vanishes), times 3
        // and 6 (at 3 the diffs sum to 2; 6 comes last), times 0 and 5 with -1 (0 comes first; 5 cancels).
        ulong[][] newerTimes = [[2, 4], [1, 3, 5], [3, 6], [0, 5]];
        long[] newerDiffs = [1, -1, 1, -1];
        var first = (from k in Enumerable.Range(0, 48)
                     from t in new ulong[] { 1, 3, 5 }
                     select new Update<long, long, Timestamp, long>(k, 0, t, 1)).ToList();
        var second = (from k in Enumerable.Range(0, 48)
                      from t in newerTimes[k % 4]
                      select new Update<long, long, Timestamp, long>(k, 0, t, newerDiffs[k % 4])).ToList();
        var expected = Consolidated(first.Concat(second));
        expected.Should().NotContain(u => u.Key % 4 == 1, "keys 1, 5, 9, ... cancel at every time");
        expected.Where(u => u.Key == 0).Select(u => u.Time.Value).Should().Equal(1UL, 2UL, 3UL, 4UL, 5UL);
        expected.Should().Contain(u => u.Key == 2 && u.Time == 3UL && u.Diff == 2, "key 2 has +1 twice at time 3");
        expected.Where(u => u.Key == 3).Select(u => u.Time.Value).Should().Equal(0UL, 1UL, 3UL);

        ShouldMergeWithoutAdvancing(first, second, expected);
    }

    [Fact]
    public void A_merge_that_stores_more_singletons_again_than_it_reserved_room_for_grows_its_update_columns()
    {
        // MergeCapacity reserves room for one stored-again singleton per owner of the other input. Here the older
        // batch's keys 1 and 2 are singletons (time 1, as key 0); key 1 merges with the newer batch's only owner,
        // and key 2, which follows it, must be stored again as well: one update more than reserved. The columns
        // must grow in the range copy of key 3's two updates in the first case, and in the merge of key 3's one
        // update with two in the second.
        static Update<long, long, Timestamp, long> At(long key, ulong time) => new(key, 0, time, 1);
        List<Update<long, long, Timestamp, long>> copied = [At(0, 1), At(1, 1), At(2, 1), At(3, 1), At(3, 5)];
        ShouldMergeWithoutAdvancing(copied, [At(1, 2)], Consolidated(copied.Append(At(1, 2))));

        List<Update<long, long, Timestamp, long>> older = [At(0, 1), At(1, 1), At(2, 1), At(3, 1)];
        List<Update<long, long, Timestamp, long>> newer = [At(1, 2), At(3, 2), At(3, 3)];
        ShouldMergeWithoutAdvancing(older, newer, Consolidated(older.Concat(newer)));
    }

    [Fact]
    public void Times_and_diffs_that_hold_references_are_dropped_from_the_columns_as_plain_ones_are()
    {
        // A boxed time and a BigInteger diff hold references, so the update layer clears the ones it drops (a
        // singleton's repeat, updates that cancel) rather than leave them for the collector to find. Every key
        // repeats key 0's update at time 1 (singletons); odd keys cancel at time 3 when merged, and when advanced
        // to 4 every key's updates collapse into one.
        static Update<long, long, BoxedTime, BigInteger> At(long key, ulong time, BigInteger diff) => new(key, 0, new(time), diff);
        var first = Enumerable.Range(0, 40)
            .SelectMany(k => new[] { At(k, 1, BigInteger.One << 70), At(k, 3, k % 2) })
            .Where(u => u.Diff != 0).ToList();
        var second = Enumerable.Range(0, 40)
            .Select(k => At(k, 3, -(k % 2) + (k % 3 == 0 ? 5 : 0)))
            .Where(u => u.Diff != 0).ToList();

        var older = BuildBoxed(first, Describe<BoxedTime>([new(0)], [new(10)]));
        var newer = BuildBoxed(second, Describe<BoxedTime>([new(10)], [new(20)]));
        ReadBoxed(older).Should().Equal(Consolidated(first));
        foreach (Antichain<BoxedTime> frontier in new[] { Antichain<BoxedTime>.AtMinimum(), [new(4)] })
        {
            var merged = MergeFully(BoxedBatch.BeginMerge(older, newer, frontier), older, newer).Done();
            ReadBoxed(merged).Should().Equal(Consolidated(Advanced(first.Concat(second), frontier)));
        }

        static BoxedBatch BuildBoxed(List<Update<long, long, BoxedTime, BigInteger>> updates, Description<BoxedTime> description) =>
            Build(BoxedBatch.CreateBuilder(updates.Count, updates.Count, updates.Count), updates, description);

        static List<Update<long, long, BoxedTime, BigInteger>> ReadBoxed(BoxedBatch batch) =>
            Contents<OrdValCursor<long, long, BoxedTime, BigInteger, ArrayContainer<long>, ArrayContainer<long>>,
                long, long, BoxedTime, BigInteger>(batch.GetCursor());
    }

    // Merges batches of each kind built from `older` and `newer` at a frontier that advances nothing, with fuel 1
    // and at once, and checks that each result holds `expected`, encoded as the builder encodes it.
    private static void ShouldMergeWithoutAdvancing(
        List<Update<long, long, Timestamp, long>> older,
        List<Update<long, long, Timestamp, long>> newer,
        List<Update<long, long, Timestamp, long>> expected)
    {
        ValBatch olderVals = BuildVal(older, FirstTen);
        ValBatch newerVals = BuildVal(newer, SecondTen);
        ShouldHoldAsBuilt(MergeWithFuelOne(olderVals, newerVals, Antichain<Timestamp>.AtMinimum()), expected);
        ShouldHoldAsBuilt(MergeAtOnce(olderVals, newerVals, Antichain<Timestamp>.AtMinimum()), expected);

        KeyBatch olderKeys = BuildKeys(older, FirstTen);
        KeyBatch newerKeys = BuildKeys(newer, SecondTen);
        ShouldHoldAsBuilt(MergeWithFuelOne(olderKeys, newerKeys, Antichain<Timestamp>.AtMinimum()), expected);
        ShouldHoldAsBuilt(MergeAtOnce(olderKeys, newerKeys, Antichain<Timestamp>.AtMinimum()), expected);
    }

    [Fact]
    public void Keys_with_many_values_merge_value_by_value_and_keys_on_one_side_copy_their_values_as_a_run()
    {
        ForRuns(40, (random, log) =>
        {
            // Even keys only in the older batch (copied whole, values as a run), odd keys on both sides with many
            // values each (the value loop), a few times so that runs hold singletons.
            var first = RandomUpdates(random, random.Next(0, 300), keys: 16, vals: 12, times: 2).Select(u => u with { Diff = 1 }).ToList();
            var second = RandomUpdates(random, random.Next(0, 300), keys: 16, vals: 12, times: 2)
                .Where(u => u.Key % 2 == 1).Select(u => u with { Time = u.Time.Value + 10 }).ToList();
            ValBatch older = BuildVal(first, FirstTen);
            ValBatch newer = BuildVal(second, SecondTen);

            var expected = Consolidated(first.Concat(second));
            ShouldHoldAsBuilt(MergeWithFuelOne(older, newer, Antichain<Timestamp>.AtMinimum()), expected);
            ShouldHoldAsBuilt(MergeAtOnce(older, newer, Antichain<Timestamp>.AtMinimum()), expected);
        });
    }

    [Fact]
    public void An_input_already_compacted_to_the_output_since_is_copied_while_the_other_is_advanced()
    {
        // The older batch is itself a merge compacted to {5}; merging it with a fresh batch at frontier {5}
        // leaves its times as they are (copied) and advances the newer batch's (a time of 2, sealed late).
        var first = Enumerable.Range(0, 40).Select(i => new Update<long, long, Timestamp, long>(i / 4, i % 4, (ulong)(i % 5), 1)).ToList();
        var firstHalf = first.Where(u => u.Time.Value < 3).ToList();
        var secondHalf = first.Where(u => u.Time.Value >= 3).Select(u => u with { Time = u.Time.Value + 3 }).ToList();
        Antichain<Timestamp> five = [5UL];
        ValBatch compacted = MergeAtOnce(BuildVal(firstHalf, Describe<Timestamp>([0], [3])), BuildVal(secondHalf, Describe<Timestamp>([3], [10])), five);
        compacted.Description.Since.SetEquals(five).Should().BeTrue();

        var late = Enumerable.Range(0, 30).Select(i => new Update<long, long, Timestamp, long>(i / 3, i % 3, i % 2 == 0 ? 2UL : 12UL, -1)).ToList();
        ValBatch newer = BuildVal(late, SecondTen);
        var merged = MergeWithFuelOne(compacted, newer, five);

        var expected = Consolidated(Advanced(firstHalf.Concat(secondHalf).Concat(late), five));
        ShouldHoldAsBuilt(merged, expected);
        Contents(merged).Should().OnlyContain(u => u.Time.Value >= 5, "every time lies in the description's since");
    }

    [Fact]
    public void A_comparison_that_throws_during_Work_leaves_the_inputs_as_they_were_and_the_merger_refusing_to_go_on()
    {
        var older = Build(OrdValBatch<Touchy, long, Timestamp, long>.CreateBuilder(2, 2, 2),
            [new(new Touchy(1), 0, 0UL, 1), new(new Touchy(7), 0, 0UL, 1)], FirstTen);
        var newer = Build(OrdValBatch<Touchy, long, Timestamp, long>.CreateBuilder(1, 1, 1),
            [new(new Touchy(8), 0, 10UL, 1)], SecondTen);
        var merger = OrdValBatch<Touchy, long, Timestamp, long>.BeginMerge(older, newer, Antichain<Timestamp>.AtMinimum());

        long fuel = long.MaxValue;
        var work = () => merger.Work(older, newer, ref fuel);
        work.Should().Throw<InvalidOperationException>().WithMessage("*7 and 8*");
        work.Should().Throw<InvalidOperationException>().WithMessage("*earlier call to Work*");
        merger.Invoking(m => m.Done()).Should().Throw<InvalidOperationException>().WithMessage("*earlier call to Work*");
        older.Count.Should().Be(2);
        newer.Count.Should().Be(1);
        older.Storage.KeyAt(1).Should().Be(new Touchy(7));
    }

    [Fact]
    public void A_merge_stops_for_fuel_while_copying_the_rest_of_either_input()
    {
        // Keys of three values each (three logical updates, two of them singletons), on one side only: once the
        // other side is exhausted the rest is copied key by key, and the fuel still stops it before a key.
        var updates = Enumerable.Range(0, 30).Select(i => new Update<long, long, Timestamp, long>(i / 3, i % 3, 0UL, 1)).ToList();
        foreach (bool inNewer in new[] { false, true })
        {
            ValBatch older = inNewer ? ValBatch.CreateEmpty(FirstTen) : BuildVal(updates, FirstTen);
            ValBatch newer = inNewer ? BuildVal(updates.Select(u => u with { Time = 10UL }), SecondTen) : ValBatch.CreateEmpty(SecondTen);
            var merger = ValBatch.BeginMerge(older, newer, Antichain<Timestamp>.AtMinimum());

            long fuel = 3;
            merger.Work(older, newer, ref fuel);
            fuel.Should().Be(0, "the first key writes exactly the fuel, and the second may not start");
            fuel = 4;
            merger.Work(older, newer, ref fuel);
            fuel.Should().Be(-2, "the second key starts with effort 0 < 4 and the third with 3 < 4");

            // Unlimited fuel once some effort is spent: the limit must not overflow.
            fuel = long.MaxValue;
            merger.Work(older, newer, ref fuel);
            fuel.Should().Be(long.MaxValue - 21);
            merger.Done().Count.Should().Be(30);
        }
    }

    [Fact]
    public void A_merge_stops_for_fuel_while_both_inputs_have_keys()
    {
        // Even keys in the older batch, odd keys in the newer, three values each: every key is copied from one
        // side while the other still has keys, and the fuel stops the merge before a key, exactly.
        var updates = Enumerable.Range(0, 60).Select(i => new Update<long, long, Timestamp, long>(i / 3, i % 3, 0UL, 1)).ToList();
        ValBatch older = BuildVal(updates.Where(u => u.Key % 2 == 0), FirstTen);
        ValBatch newer = BuildVal(updates.Where(u => u.Key % 2 == 1).Select(u => u with { Time = 10UL }), SecondTen);
        var merger = ValBatch.BeginMerge(older, newer, Antichain<Timestamp>.AtMinimum());

        long fuel = 3;
        merger.Work(older, newer, ref fuel);
        fuel.Should().Be(0, "key 0 writes exactly the fuel, and key 1 may not start");
        fuel = 4;
        merger.Work(older, newer, ref fuel);
        fuel.Should().Be(-2, "keys 1 and 2 start below the limit, key 3 at it");
        fuel = 1;
        merger.Work(older, newer, ref fuel);
        fuel.Should().Be(-2);
    }

    [Fact]
    public void An_advanced_owner_with_many_updates_is_sorted_and_consolidated_whole()
    {
        // One key with 40 updates at 40 times (more than the stash first holds), advanced to 30: the thirty before
        // 30 join the one at 30, and the nine after stay as they are.
        var updates = Enumerable.Range(0, 40).Select(t => new Update<long, long, Timestamp, long>(1, 0, (ulong)t, 1)).ToList();
        KeyBatch older = BuildKeys(updates, Describe<Timestamp>([0], [40]));
        KeyBatch newer = KeyBatch.CreateEmpty(Describe<Timestamp>([40], [50]));
        Antichain<Timestamp> frontier = [30UL];

        var merged = MergeAtOnce(older, newer, frontier);
        ShouldHoldAsBuilt(merged, Consolidated(Advanced(updates, frontier)));
        merged.Storage.StoredUpdateCount.Should().Be(10);
    }

    [Fact]
    public void Beginning_a_merge_checks_each_argument()
    {
        ValBatch batch = BuildVal([new(1, 0, 0UL, 1)], FirstTen);
        ValBatch next = ValBatch.CreateEmpty(SecondTen);
        var noOlder = () => ValBatch.BeginMerge(null!, next, Antichain<Timestamp>.AtMinimum());
        var noNewer = () => ValBatch.BeginMerge(batch, null!, Antichain<Timestamp>.AtMinimum());
        var noFrontier = () => ValBatch.BeginMerge(batch, next, null!);
        noOlder.Should().Throw<ArgumentNullException>().WithParameterName("older");
        noNewer.Should().Throw<ArgumentNullException>().WithParameterName("newer");
        noFrontier.Should().Throw<ArgumentNullException>().WithParameterName("frontier");
    }

    /// <summary>A key whose comparison throws for one pair, 7 and 8, as a faulty user type might.</summary>
    private readonly record struct Touchy(long Value) : IComparable<Touchy>
    {
        public int CompareTo(Touchy other) =>
            (Value, other.Value) is (7, 8) or (8, 7)
                ? throw new InvalidOperationException("Touchy cannot compare 7 and 8.")
                : Value.CompareTo(other.Value);
    }

    /// <summary>A time that is a reference: a totally ordered count in a box.</summary>
    internal sealed record BoxedTime(ulong Value) : ILattice<BoxedTime>
    {
        public static BoxedTime Minimum { get; } = new(0);

        public bool LessEqual(BoxedTime other) => Value <= other.Value;

        public BoxedTime Join(BoxedTime other) => Value >= other.Value ? this : other;

        public BoxedTime Meet(BoxedTime other) => Value <= other.Value ? this : other;

        public int CompareTo(BoxedTime? other) => other is null ? 1 : Value.CompareTo(other.Value);
    }
}
