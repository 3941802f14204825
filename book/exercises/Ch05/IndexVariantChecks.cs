using Traces;
using Traces.Conformance;
using Traces.Index;

namespace Exercises.Ch05;

/// <summary>Exercise 5.1: the membership test through the index, and one that trusts the index alone.</summary>
[Trait("Part", "exercises")]
public sealed class ContainsKeyAnswer : ContainsKeyCheck
{
    protected override bool Contains(IndexedTrace<long, long, Timestamp, long> trace, long key) =>
        ContainsKey.Contains(trace, key);

    [Fact]
    public void Trusting_the_index_alone_fails_the_check()
    {
        new IndexAlone().Invoking(static c => c.A_key_that_cancels_across_tries_is_not_contained())
            .Should().Throw<Exception>();
    }

    private sealed class IndexAlone : ContainsKeyCheck
    {
        protected override bool Contains(IndexedTrace<long, long, Timestamp, long> trace, long key) =>
            trace.IndexedPositions(key).MoveNext();
    }
}

/// <summary>Exercise 5.2: the trace with a Bloom filter per trie, against the suite and measured.</summary>
[Trait("Part", "exercises")]
public sealed class FilteredTrieTraceConformance : TraceConformance
{
    protected override ITrace<TKey, TVal, TTime, TDiff> CreateTrace<TKey, TVal, TTime, TDiff>() =>
        new FilteredTrieTrace<TKey, TVal, TTime, TDiff>();
}

/// <summary>Exercise 5.2: how many binary searches the filters save.</summary>
[Trait("Part", "exercises")]
public sealed class KeyFilterTests
{
    [Fact]
    public void Absent_keys_search_few_tries_and_present_keys_search_few_more_than_hold_them()
    {
        // Batches of 512, 256, ..., 1 even keys, each too small to merge with the one before: ten tries.
        var trace = new FilteredTrieTrace<long, long, Timestamp, long>();
        long next = 0;
        for (int size = 512; size >= 1; size /= 2)
        {
            var batch = new Update<long, long, Timestamp, long>[size];
            for (int i = 0; i < size; i++)
            {
                batch[i] = new(2 * next++, 0, 0, 1);
            }

            trace.Add(batch);
        }

        trace.TrieCount.Should().Be(10);
        for (long odd = 1; odd < 2 * next; odd += 2)
        {
            trace.Get(odd).Should().BeEmpty();
        }

        long questions = next * trace.TrieCount;
        trace.SearchedTries.Should().BeLessThan(questions / 20, "fewer than one filter in twenty lets an absent key by");

        long before = trace.SearchedTries;
        for (long even = 0; even < 2 * next; even += 2)
        {
            trace.Get(even).Should().ContainSingle();
        }

        (trace.SearchedTries - before).Should().BeLessThan(next + (questions / 20), "one search finds each key");
    }

    [Fact]
    public void A_filter_never_denies_a_key_it_holds()
    {
        var keys = new (string Key, int End)[300];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = ("k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i);
        }

        var filter = KeyFilter<string>.Of<int>(keys);
        foreach (var (key, _) in keys)
        {
            filter.MayContain(key).Should().BeTrue(key);
        }
    }
}
