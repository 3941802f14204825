using Traces.Conformance;
using Traces.Tries;

namespace Traces.Tries.Tests;

[Trait("Part", "3")]
public sealed class TrieMergeTests
{
    private static Update<int, int, Timestamp, long>[] Flatten(Trie<int, int, Timestamp, long> trie)
    {
        var updates = new List<Update<int, int, Timestamp, long>>();
        for (int key = 0; key < trie.Keys.Length; key++)
        {
            var run = new Update<int, int, Timestamp, long>[trie.UpdateCountOf(key)];
            trie.CopyUpdates(key, run);
            updates.AddRange(run);
        }

        return [.. updates];
    }

    private static void ShouldBeWellFormed(Trie<int, int, Timestamp, long> trie)
    {
        for (int key = 0; key < trie.Keys.Length; key++)
        {
            trie.Keys[key].End.Should().BeGreaterThan(trie.ValsStart(key), "no key is without values");
        }

        for (int val = 0; val < trie.Vals.Length; val++)
        {
            trie.Vals[val].End.Should().BeGreaterThan(trie.HistoryStart(val), "no value is without history");
        }

        if (trie.Keys.Length > 0)
        {
            trie.Keys[^1].End.Should().Be(trie.Vals.Length);
            trie.Vals[^1].End.Should().Be(trie.History.Length);
        }
    }

    [Fact]
    public void Building_lays_out_keys_values_and_history_with_end_offsets()
    {
        Update<string, string, Timestamp, long>[] updates =
            [new("a", "x", 1, 1), new("a", "x", 2, -1), new("a", "y", 1, 2), new("b", "x", 3, 5)];

        var trie = TrieBuilder<string, string, Timestamp, long>.FromSorted(updates);

        trie.Keys.ToArray().Should().Equal(("a", 2), ("b", 3));
        trie.Vals.ToArray().Should().Equal(("x", 2), ("y", 3), ("x", 4));
        trie.History.ToArray().Should().Equal(((Timestamp)1, 1L), ((Timestamp)2, -1L), ((Timestamp)1, 2L), ((Timestamp)3, 5L));
    }

    [Fact]
    [Trait("Runs", "model")]
    public void Merge_at_random_size_ratios_equals_consolidating_the_concatenation() =>
        ModelRun.Check("part 3: merging two tries", static (random, log) =>
        {
            var a = SortedRuns.Random(random, random.Next(41));
            var b = SortedRuns.Random(random, random.Next(41));
            var expected = a.Concat(b).ToArray();
            expected = expected[..Consolidation.Consolidate<int, int, Timestamp, long>(expected)];
            log.Write($"Update<int, int, Timestamp, long>[] a = {CodeText.List(a)}, b = {CodeText.List(b)};");
            log.Write("var merged = TrieMerge.Merge(");
            log.Write("    TrieBuilder<int, int, Timestamp, long>.FromSorted(a), TrieBuilder<int, int, Timestamp, long>.FromSorted(b));");
            log.Write($"Flatten(merged).Should().Equal({CodeText.List(expected)});");
            log.Write("ShouldBeWellFormed(merged);");

            var merged = TrieMerge.Merge(
                TrieBuilder<int, int, Timestamp, long>.FromSorted(a), TrieBuilder<int, int, Timestamp, long>.FromSorted(b));

            Flatten(merged).Should().Equal(expected);
            ShouldBeWellFormed(merged);
        }, sequences: 1_600, maxChoices: 400);

    [Fact]
    public void A_key_whose_history_cancels_in_a_merge_leaves_no_key_and_no_value()
    {
        var a = TrieBuilder<int, int, Timestamp, long>.FromSorted([new(1, 0, 0, 1), new(2, 0, 0, 1), new(2, 1, 4, 2), new(3, 0, 0, 1)]);
        var b = TrieBuilder<int, int, Timestamp, long>.FromSorted([new(2, 0, 0, -1), new(2, 1, 4, -2)]);

        var merged = TrieMerge.Merge(a, b);

        merged.Keys.ToArray().Should().Equal((1, 1), (3, 2));
        merged.Vals.Length.Should().Be(2);
        merged.FindKey(2).Should().Be(~1);
    }

    [Fact]
    public void Advancing_a_trie_consolidates_each_history_and_drops_what_cancels()
    {
        var trie = TrieBuilder<int, int, Timestamp, long>.FromSorted(
            [new(1, 0, 1, 1), new(1, 0, 2, 1), new(2, 0, 1, 1), new(2, 0, 3, -1), new(2, 1, 7, 1)]);

        var advanced = TrieMerge.AdvanceBy(trie, [(Timestamp)5]);

        Flatten(advanced).Should().Equal(new Update<int, int, Timestamp, long>(1, 0, 5, 2), new(2, 1, 7, 1));
        ShouldBeWellFormed(advanced);
    }
}
