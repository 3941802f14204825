using Traces.Conformance;
using static Traces.OrdNeu.Tests.OrdNeuTestData;

namespace Traces.OrdNeu.Tests;

using Batch = OrdValBatch<long, long, Timestamp, long>;
using U = Update<long, long, Timestamp, long>;

[Trait("Part", "5")]
public sealed class OrdValBatchTests
{
    [Fact]
    public void A_built_batch_holds_exactly_its_consolidated_input()
    {
        ForRuns(50, (random, log) =>
        {
            var updates = RandomUpdates(random, random.Next(0, 400), keys: 30, vals: 6, times: 10);

            Batch batch = BuildVal(updates, FirstTen);

            var expected = Consolidated(updates);
            Contents(batch).Should().Equal(expected);
            batch.Count.Should().Be(expected.Count);
            batch.Storage.KeyCount.Should().Be(expected.Select(u => u.Key).Distinct().Count());
            batch.Storage.ValCount.Should().Be(expected.Select(u => (u.Key, u.Val)).Distinct().Count());
            batch.Description.Should().BeSameAs(FirstTen);
        });
    }

    [Fact]
    public void A_snapshot_stores_one_time_and_diff_and_counts_every_update()
    {
        var snapshot = from key in Enumerable.Range(0, 100)
                       from val in Enumerable.Range(0, 3)
                       select new Update<long, long, Timestamp, long>(key, val, 0UL, 1);

        Batch batch = BuildVal(snapshot, FirstTen);

        batch.Count.Should().Be(300, "Count is logical: singletons included");
        batch.Storage.StoredUpdateCount.Should().Be(1);
        batch.Storage.SingletonCount.Should().Be(299);
        Contents(batch).Should().Equal(snapshot);
    }

    [Fact]
    public void Singletons_are_written_only_for_a_lone_update_equal_to_the_last_one_written()
    {
        Update<long, long, Timestamp, long>[] updates =
        [
            new(1, 1, 0UL, 1),
            new(1, 2, 0UL, 1),  // singleton: equal to the last written
            new(1, 3, 0UL, 1),  // singleton again: the one before is still (0, 1)
            new(1, 4, 0UL, 2),  // differs in diff: stored
            new(2, 1, 0UL, 2),  // singleton across a key boundary
            new(2, 2, 0UL, 2),  // two updates: stored even though the first repeats
            new(2, 2, 5UL, 1),
            new(3, 1, 5UL, 1),  // singleton of the last stored update
        ];

        Batch batch = BuildVal(updates, FirstTen);

        batch.Storage.StoredUpdateCount.Should().Be(4);
        batch.Storage.SingletonCount.Should().Be(4);
        batch.Count.Should().Be(updates.Length);
        Contents(batch).Should().Equal(updates);
    }

    [Fact]
    public void The_builder_consolidates_what_it_is_given_and_drops_what_cancels()
    {
        Update<long, long, Timestamp, long>[] updates =
        [
            new(1, 1, 0UL, 1), new(1, 1, 0UL, -1),   // value 1 of key 1 cancels
            new(1, 2, 3UL, 1), new(1, 2, 3UL, 1),    // duplicates sum
            new(2, 1, 4UL, 0),                       // key 2: only a zero diff
            new(3, 1, 1UL, 5),
        ];
        var builder = Batch.CreateBuilder(3, 4, 6);
        foreach (var update in updates)
        {
            builder.Push(update);
        }

        Batch batch = builder.Done(FirstTen);

        Contents(batch).Should().Equal(new U(1, 2, 3UL, 2), new U(3, 1, 1UL, 5));
        batch.Storage.KeyCount.Should().Be(2, "keys whose updates cancel are not written");
    }

