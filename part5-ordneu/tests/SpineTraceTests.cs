using Traces.Conformance;

namespace Traces.OrdNeu.Tests;

[Trait("Part", "5")]
public sealed class SpineTraceTests
{
    private static Update<long, long, Timestamp, long> U(long key, long val, ulong time, long diff) => new(key, val, time, diff);

    [Fact]
    public void Updates_at_the_latest_time_wait_in_the_batcher_and_are_still_read()
    {
        var trace = new OrdValTrace<long, long, Timestamp, long>(sealThreshold: 1);
        trace.Add([U(1, 1, 3, 1), U(2, 1, 5, 1)]);

        trace.UnsealedCount.Should().Be(1, "the update at the bound 5 is not before it");
        trace.BatchCount.Should().Be(1);
        trace.Get(2).Should().Equal(U(2, 1, 5, 1));
        trace.Keys().Should().Equal(1L, 2L);

        trace.Add([U(2, 1, 9, -1)]);
        trace.UnsealedCount.Should().Be(1);
        trace.Get(2).Should().Equal(U(2, 1, 5, 1), U(2, 1, 9, -1));
    }

    [Fact]
    public void Keys_in_the_batcher_and_in_batches_merge_and_cancel_across_them()
    {
        var trace = new OrdKeyTrace<long, Timestamp, long>(sealThreshold: 1);
        trace.Add([new(1, Unit.Value, 1, 1), new(3, Unit.Value, 1, 1), new(5, Unit.Value, 2, 1)]);
        trace.Add([new(1, Unit.Value, 1, -1), new(4, Unit.Value, 2, 1)]);
        trace.BatchCount.Should().Be(1, "key 1 was sealed; its cancellation waits in the batcher");

        trace.Keys().Should().Equal(3L, 4L, 5L);
    }

    [Fact]
    public void Enumerating_keys_while_the_trace_changes_gets_an_InvalidOperationException()
    {
        var trace = new OrdValTrace<long, long, Timestamp, long>();
        trace.Add([U(1, 1, 1, 1), U(2, 1, 1, 1)]);

        var act = () =>
        {
            foreach (long key in trace.Keys())
            {
                trace.Add([U(key + 10, 1, 2, 1)]);
            }
        };

        act.Should().Throw<InvalidOperationException>().WithMessage("*changed*");
    }

    [Fact]
    public void A_long_run_of_single_update_batches_keeps_few_batches()
    {
        var trace = new OrdValTrace<long, long, Timestamp, long>();
        for (ulong t = 1; t <= 5000; t++)
        {
            trace.Add([U((long)(t * 7919 % 1000), 0, t, 1)]);
            trace.BatchCount.Should().BeLessThanOrEqualTo(2 * ((int)Math.Log2(t) + 1));
        }

        trace.Keys().Should().HaveCount(1000);
        trace.Get(0).Sum(u => u.Diff).Should().Be(5);
    }

    [Fact]
    public void Compaction_applies_as_batches_merge()
    {
        var trace = new OrdValTrace<long, long, Timestamp, long>(policy: SpineMergePolicy.Eager, sealThreshold: 1);
        trace.AdvanceBy([100]);
        for (ulong t = 1; t <= 64; t++)
        {
            trace.Add([U(1, 1, t, 1), U(1, 1, t + 1, -1)]);
        }

        trace.Get(1).Should().BeEmpty();
        trace.Keys().Should().BeEmpty();
    }
    [Fact]
    public void Adds_wait_in_the_batcher_until_it_holds_the_seal_threshold()
    {
        var trace = new OrdValTrace<long, long, Timestamp, long>(sealThreshold: 10);
        for (ulong t = 1; t <= 9; t++)
        {
            trace.Add([U((long)t, 0, t, 1)]);
        }

        trace.BatchCount.Should().Be(0, "nine updates are fewer than the threshold");
        trace.UnsealedCount.Should().Be(9);
        trace.Keys().Should().Equal(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);

        trace.Add([U(10, 0, 10, 1)]);
        trace.BatchCount.Should().Be(1, "ten updates reach the threshold, and time has moved");
        trace.UnsealedCount.Should().Be(1, "the update at the bound, 10, waits for the next seal");
        trace.Get(4).Should().Equal(U(4, 0, 4, 1));
        trace.Get(10).Should().Equal(U(10, 0, 10, 1));
    }

