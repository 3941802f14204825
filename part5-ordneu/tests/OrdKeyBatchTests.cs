using Traces.Conformance;
using static Traces.OrdNeu.Tests.OrdNeuTestData;

namespace Traces.OrdNeu.Tests;

using KeyBatch = OrdKeyBatch<long, Timestamp, long>;
using KeyCursor = OrdKeyCursor<long, Timestamp, long, ArrayContainer<long>>;

[Trait("Part", "5")]
public sealed class OrdKeyBatchTests
{
    private static List<Update<long, Unit, Timestamp, long>> RandomKeyUpdates(Choices random, int count, ulong timeOffset) =>
        Enumerable.Range(0, count).Select(_ => new Update<long, Unit, Timestamp, long>(random.Next(40), Unit.Value, (ulong)random.Next(10) + timeOffset, random.Next(-2, 3))).ToList();

    private static KeyBatch Build(IEnumerable<Update<long, Unit, Timestamp, long>> updates, Description<Timestamp> description) =>
        OrdNeuTestData.Build(KeyBatch.CreateBuilder(40, 400), updates, description);

    private static List<Update<long, Unit, Timestamp, long>> Contents(KeyBatch batch) =>
        Contents<KeyCursor, long, Unit, Timestamp, long>(batch.GetCursor());

    [Fact]
    public void A_built_key_batch_holds_exactly_its_consolidated_input()
    {
        ForRuns(40, (random, log) =>
        {
            var updates = RandomKeyUpdates(random, random.Next(0, 300), 0);
            var batch = Build(updates, FirstTen);
            Contents(batch).Should().Equal(Consolidated(updates));
            batch.Count.Should().Be(Consolidated(updates).Count);
        });
    }

    [Fact]
    public void A_key_snapshot_stores_one_update()
    {
        var snapshot = Enumerable.Range(0, 1000).Select(k => new Update<long, Unit, Timestamp, long>(k, Unit.Value, 0UL, 1)).ToList();
        var batch = Build(snapshot, FirstTen);
        batch.Count.Should().Be(1000);
        batch.Storage.StoredUpdateCount.Should().Be(1);
        batch.Storage.SingletonCount.Should().Be(999);
        Contents(batch).Should().Equal(snapshot);
    }

    [Fact]
    public void Merging_key_batches_equals_consolidating_their_concatenation_advanced_by_the_frontier()
    {
        ForRuns(40, (random, log) =>
        {
            var first = RandomKeyUpdates(random, random.Next(0, 300), 0);
            var second = RandomKeyUpdates(random, random.Next(0, 300), 10);
            Antichain<Timestamp> frontier = [(ulong)random.Next(0, 25)];
            var older = Build(first, FirstTen);
            var newer = Build(second, SecondTen);

            var merger = KeyBatch.BeginMerge(older, newer, frontier);
            long fuel = 1;
            int calls = 0;
            while (true)
            {
                fuel = 1;
                merger.Work(older, newer, ref fuel);
                calls++;
                if (fuel > 0)
                {
                    break;
                }
            }

            var merged = merger.Done();
            Contents(merged).Should().Equal(Consolidated(Advanced(first.Concat(second), frontier)));
            calls.Should().BeGreaterThanOrEqualTo((int)Math.Min(merged.Count, 1));
            merged.Description.Since.SetEquals(frontier).Should().BeTrue();
        });
    }

    [Fact]
    public void A_key_merge_that_advances_nothing_copies_with_fuel_one_as_with_unlimited_fuel_and_encodes_as_the_builder()
    {
        ForRuns(40, (random, log) =>
        {
            // At the minimum frontier no time moves, so the merge takes its copying loop.
            var first = RandomKeyUpdates(random, random.Next(0, 300), 0).Select(u => u with { Time = u.Time.Value % 2, Diff = 1 }).ToList();
            var second = RandomKeyUpdates(random, random.Next(0, 300), 10).Select(u => u with { Time = 10 + (u.Time.Value % 2) }).ToList();
            var older = Build(first, FirstTen);
            var newer = Build(second, SecondTen);
            var expected = Consolidated(first.Concat(second));
            var built = Build(expected, FirstTen);

            // MergeWithFuelOne also checks that the fuel spent adds up to the logical updates written.
            var stepped = MergeWithFuelOne(older, newer, Antichain<Timestamp>.AtMinimum());
            var unlimited = MergeFully(KeyBatch.BeginMerge(older, newer, Antichain<Timestamp>.AtMinimum()), older, newer).Done();
            foreach (var merged in new[] { stepped, unlimited })
            {
                Contents(merged).Should().Equal(expected);
                merged.Storage.StoredUpdateCount.Should().Be(built.Storage.StoredUpdateCount, "singletons are found as the builder finds them");
                merged.Storage.SingletonCount.Should().Be(built.Storage.SingletonCount);
            }

            stepped.Count.Should().Be(expected.Count);
        });
    }

