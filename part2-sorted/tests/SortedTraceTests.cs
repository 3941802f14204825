using Traces.Conformance;
using Traces.Sorted;

namespace Traces.Sorted.Tests;

[Trait("Part", "2")]
public sealed class SortedTraceTests
{
    private static Update<int, int, Timestamp, long> U(int key, int val, ulong time, long diff) => new(key, val, time, diff);

    [Fact]
    [Trait("Runs", "model")]
    public void List_count_stays_within_log2_of_the_update_count_after_any_sequence_of_adds() =>
        ModelRun.Check("part 2: list count after adds", static (random, log) =>
        {
            var trace = new SortedTrace<int, int, Timestamp, long>();
            log.Write("var trace = new SortedTrace<int, int, Timestamp, long>();");
            for (int round = 0; round < 400 && !random.Exhausted; round++)
            {
                // Batch sizes from 1 to about 300, skewed towards small, so lists of every size ratio meet.
                int size = 1 + (int)Math.Pow(random.Next(1, 300), random.Next(1_000) / 1_000.0);
                var batch = new Update<int, int, Timestamp, long>[size];
                for (int i = 0; i < size; i++)
                {
                    batch[i] = U(random.Next(5_000), random.Next(4), (ulong)random.Next(8), random.Next(3) - 1);
                }

                log.Write($"trace.Add({CodeText.List(batch)});");
                trace.Add(batch);

                long count = trace.Count;
                int bound = count == 0 ? 0 : (int)Math.Floor(Math.Log2(count)) + 1;
                log.Write($"trace.ListCount.Should().BeLessThanOrEqualTo({bound});");
                trace.ListCount.Should().BeLessThanOrEqualTo(bound, $"round {round}, {count} updates");
            }
        }, sequences: 30, maxChoices: 60_000);

    [Fact]
    public void A_key_that_cancels_during_a_merge_disappears()
    {
        var trace = new SortedTrace<int, int, Timestamp, long>();
        trace.Add([U(1, 10, 1, 1), U(2, 20, 1, 3), U(2, 21, 2, -1)]);
        trace.Add([U(2, 20, 1, -3), U(2, 21, 2, 1), U(3, 30, 1, 1)]);

        trace.ListCount.Should().Be(1, "the second batch is merged into the first");
        trace.Get(2).Should().BeEmpty();
        trace.Keys().Should().Equal(1, 3);
        trace.Count.Should().Be(2);
    }

    [Fact]
    public void A_key_that_cancels_across_lists_that_were_not_merged_is_not_listed()
    {
        var trace = new SortedTrace<int, int, Timestamp, long>();
        trace.Add(Enumerable.Range(0, 100).Select(k => U(k, 0, 0, 1)));
        trace.Add([U(50, 0, 0, -1)]);

        trace.ListCount.Should().Be(2, "a one-update list is not merged into a hundred-update list");
        trace.Get(50).Should().BeEmpty();
        trace.Keys().Should().Equal(Enumerable.Range(0, 100).Where(k => k != 50));
    }

    [Fact]
    public void Get_consolidates_updates_spread_over_several_lists()
    {
        var trace = new SortedTrace<int, int, Timestamp, long>();
        trace.Add(Enumerable.Range(0, 64).Select(k => U(k, 1, 1, 1)));
        trace.Add([U(7, 1, 1, 1), U(7, 0, 2, 1)]);

        trace.ListCount.Should().Be(2);
        trace.Get(7).Should().Equal(U(7, 0, 2, 1), U(7, 1, 1, 2));
    }

    [Fact]
    public void Advancing_times_consolidates_and_keeps_the_list_count_bound()
    {
        var trace = new SortedTrace<int, int, Timestamp, long>();
        for (ulong time = 0; time < 10; time++)
        {
            trace.Add(Enumerable.Range(0, 20).Select(k => U(k, 0, time, 1)));
        }

        trace.AdvanceBy([10]);

        trace.Count.Should().Be(20, "all ten times of every (key, val) become time 10");
        trace.ListCount.Should().Be(1);
        trace.Get(3).Should().Equal(U(3, 0, 10, 10));
    }

    [Fact]
    public void A_null_key_gets_an_argument_exception_and_changes_nothing()
    {
        var trace = new SortedTrace<string, int, Timestamp, long>();
        trace.Add([new("a", 1, 0, 1)]);

        var add = () => trace.Add([new("b", 1, 0, 1), new(null!, 1, 0, 1)]);

        add.Should().Throw<ArgumentException>();
        trace.Keys().Should().Equal("a");
        trace.Count.Should().Be(1);
    }

    [Fact]
    public void A_regressing_frontier_gets_an_argument_exception_and_changes_nothing()
    {
        var trace = new SortedTrace<int, int, Timestamp, long>();
        trace.Add([U(1, 0, 2, 1), U(1, 0, 3, 1)]);
        trace.AdvanceBy([5]);

        var advance = () => trace.AdvanceBy([4]);

        advance.Should().Throw<ArgumentException>();
        trace.Get(1).Should().Equal(U(1, 0, 5, 2));
    }

    [Fact]
    public void Enumerating_keys_while_adding_gets_an_invalid_operation_exception()
    {
        var trace = new SortedTrace<int, int, Timestamp, long>();
        trace.Add([U(1, 0, 0, 1), U(2, 0, 0, 1)]);

        var enumerate = () =>
        {
            foreach (int key in trace.Keys())
            {
                trace.Add([U(key + 10, 0, 0, 1)]);
            }
        };

        enumerate.Should().Throw<InvalidOperationException>();
    }
}