    [Fact]
    public void A_seal_threshold_below_one_gets_an_ArgumentOutOfRangeException()
    {
        FluentActions.Invoking(() => new OrdValTrace<long, long, Timestamp, long>(sealThreshold: 0))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("sealThreshold");
        FluentActions.Invoking(() => new OrdKeyTrace<long, Timestamp, long>(sealThreshold: -3))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("sealThreshold");
    }

    [Fact]
    public void The_cursor_gathers_a_key_from_the_batches_that_hold_it_and_the_batcher_and_seeks_past_the_rest()
    {
        // Key 100 is in every batch; key t only in the batch of time t; key 7 also waits in the batcher.
        var trace = new OrdValTrace<long, long, Timestamp, long>(sealThreshold: 1);
        for (ulong t = 1; t <= 12; t++)
        {
            trace.Add([U((long)t, 0, t, 1), U(100, (long)(t % 2), t, 1)]);
        }

        trace.Add([U(7, 0, 13, 2), U(100, 0, 13, -1)]);
        trace.BatchCount.Should().BeGreaterThan(1);
        trace.UnsealedCount.Should().Be(2);

        var cursor = trace.GetCursor();
        cursor.SeekKey(7);
        cursor.Key.Should().Be(7);
        cursor.History.ToArray().Should().Equal((new Timestamp(7), 1L), (new Timestamp(13), 2L));
        cursor.StepVal();
        cursor.ValValid.Should().BeFalse();

        cursor.SeekKey(50);
        cursor.Key.Should().Be(100, "no batch holds a key between 12 and 100");
        cursor.Val.Should().Be(0);
        cursor.History.ToArray().Should().Equal(
            (new Timestamp(2), 1L), (new Timestamp(4), 1L), (new Timestamp(6), 1L), (new Timestamp(8), 1L),
            (new Timestamp(10), 1L), (new Timestamp(12), 1L), (new Timestamp(13), -1L));
        cursor.SeekVal(1);
        cursor.History.Length.Should().Be(6);
        cursor.StepKey();
        cursor.KeyValid.Should().BeFalse();
    }

    [Fact]
    public void A_key_cancelled_across_a_batch_and_the_batcher_is_skipped_by_the_cursor()
    {
        var trace = new OrdValTrace<long, long, Timestamp, long>(sealThreshold: 1);
        trace.Add([U(1, 0, 1, 1), U(2, 0, 1, 1), U(3, 0, 1, 1)]);
        trace.Add([U(2, 0, 1, -1), U(4, 0, 2, 1)]);
        trace.BatchCount.Should().Be(1, "the first three were sealed; the cancellation waits in the batcher");

        var cursor = trace.GetCursor();
        var keys = new List<long>();
        for (; cursor.KeyValid; cursor.StepKey())
        {
            keys.Add(cursor.Key);
        }

        keys.Should().Equal(1L, 3L, 4L);
        cursor.RewindKeys();
        cursor.SeekKey(2);
        cursor.Key.Should().Be(3);
    }

