using Traces.Conformance;
using static Traces.OrdNeu.Tests.OrdNeuTestData;

namespace Traces.OrdNeu.Tests;

using Batch = OrdValBatch<long, long, Timestamp, long>;
using PBatch = OrdValBatch<long, long, Product<Timestamp, Timestamp>, long>;
using PTime = Product<Timestamp, Timestamp>;

[Trait("Part", "5")]
public sealed class OrdValMergerTests
{
    private static List<Update<long, long, Timestamp, long>> Shifted(List<Update<long, long, Timestamp, long>> updates, ulong by) =>
        updates.Select(u => u with { Time = u.Time.Value + by }).ToList();

    [Fact]
    public void Merging_two_batches_equals_consolidating_their_concatenation()
    {
        ForRuns(60, (random, log) =>
        {
            var first = RandomUpdates(random, random.Next(0, 400), keys: 50, vals: 5, times: 10);
            var second = Shifted(RandomUpdates(random, random.Next(0, 400), keys: 50, vals: 5, times: 10), 10);
            Batch older = BuildVal(first, FirstTen);
            Batch newer = BuildVal(second, SecondTen);

            var merger = Batch.BeginMerge(older, newer, Antichain<Timestamp>.AtMinimum());
            Batch merged = MergeFully(merger, older, newer).Done();

            var expected = Consolidated(first.Concat(second));
            Contents(merged).Should().Equal(expected);
            merged.Count.Should().Be(expected.Count);
            merged.Description.Lower.SetEquals(FirstTen.Lower).Should().BeTrue();
            merged.Description.Upper.SetEquals(SecondTen.Upper).Should().BeTrue();
        });
    }

    [Fact]
    public void A_merge_driven_with_fuel_one_equals_an_unlimited_merge_and_advancing_every_time_by_the_frontier()
    {
        ForRuns(60, (random, log) =>
        {
            var first = RandomUpdates(random, random.Next(0, 300), keys: 30, vals: 4, times: 10);
            var second = Shifted(RandomUpdates(random, random.Next(0, 300), keys: 30, vals: 4, times: 10), 10);
            Antichain<Timestamp> frontier = [(ulong)random.Next(0, 25)];
            Batch older = BuildVal(first, FirstTen);
            Batch newer = BuildVal(second, SecondTen);

            var stepped = (OrdValMerger<Batch, long, long, Timestamp, long, ArrayContainer<long>, ArrayContainer<long>>)Batch.BeginMerge(older, newer, frontier);
            long totalEffort = 0;
            long fuel;
            do
            {
                if (!stepped.IsComplete)
                {
                    stepped.Invoking(m => m.Done()).Should().Throw<InvalidOperationException>();
                }

                fuel = 1;
                stepped.Work(older, newer, ref fuel);
                totalEffort += 1 - fuel;
            }
            while (fuel <= 0);

            Batch byFuelOne = stepped.Done();
            Batch unlimited = MergeFully(Batch.BeginMerge(older, newer, frontier), older, newer).Done();

            var expected = Consolidated(Advanced(first.Concat(second), frontier));
            Contents(byFuelOne).Should().Equal(expected);
            Contents(unlimited).Should().Equal(expected);
            stepped.Effort.Should().Be(byFuelOne.Count, "effort is the number of logical updates written");
            totalEffort.Should().Be(byFuelOne.Count, "the fuel spent across calls adds up to the effort");
            byFuelOne.Description.Since.SetEquals(frontier).Should().BeTrue();
        });
    }

    [Fact]
    public void A_merge_stops_within_one_key_of_its_fuel_and_is_complete_when_fuel_is_left()
    {
        var updates = Enumerable.Range(0, 100).Select(k => new Update<long, long, Timestamp, long>(k, 0, (ulong)k % 7, 1)).ToList();
        Batch older = BuildVal(updates, FirstTen);
        Batch newer = Batch.CreateEmpty(SecondTen);
        var merger = (OrdValMerger<Batch, long, long, Timestamp, long, ArrayContainer<long>, ArrayContainer<long>>)Batch.BeginMerge(older, newer, Antichain<Timestamp>.AtMinimum());

        long fuel = 10;
        merger.Work(older, newer, ref fuel);
        fuel.Should().Be(0, "each key writes one update, so the merge stops exactly at ten");
        merger.Effort.Should().Be(10);
        merger.IsComplete.Should().BeFalse();

        fuel = 1000;
        merger.Work(older, newer, ref fuel);
        fuel.Should().Be(910);
        merger.IsComplete.Should().BeTrue();
        merger.Done().Should().BeSameAs(merger.Done());
    }