    [Fact]
    public void The_builder_rejects_unsorted_input_and_keeps_what_it_had()
    {
        var builder = Batch.CreateBuilder(2, 2, 3);
        builder.Push(new(5, 5, 5UL, 1));

        builder.Invoking(b => b.Push(new(4, 9, 9UL, 1))).Should().Throw<ArgumentException>().WithMessage("*sorted by (key, val, time)*");
        builder.Invoking(b => b.Push(new(5, 4, 9UL, 1))).Should().Throw<ArgumentException>().WithMessage("*sorted*");
        builder.Invoking(b => b.Push(new(5, 5, 4UL, 1))).Should().Throw<ArgumentException>().WithMessage("*sorted*");

        builder.Push(new(6, 0, 0UL, 1));
        Contents(builder.Done(FirstTen)).Should().Equal(new U(5, 5, 5UL, 1), new U(6, 0, 0UL, 1));
    }

    [Fact]
    public void A_builder_produces_one_batch_only()
    {
        var builder = Batch.CreateBuilder(0, 0, 0);
        builder.Done(FirstTen).IsEmpty.Should().BeTrue();

        builder.Invoking(b => b.Done(FirstTen)).Should().Throw<InvalidOperationException>();
        builder.Invoking(b => b.Push(new(1, 1, 1UL, 1))).Should().Throw<InvalidOperationException>();
        builder.Invoking(b => b.Done(null!)).Should().Throw<ArgumentNullException>();
        var negative = () => Batch.CreateBuilder(-1, 0, 0);
        negative.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void The_builder_rejects_null_keys_and_values()
    {
        var builder = OrdValBatch<string, string, Timestamp, long>.CreateBuilder(1, 1, 1);
        builder.Invoking(b => b.Push(new(null!, "v", 0UL, 1))).Should().Throw<ArgumentException>().WithMessage("*null*");
        builder.Invoking(b => b.Push(new("k", null!, 0UL, 1))).Should().Throw<ArgumentException>().WithMessage("*null*");
        builder.Push(new("k", "v", 0UL, 1));
        builder.Done(FirstTen).Count.Should().Be(1);
    }

    [Fact]
    public void An_empty_batch_has_its_description_and_nothing_else()
    {
        Batch empty = Batch.CreateEmpty(FirstTen);
        empty.IsEmpty.Should().BeTrue();
        empty.Count.Should().Be(0);
        empty.Description.Should().BeSameAs(FirstTen);
        var cursor = empty.GetCursor();
        cursor.KeyValid.Should().BeFalse();
        cursor.ValValid.Should().BeFalse();
        cursor.Invoking(c => c.Key).Should().Throw<InvalidOperationException>();
        empty.ToString().Should().Contain("0 updates");
    }

    [Fact]
    public void String_keys_go_through_the_slice_container()
    {
        ForRuns(20, (random, log) =>
        {
            string[] names = Enumerable.Range(0, 40).Select(i => new string((char)('a' + random.Next(26)), random.Next(0, 6)) + i).ToArray();
            var updates = Enumerable.Range(0, 200)
                .Select(_ => new Update<string, long, Timestamp, long>(names[random.Next(names.Length)], random.Next(4), (ulong)random.Next(5), random.Next(-1, 3)))
                .ToList();

            var builder = OrdValBatch<string, long, Timestamp, long, SliceContainer<string, char, StringSlices>, ArrayContainer<long>>.CreateBuilder(40, 160, 200);
            var batch = Build(builder, updates, FirstTen);

            var expected = Consolidated(updates);
            Contents<OrdValCursor<string, long, Timestamp, long, SliceContainer<string, char, StringSlices>, ArrayContainer<long>>, string, long, Timestamp, long>(batch.GetCursor())
                .Should().Equal(expected);

            // Every key's characters are stored once, contiguously: no object per key.
            var distinct = expected.Select(u => u.Key).Distinct().ToList();
            batch.Storage.KeyCount.Should().Be(distinct.Count);

            var cursor = batch.GetCursor();
            foreach (string key in distinct.Where((_, i) => i % 3 == 0))
            {
                cursor.SeekKey(key);
                cursor.Key.Should().Be(key);
            }
        });
    }
}
