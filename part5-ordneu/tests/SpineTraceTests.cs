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
        var trace = new OrdValTrace<long, long, Timestamp, long>(policy: SpineMergePolicy.Eager);
        trace.AdvanceBy([100]);
        for (ulong t = 1; t <= 64; t++)
        {
            trace.Add([U(1, 1, t, 1), U(1, 1, t + 1, -1)]);
        }

        trace.Get(1).Should().BeEmpty();
        trace.Keys().Should().BeEmpty();
    }
}