    [Fact]
    public void Cancelled_updates_cost_nothing_and_singletons_count_as_effort()
    {
        var plus = Enumerable.Range(0, 50).Select(k => new Update<long, long, Timestamp, long>(k, 0, 0UL, 1)).ToList();
        var minus = plus.Select(u => u with { Time = 10UL, Diff = -1 }).ToList();
        Batch older = BuildVal(plus, FirstTen);
        Batch newer = BuildVal(minus, SecondTen);

        // Advanced to 10, every +1 meets its -1: nothing is written, so no fuel is spent.
        var merger = Batch.BeginMerge(older, newer, [10UL]);
        long fuel = 5;
        merger.Work(older, newer, ref fuel);
        fuel.Should().Be(5);
        merger.Done().IsEmpty.Should().BeTrue();

        // Without compaction the snapshot's singletons are written, and each costs one.
        Batch empty = Batch.CreateEmpty(SecondTen);
        var copy = Batch.BeginMerge(older, empty, Antichain<Timestamp>.AtMinimum());
        fuel = 1000;
        copy.Work(older, empty, ref fuel);
        fuel.Should().Be(950);
        copy.Done().Storage.SingletonCount.Should().Be(49);
    }

    [Fact]
    public void A_snapshot_stays_singleton_encoded_through_a_merge()
    {
        var first = Enumerable.Range(0, 100).Select(k => new Update<long, long, Timestamp, long>(2 * k, 0, 0UL, 1)).ToList();
        var second = Enumerable.Range(0, 100).Select(k => new Update<long, long, Timestamp, long>((2 * k) + 1, 0, 0UL, 1)).ToList();
        Batch older = BuildVal(first, FirstTen);
        Batch newer = BuildVal(second, SecondTen);

        Batch merged = MergeFully(Batch.BeginMerge(older, newer, Antichain<Timestamp>.AtMinimum()), older, newer).Done();

        merged.Count.Should().Be(200);
        merged.Storage.StoredUpdateCount.Should().Be(1);
        Contents(merged).Should().Equal(Consolidated(first.Concat(second)));
    }

    [Fact]
    public void Merging_with_a_partial_order_and_a_two_element_frontier_advances_every_time()
    {
        var descFirst = Describe<PTime>([new(0UL, 0UL)], [new(10UL, 0UL)]);
        var descSecond = Describe<PTime>([new(10UL, 0UL)], [new(20UL, 0UL)]);
        ForRuns(30, (random, log) =>
        {
            List<Update<long, long, PTime, long>> Make(ulong outerOffset) =>
                Enumerable.Range(0, random.Next(0, 200))
                    .Select(_ => new Update<long, long, PTime, long>(random.Next(20), random.Next(3), new(outerOffset + (ulong)random.Next(10), (ulong)random.Next(10)), random.Next(-2, 3)))
                    .ToList();
            var first = Make(0);
            var second = Make(10);
            Antichain<PTime> frontier = [new((ulong)random.Next(15), (ulong)random.Next(8)), new((ulong)random.Next(15), (ulong)random.Next(8))];

            var older = Build(PBatch.CreateBuilder(20, 60, 200), first, descFirst);
            var newer = Build(PBatch.CreateBuilder(20, 60, 200), second, descSecond);
            var merged = MergeFully(PBatch.BeginMerge(older, newer, frontier), older, newer).Done();

            Contents<OrdValCursor<long, long, PTime, long, ArrayContainer<long>, ArrayContainer<long>>, long, long, PTime, long>(merged.GetCursor())
                .Should().Equal(Consolidated(Advanced(first.Concat(second), frontier)));
        });
    }

    [Fact]
    public void Merging_rejects_batches_that_are_not_adjacent_or_not_its_own()
    {
        Batch older = BuildVal([new(1, 1, 1UL, 1)], FirstTen);
        Batch newer = BuildVal([new(1, 1, 11UL, 1)], SecondTen);

        var backwards = () => Batch.BeginMerge(newer, older, Antichain<Timestamp>.AtMinimum());
        backwards.Should().Throw<ArgumentException>().WithMessage("*adjacent*");
        var gap = () => Batch.BeginMerge(older, Batch.CreateEmpty(Describe<Timestamp>([11], [20])), Antichain<Timestamp>.AtMinimum());
        gap.Should().Throw<ArgumentException>().WithMessage("*adjacent*");
        var nulls = () => Batch.BeginMerge(older, null!, Antichain<Timestamp>.AtMinimum());
        nulls.Should().Throw<ArgumentNullException>();

        var merger = Batch.BeginMerge(older, newer, Antichain<Timestamp>.AtMinimum());
        long fuel = 100;
        merger.Invoking(m => m.Work(newer, older, ref fuel)).Should().Throw<ArgumentException>().WithMessage("*same two batches*");
        fuel.Should().Be(100);
        merger.Invoking(m => m.Done()).Should().Throw<InvalidOperationException>().WithMessage("*not complete*");
    }
}
