using Traces.Conformance;
using static Traces.OrdNeu.Tests.OrdNeuTestData;

namespace Traces.OrdNeu.Tests;

using Batch = OrdValBatch<long, long, Timestamp, long>;
using KeyBatch = OrdKeyBatch<long, Timestamp, long>;

/// <summary>
/// Reading edges the randomized runs do not pin down: what the batcher's copying readers return, what a reader past
/// its end says, and how descriptions and batches print.
/// </summary>
[Trait("Part", "5")]
public sealed class ReadingEdgeTests
{
    private static Update<long, long, Timestamp, long> U(long key, long val, ulong time, long diff) => new(key, val, time, diff);

    [Fact]
    public void The_batcher_copies_a_keys_updates_and_its_distinct_keys_from_chains_and_chunk_alike()
    {
        var batcher = new MergeBatcher<long, long, Timestamp, long>();
        var all = new List<Update<long, long, Timestamp, long>>();
        // Enough pushes that some updates sit in sorted chains and the last ones in the unsorted chunk.
        int chunk = MergeBatcher<long, long, Timestamp, long>.ChunkCapacity;
        for (int push = 0; push < 5; push++)
        {
            var updates = Enumerable.Range(0, chunk / 2 + 3)
                .Select(i => U((i * 7 + push) % 23, i % 3, (ulong)push, 1)).ToArray();
            batcher.Push(updates);
            all.AddRange(updates);
        }

        batcher.ChainCount.Should().BePositive();
        batcher.Unsorted.Length.Should().BePositive();

        var keys = new List<long> { -1 };
        batcher.CopyKeys(keys);
        keys.Should().Equal(new long[] { -1 }.Concat(all.Select(u => u.Key).Distinct().Order()), "the list's prefix stays");

        foreach (long key in new long[] { 0, 5, 22, 23, -3 })
        {
            var found = new List<Update<long, long, Timestamp, long>>();
            batcher.CopyUpdates(key, found);
            found.Where(u => u.Key != key).Should().BeEmpty();
            Consolidated(found).Should().Equal(Consolidated(all.Where(u => u.Key == key)), "key {0}", key);
        }

        batcher.Invoking(b => b.CopyKeys(null!)).Should().Throw<ArgumentNullException>();
        batcher.Invoking(b => b.CopyUpdates(1, null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void The_batchers_distinct_keys_come_from_its_chains_and_its_chunk_and_runs_are_checked_by_index()
    {
        var batcher = new MergeBatcher<long, long, Timestamp, long>();
        int chunk = MergeBatcher<long, long, Timestamp, long>.ChunkCapacity;
        // Even keys fill the chunk until it is sorted into a chain; then odd keys wait in the chunk.
        batcher.Push(Enumerable.Range(0, chunk).Select(i => U(2L * i, 0, 1, 1)).ToArray());
        batcher.Push([U(1, 0, 1, 1), U(3, 0, 1, 1)]);
        batcher.ChainCount.Should().BePositive();
        batcher.Unsorted.ToArray().Select(u => u.Key).Should().Equal(1L, 3L);

        var keys = new List<long>();
        batcher.CopyKeys(keys);
        keys.Should().Equal(new long[] { 1, 3 }.Concat(Enumerable.Range(0, chunk).Select(i => 2L * i)).Order());

        batcher.PrepareRuns();
        batcher.Invoking(b => b.RunAt(b.RunCount)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("index");
        batcher.Invoking(b => b.RunAt(-1)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("index");
    }

    [Fact]
    public void A_trace_cursor_past_its_end_says_which_end_and_rejects_a_null_value()
    {
        var trace = new OrdValTrace<string, string, Timestamp, long>(sealThreshold: 1);
        trace.Add([new("a", "x", 1UL, 1)]);
        var cursor = trace.GetCursor();

        cursor.StepVal();
        cursor.ValValid.Should().BeFalse();
        cursor.Invoking(c => c.Val).Should().Throw<InvalidOperationException>()
            .WithMessage("The cursor is past the last value; check KeyValid or ValValid first.");
        cursor.Invoking(c => c.History.Length).Should().Throw<InvalidOperationException>().WithMessage("*last value*");

        cursor.StepKey();
        cursor.KeyValid.Should().BeFalse();
        cursor.Invoking(c => c.Key).Should().Throw<InvalidOperationException>()
            .WithMessage("The cursor is past the last key; check KeyValid or ValValid first.");

        cursor.RewindKeys();
        cursor.Invoking(c => c.SeekVal(null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("val");
        cursor.Val.Should().Be("x", "a rejected seek moves nothing");
    }

    [Fact]
    public void A_cursor_list_past_its_end_says_so_and_rejects_a_null_action()
    {
        var cursor = Batch.CreateCursorList([BuildVal([U(1, 1, 0, 1)], Describe<Timestamp>([0], [1]))]);
        cursor.Invoking(c => c.MapTimes(null!)).Should().Throw<ArgumentNullException>();

        cursor.StepVal();
        cursor.Invoking(c => c.Val).Should().Throw<InvalidOperationException>().WithMessage("The cursor is not at a value.");
        cursor.StepKey();
        cursor.Invoking(c => c.Key).Should().Throw<InvalidOperationException>().WithMessage("The cursor is not at a key.");
    }

    [Fact]
    public void A_null_batch_is_named_by_its_position()
    {
        var batch = BuildVal([U(1, 1, 0, 1)], Describe<Timestamp>([0], [1]));
        FluentActions.Invoking(() => Batch.CreateCursorList([batch, null!]))
            .Should().Throw<ArgumentNullException>().WithMessage("Batch 1 is null.*");
        FluentActions.Invoking(() => KeyBatch.CreateCursorList([null!]))
            .Should().Throw<ArgumentNullException>().WithMessage("Batch 0 is null.*");
    }

    [Fact]
    public void A_description_needs_a_lower_frontier_and_prints_its_three_frontiers()
    {
        FluentActions.Invoking(() => new Description<Timestamp>(new Antichain<Timestamp>(), [1], [0]))
            .Should().Throw<ArgumentException>().WithMessage("A batch's lower frontier cannot be empty.*")
            .Which.ParamName.Should().Be("lower");

        FluentActions.Invoking(() => new Description<Timestamp>(null!, [1], [0]))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("lower");
        FluentActions.Invoking(() => new Description<Timestamp>([0], null!, [0]))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("upper");
        FluentActions.Invoking(() => new Description<Timestamp>([0], [1], null!))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("since");

        var description = new Description<Timestamp>([0], [5], [2]);
        description.ToString().Should().Be("[{0}, {5}) since {2}");

        var batch = Build(KeyBatch.CreateBuilder(2, 2), [new(4, default, 0UL, 1), new(4, default, 1UL, 1), new(6, default, 0UL, 1)],
            Describe<Timestamp>([0], [2]));
        batch.ToString().Should().Be("3 updates, 2 keys, [{0}, {2}) since {0}");
    }
}