    [Fact]
    public void A_key_cursor_has_one_unit_value_per_key_and_seeks_forward()
    {
        var batch = Build([new(1, Unit.Value, 0UL, 1), new(4, Unit.Value, 2UL, 3), new(9, Unit.Value, 1UL, 1)], FirstTen);
        var cursor = batch.GetCursor();

        cursor.SeekKey(3);
        cursor.Key.Should().Be(4);
        cursor.ValValid.Should().BeTrue();
        cursor.Val.Should().Be(Unit.Value);
        cursor.Times.ToArray().Should().Equal((Timestamp)2UL);
        cursor.Diffs.ToArray().Should().Equal(3L);
        cursor.SeekVal(Unit.Value);
        cursor.ValValid.Should().BeTrue();
        cursor.StepVal();
        cursor.ValValid.Should().BeFalse();
        cursor.Invoking(c => c.Val).Should().Throw<InvalidOperationException>();
        cursor.RewindVals();
        cursor.ValValid.Should().BeTrue();

        cursor.SeekKey(1);
        cursor.Key.Should().Be(4, "seeks only move forward");
        cursor.StepKey();
        cursor.Key.Should().Be(9);
        cursor.StepKey();
        cursor.KeyValid.Should().BeFalse();
        cursor.StepKey();
        cursor.KeyValid.Should().BeFalse();
        cursor.RewindKeys();
        cursor.Key.Should().Be(1);

        var seen = new List<(Timestamp, long)>();
        cursor.MapTimes((t, d) => seen.Add((t, d)));
        seen.Should().Equal(((Timestamp)0UL, 1L));
    }

    [Fact]
    public void A_key_cursor_list_merges_keys_across_batches()
    {
        var older = Build([new(1, Unit.Value, 0UL, 1), new(3, Unit.Value, 1UL, 1)], FirstTen);
        var newer = Build([new(3, Unit.Value, 11UL, -1), new(5, Unit.Value, 12UL, 1)], SecondTen);
        var cursor = KeyBatch.CreateCursorList([older, newer]);

        var seen = new List<(long, Timestamp, long)>();
        for (; cursor.KeyValid; cursor.StepKey())
        {
            for (; cursor.ValValid; cursor.StepVal())
            {
                long key = cursor.Key;
                cursor.MapTimes((t, d) => seen.Add((key, t, d)));
            }
        }

        seen.Should().Equal((1L, (Timestamp)0UL, 1L), (3L, (Timestamp)1UL, 1L), (3L, (Timestamp)11UL, -1L), (5L, (Timestamp)12UL, 1L));
    }

    [Fact]
    public void The_key_builder_rejects_unsorted_input_and_non_adjacent_merges()
    {
        var builder = KeyBatch.CreateBuilder(2, 2);
        builder.Push(new(5, Unit.Value, 5UL, 1));
        builder.Invoking(b => b.Push(new(4, Unit.Value, 9UL, 1))).Should().Throw<ArgumentException>().WithMessage("*sorted by (key, time)*");
        builder.Invoking(b => b.Push(new(5, Unit.Value, 4UL, 1))).Should().Throw<ArgumentException>();
        var batch = builder.Done(FirstTen);
        batch.Count.Should().Be(1);
        builder.Invoking(b => b.Done(FirstTen)).Should().Throw<InvalidOperationException>();

        var begin = () => KeyBatch.BeginMerge(batch, batch, Antichain<Timestamp>.AtMinimum());
        begin.Should().Throw<ArgumentException>().WithMessage("*adjacent*");
        KeyBatch.CreateEmpty(FirstTen).IsEmpty.Should().BeTrue();
    }
}
