namespace Traces.HashMap.Tests;

/// <summary>What is particular to part 1: arrival order, no consolidation on add, compaction that drops keys.</summary>
[Trait("Part", "1")]
public sealed class HashMapTraceTests
{
    [Fact]
    public void Get_yields_updates_in_arrival_order_without_consolidating()
    {
        var trace = new HashMapTrace<long, long, Timestamp, long>();
        trace.Add([new(1, 5, 2, 1), new(1, 4, 1, 1)]);
        trace.Add([new(1, 5, 2, 1)]);
        trace.Get(1).Should().Equal(new Update<long, long, Timestamp, long>(1, 5, 2, 1), new(1, 4, 1, 1), new(1, 5, 2, 1));
    }

    [Fact]
    public void Compaction_consolidates_and_drops_keys_that_cancel()
    {
        var trace = new HashMapTrace<long, long, Timestamp, long>();
        trace.Add([new(1, 5, 1, 1), new(1, 5, 2, -1), new(2, 0, 1, 1), new(2, 0, 3, 1)]);
        trace.KeyCount.Should().Be(2);
        trace.AdvanceBy([3]);
        trace.KeyCount.Should().Be(1);
        trace.Get(2).Should().Equal(new Update<long, long, Timestamp, long>(2, 0, 3, 2));
    }

    [Fact]
    public void Updates_added_after_compaction_are_advanced_on_arrival()
    {
        var trace = new HashMapTrace<long, long, Timestamp, long>();
        trace.AdvanceBy([10]);
        trace.Add([new(1, 0, 4, 1), new(1, 0, 12, 1)]);
        trace.Get(1).Should().Equal(new Update<long, long, Timestamp, long>(1, 0, 10, 1), new(1, 0, 12, 1));
    }

    [Fact]
    public void Enumerating_get_while_adding_to_the_same_key_fails_fast()
    {
        var trace = new HashMapTrace<long, long, Timestamp, long>();
        trace.Add([new(1, 0, 1, 1), new(1, 1, 1, 1)]);
        var act = () =>
        {
            foreach (var update in trace.Get(1))
            {
                trace.Add([update with { Val = 9 }]);
            }
        };
        act.Should().Throw<InvalidOperationException>();
    }
}
