using Traces.Conformance;
using Traces.Tries;

namespace Traces.Tries.Tests;

[Trait("Part", "3")]
public sealed class TrieTraceTests
{
    private static Update<string, int, Timestamp, long> U(string key, int val, ulong time, long diff) => new(key, val, time, diff);

    [Fact]
    [Trait("Runs", "model")]
    public void Trie_count_stays_within_log2_of_the_update_count_as_batches_grow_and_shrink() =>
        ModelRun.Check("part 3: trie count as batches grow and shrink", static (random, log) => TrieCountRun(random, log),
            sequences: 10, maxChoices: 100_000);

    private static void TrieCountRun(Choices random, RunLog log)
    {
        var trace = new TrieTrace<string, int, Timestamp, long>();
        var added = new List<Update<string, int, Timestamp, long>>();
        log.Write("var trace = new TrieTrace<string, int, Timestamp, long>();");
        for (int round = 0; round < 300 && !random.Exhausted; round++)
        {
            // Batch sizes sweep up and down, and a third of each batch retracts earlier updates, so tries shrink.
            int size = 1 + (int)(150 * (1 + Math.Sin(round / 7.0)));
            var batch = new List<Update<string, int, Timestamp, long>>(size);
            for (int i = 0; i < size; i++)
            {
                batch.Add(added.Count > 0 && random.Next(3) == 0
                    ? added[random.Next(added.Count)] with { Diff = -1 }
                    : U($"k{random.Next(2_000):D4}", random.Next(3), (ulong)random.Next(5), 1));
            }

            added.AddRange(batch);
            log.Write($"trace.Add({CodeText.List(batch)});");
            trace.Add(batch);

            long count = trace.Count;
            int bound = count == 0 ? 0 : (int)Math.Floor(Math.Log2(count)) + 1;
            log.Write($"trace.TrieCount.Should().BeLessThanOrEqualTo({bound});");
            trace.TrieCount.Should().BeLessThanOrEqualTo(bound, $"round {round}, {count} updates");
        }
    }

    [Fact]
    public void A_key_that_cancels_when_its_tries_merge_is_gone_from_get_and_keys()
    {
        var trace = new TrieTrace<string, int, Timestamp, long>();
        trace.Add([U("a", 1, 1, 1), U("b", 1, 1, 2), U("b", 2, 1, 1), U("c", 1, 1, 1)]);
        trace.Add([U("b", 1, 1, -2), U("b", 2, 1, -1), U("d", 1, 1, 1)]);

        trace.TrieCount.Should().Be(1);
        trace.Count.Should().Be(3);
        trace.Get("b").Should().BeEmpty();
        trace.Keys().Should().Equal("a", "c", "d");
    }

    [Fact]
    public void A_key_that_cancels_across_tries_that_stay_apart_is_not_listed()
    {
        var trace = new TrieTrace<string, int, Timestamp, long>();
        trace.Add(Enumerable.Range(0, 50).Select(i => U($"k{i:D2}", 0, 0, 1)));
        trace.Add([U("k10", 0, 0, -1)]);

        trace.TrieCount.Should().Be(2);
        trace.Keys().Should().HaveCount(49).And.NotContain("k10");
        trace.Get("k10").Should().BeEmpty();
    }

    [Fact]
    public void Compaction_merges_the_histories_of_every_trie_and_restacks_them()
    {
        var trace = new TrieTrace<string, int, Timestamp, long>();
        for (ulong time = 1; time <= 8; time++)
        {
            trace.Add([U("x", 0, time, 1), U("y", 0, time, time % 2 == 0 ? 1 : -1)]);
        }

        trace.AdvanceBy([8]);

        trace.TrieCount.Should().Be(1);
        trace.Get("x").Should().Equal(U("x", 0, 8, 8));
        trace.Get("y").Should().BeEmpty("four +1s and four -1s meet at time 8");
        trace.Keys().Should().Equal("x");
    }
}
