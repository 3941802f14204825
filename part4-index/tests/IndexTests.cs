using Traces.Conformance;
using Traces.Index;
using Traces.Tries;

namespace Traces.Index.Tests;

[Trait("Part", "4")]
public sealed class IndexTests
{
    private static Update<int, int, Timestamp, long> U(int key, int val, ulong time, long diff) => new(key, val, time, diff);

    /// <summary>Checks that the index holds exactly the key positions of the stacked tries.</summary>
    private static void IndexShouldMatchTries(IndexedTrace<int, int, Timestamp, long> trace, string because)
    {
        var tries = trace.StackedTries;
        var distinct = new HashSet<int>();
        int positions = 0;
        foreach (var trie in tries)
        {
            for (int offset = 0; offset < trie.Keys.Length; offset++)
            {
                int key = trie.Keys[offset].Key;
                distinct.Add(key);
                positions++;
                bool found = false;
                foreach (var (indexed, at) in trace.Index.Positions(key))
                {
                    found |= ReferenceEquals(indexed, trie) && at == offset;
                }

                found.Should().BeTrue($"key {key} at offset {offset} should be indexed; {because}");
            }
        }

        trace.Index.PositionCount.Should().Be(positions, because);
        trace.IndexedKeyCount.Should().Be(distinct.Count, because);
    }

    [Fact]
    [Trait("Runs", "model")]
    public void Index_matches_the_tries_after_merges_that_cancel_keys() =>
        ModelRun.Check("part 4: the index against the tries", static (random, log) => IndexAgainstTries(random, log),
            sequences: 20, maxChoices: 40_000);

    private static void IndexAgainstTries(Choices random, RunLog log)
    {
        var trace = new IndexedTrace<int, int, Timestamp, long>();
        var reference = new TrieTrace<int, int, Timestamp, long>();
        var added = new List<Update<int, int, Timestamp, long>>();
        log.Write("var trace = new IndexedTrace<int, int, Timestamp, long>();");
        for (int round = 0; round < 200 && !random.Exhausted; round++)
        {
            var batch = new List<Update<int, int, Timestamp, long>>();
            int size = 1 + random.Next(40);
            for (int i = 0; i < size; i++)
            {
                // Half the time, retract something added before, so that keys cancel when tries merge.
                batch.Add(added.Count > 0 && random.Next(2) == 0
                    ? added[random.Next(added.Count)] with { Diff = -1 }
                    : U(random.Next(300), random.Next(3), (ulong)random.Next(4), 1));
            }

            added.AddRange(batch);
            log.Write($"trace.Add({CodeText.List(batch)});");
            log.Write("IndexShouldMatchTries(trace, \"\");");
            trace.Add(batch);
            reference.Add(batch);
            IndexShouldMatchTries(trace, $"round {round}");
            long count = trace.Count;
            trace.TrieCount.Should().BeLessThanOrEqualTo(count == 0 ? 0 : (int)Math.Floor(Math.Log2(count)) + 1, $"round {round}");

            if (round % 50 == 49)
            {
                log.Write($"trace.AdvanceBy([{round / 50}]);");
                trace.AdvanceBy([(ulong)(round / 50)]);
                reference.AdvanceBy([(ulong)(round / 50)]);
                IndexShouldMatchTries(trace, $"after compaction in round {round}");
            }
        }

        for (int key = 0; key < 300; key++)
        {
            trace.Get(key).Should().Equal(reference.Get(key), $"key {key}");
        }

        trace.Keys().Should().Equal(reference.Keys());
    }

    [Fact]
    public void A_key_cancelled_in_a_merge_leaves_the_index()
    {
        var trace = new IndexedTrace<int, int, Timestamp, long>();
        trace.Add([U(1, 0, 0, 1), U(2, 0, 0, 1)]);
        trace.Add([U(2, 0, 0, -1), U(3, 0, 0, 1)]);

        trace.TrieCount.Should().Be(1, "the second trie is not half the size of the first, so they merge");
        trace.IndexedKeyCount.Should().Be(2);
        trace.Index.Positions(2).MoveNext().Should().BeFalse();
        trace.Get(2).Should().BeEmpty();
        trace.Keys().Should().Equal(1, 3);
    }

    [Fact]
    public void A_key_cancelled_in_a_merge_but_held_by_another_trie_stays_indexed_there()
    {
        var trace = new IndexedTrace<int, int, Timestamp, long>();
        trace.Add(Enumerable.Range(0, 100).Select(k => U(k, 0, 0, 1)));
        trace.Add([U(5, 1, 0, 1), U(6, 1, 0, 1)]);
        trace.Add([U(5, 1, 0, -1), U(7, 1, 0, 1)]);

        trace.TrieCount.Should().Be(2);
        trace.Get(5).Should().Equal(U(5, 0, 0, 1));
        IndexShouldMatchTries(trace, "after the small tries merged");
    }

    [Fact]
    public void Get_consolidates_a_key_held_by_several_tries()
    {
        var trace = new IndexedTrace<int, int, Timestamp, long>();
        trace.Add(Enumerable.Range(0, 64).Select(k => U(k, 1, 1, 1)));
        trace.Add([U(7, 1, 1, 1), U(7, 0, 2, 1)]);

        trace.TrieCount.Should().Be(2);
        trace.Get(7).Should().Equal(U(7, 0, 2, 1), U(7, 1, 1, 2));
    }
}