    [Fact]
    public void A_large_unsealed_run_is_sought_from_the_first_key_through_its_fences()
    {
        // 5 000 even keys at one time: nothing is sealed, and the batcher's one run is large enough for fences.
        var trace = new OrdValTrace<long, long, Timestamp, long>();
        var updates = Enumerable.Range(0, 5_000).Select(i => U(2L * ((i * 7_919) % 5_000), 0, 0, 1)).ToArray();
        foreach (var piece in updates.Chunk(500))
        {
            trace.Add(piece);
        }

        trace.BatchCount.Should().Be(0);
        var cursor = trace.GetCursor();
        for (long probe = -1; probe <= 10_000; probe++)
        {
            cursor.RewindKeys();
            cursor.SeekKey(probe);
            long expected = probe <= 0 ? 0 : probe + (probe % 2);
            if (expected > 9_998)
            {
                cursor.KeyValid.Should().BeFalse("nothing is at or after {0}", probe);
            }
            else
            {
                cursor.Key.Should().Be(expected, "the first key at or after {0}", probe);
                cursor.History.ToArray().Should().Equal((Timestamp.Minimum, 1L));
            }
        }

        cursor.RewindKeys();
        for (long probe = 1; probe <= 9_998; probe += 37)
        {
            cursor.SeekKey(probe);
            cursor.Key.Should().Be(probe + (probe % 2), "ascending seeks gallop on from where the last one stopped");
        }
    }

    [Fact]
    public void A_read_after_a_small_write_reads_the_batcher_as_several_runs_and_still_consolidates()
    {
        var trace = new OrdValTrace<long, long, Timestamp, long>();
        trace.Add(Enumerable.Range(0, 4_000).Select(i => U(i, i % 3, 0, 1)));
        trace.Keys().Should().HaveCount(4_000, "the first read merges what the batcher holds into one run");

        // Fewer than an eighth as many again: read beside the first run, not merged into it.
        trace.Add([U(5, 2, 0, -1), U(6, 0, 0, -1), U(4_000, 0, 0, 1), U(7, 1, 0, 1)]);
        trace.UnsealedCount.Should().Be(4_004);

        // (5, 2) and (6, 0) cancel their keys; (7, 1) doubles; 4 000 is new.
        var cursor = trace.GetCursor();
        cursor.SeekKey(5);
        cursor.Key.Should().Be(7);
        cursor.Val.Should().Be(1);
        cursor.History.ToArray().Should().Equal((Timestamp.Minimum, 2L));
        trace.Keys().Should().Equal(Enumerable.Range(0, 4_001).Where(k => k is not (5 or 6)).Select(k => (long)k));
        trace.Get(6).Should().BeEmpty();
        trace.Get(4_000).Should().Equal(U(4_000, 0, 0, 1));
    }

    [Fact]
    public void Get_reads_through_a_cursor_of_its_own_and_leaves_the_callers_where_it_stands()
    {
        var trace = new OrdValTrace<long, long, Timestamp, long>(sealThreshold: 1);
        trace.Add([U(1, 0, 1, 1), U(2, 0, 1, 1), U(3, 0, 1, 1)]);
        trace.Add([U(2, 1, 2, 1)]);
        var cursor = trace.GetCursor();
        cursor.SeekKey(2);
        cursor.StepVal();

        trace.Get(1).Should().Equal(U(1, 0, 1, 1));
        trace.Get(2).Should().Equal(U(2, 0, 1, 1), U(2, 1, 2, 1));

        cursor.Key.Should().Be(2);
        cursor.Val.Should().Be(1, "the caller's cursor stays on the second value of key 2");
    }

    [Fact]
    public void Walking_the_cursor_again_allocates_nothing()
    {
        var trace = new OrdValTrace<long, long, Timestamp, long>(sealThreshold: 64);
        for (ulong t = 0; t < 40; t++)
        {
            trace.Add(Enumerable.Range(0, 100).Select(i => U((i * 37 + (long)t) % 500, i % 4, t, 1)));
        }

        trace.BatchCount.Should().BeGreaterThan(1);
        trace.UnsealedCount.Should().BeGreaterThan(0);
        var cursor = trace.GetCursor();
        long first = CursorChecker.SumDiffs(cursor);
        cursor.RewindKeys();
        long before = GC.GetAllocatedBytesForCurrentThread();
        long second = CursorChecker.SumDiffs(cursor);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        second.Should().Be(first).And.Be(4_000);
        allocated.Should().Be(0, "keys, values and histories are read in place or through the reused buffer");
    }
}
