using Traces;
using Traces.Conformance;
using Traces.Tries;

namespace Exercises.Ch04;

/// <summary>
/// The check for a point query of your own on one trie: every key, value and pair time of random tries over
/// partially ordered times, against the reference model's accumulation. Subclass it and call your query.
/// </summary>
public abstract class CountAtCheck
{
    /// <summary>Returns the count of <c>(key, val)</c> at <paramref name="time"/> in <paramref name="trie"/>.</summary>
    /// <param name="trie">The trie.</param>
    /// <param name="key">The key.</param>
    /// <param name="val">The value.</param>
    /// <param name="time">The time to read at.</param>
    protected abstract long Count(
        Trie<long, long, Product<Timestamp, Timestamp>, long> trie,
        long key, long val, Product<Timestamp, Timestamp> time);

    /// <summary>Ten random tries; keys -1 to 6, values -1 to 4, times (0, 0) to (4, 4).</summary>
    [Fact]
    public void Every_count_is_the_models_accumulation()
    {
        var random = new Random(1);
        for (int round = 0; round < 10; round++)
        {
            var updates = new Update<long, long, Product<Timestamp, Timestamp>, long>[random.Next(1, 80)];
            for (int i = 0; i < updates.Length; i++)
            {
                updates[i] = new(random.Next(6), random.Next(4),
                    new((ulong)random.Next(4), (ulong)random.Next(4)), random.Next(-2, 3));
            }

            int length = Consolidation.Consolidate<long, long, Product<Timestamp, Timestamp>, long>(updates);
            var held = updates[..length];
            var trie = TrieBuilder<long, long, Product<Timestamp, Timestamp>, long>.FromSorted(held);
            for (long key = -1; key <= 6; key++)
            {
                for (long val = -1; val <= 4; val++)
                {
                    for (ulong outer = 0; outer <= 4; outer++)
                    {
                        for (ulong inner = 0; inner <= 4; inner++)
                        {
                            var time = new Product<Timestamp, Timestamp>(outer, inner);
                            Count(trie, key, val, time).Should().Be(
                                ReferenceTrace<long, long, Product<Timestamp, Timestamp>, long>.Accumulate(
                                    held, key, val, time),
                                $"round {round}: ({key}, {val}) at {time}");
                        }
                    }
                }
            }
        }
    }
}
