using System.Runtime.CompilerServices;
using Traces;
using Traces.Conformance;
using Traces.Tries;

namespace Exercises.Ch04;

/// <summary>Exercise 4.1: the point query down the layers, and a query that decides visibility by the sort order.</summary>
[Trait("Part", "exercises")]
public sealed class CountAtAnswer : CountAtCheck
{
    protected override long Count(
        Trie<long, long, Product<Timestamp, Timestamp>, long> trie, long key, long val, Product<Timestamp, Timestamp> time) =>
        CountAt.Count(trie, key, val, time);

    [Fact]
    public void Counting_every_time_that_sorts_first_fails_the_check()
    {
        new BySortOrder().Invoking(static c => c.Every_count_is_the_models_accumulation()).Should().Throw<Exception>();
    }

    /// <summary>Sums the times that sort before the reader's: right for a total order, wrong for pairs.</summary>
    private sealed class BySortOrder : CountAtCheck
    {
        protected override long Count(
            Trie<long, long, Product<Timestamp, Timestamp>, long> trie, long key, long val, Product<Timestamp, Timestamp> time)
        {
            long sum = 0;
            var updates = new Update<long, long, Product<Timestamp, Timestamp>, long>[trie.UpdateCount];
            int k = trie.FindKey(key);
            int n = k < 0 ? 0 : trie.CopyUpdates(k, updates);
            foreach (var u in updates.AsSpan(0, n))
            {
                sum += u.Val == val && u.Time.CompareTo(time) <= 0 ? u.Diff : 0;
            }

            return sum;
        }
    }
}

/// <summary>Exercise 4.2: the key-only trie trace against the key-only conformance suite.</summary>
[Trait("Part", "exercises")]
public sealed class KeyTrieTraceConformance : KeyTraceConformance
{
    protected override ITrace<TKey, Unit, TTime, TDiff> CreateTrace<TKey, TTime, TDiff>() =>
        new KeyTrieTrace<TKey, TTime, TDiff>();
}

/// <summary>Exercise 4.2: what the value layer costs a collection of keys, counted from the layers' lengths.</summary>
[Trait("Part", "exercises")]
public sealed class KeyTrieSizeTests
{
    [Fact]
    public void Without_the_value_layer_a_set_of_keys_takes_a_fifth_less_room()
    {
        // A set of 1000 keys, each added once: one update per key.
        var updates = new Update<long, Unit, Timestamp, long>[1000];
        for (int i = 0; i < updates.Length; i++)
        {
            updates[i] = new(i, Unit.Value, 1, 1);
        }

        var part3 = TrieBuilder<long, Unit, Timestamp, long>.FromSorted(updates);
        var keyOnly = KeyTrie<long, Timestamp, long>.FromSorted(updates);
        long part3Bytes = Bytes(part3.Keys) + Bytes(part3.Vals) + Bytes(part3.History);
        long keyOnlyBytes = Bytes(keyOnly.Keys) + Bytes(keyOnly.History);

        part3Bytes.Should().Be(1000 * (16 + 8 + 16), "a key entry, a (unit, end) entry and a (time, diff) pair each");
        keyOnlyBytes.Should().Be(1000 * (16 + 16));
        ((double)keyOnlyBytes / part3Bytes).Should().Be(0.8);
    }

    private static long Bytes<T>(ReadOnlySpan<T> layer) => (long)layer.Length * Unsafe.SizeOf<T>();
}
