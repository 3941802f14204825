using Traces;
using Traces.Conformance;
using Traces.Index;

namespace Exercises.Ch05;

/// <summary>
/// The check for a membership test of your own on part 4's trace: random batches, half of them retractions, and
/// after each one every key against the reference model's keys. Subclass it and call your test.
/// </summary>
public abstract class ContainsKeyCheck
{
    /// <summary>Returns whether <paramref name="trace"/> holds <paramref name="key"/> (as its keys would list it).</summary>
    /// <param name="trace">The trace.</param>
    /// <param name="key">The key.</param>
    protected abstract bool Contains(IndexedTrace<long, long, Timestamp, long> trace, long key);

    /// <summary>Sixty batches; keys -1 to 25 are asked about after each.</summary>
    [Fact]
    public void Every_key_is_contained_exactly_when_the_model_lists_it()
    {
        var random = new Random(1);
        var trace = new IndexedTrace<long, long, Timestamp, long>();
        var model = new ReferenceTrace<long, long, Timestamp, long>();
        var added = new List<Update<long, long, Timestamp, long>>();
        for (int step = 0; step < 60; step++)
        {
            var batch = new List<Update<long, long, Timestamp, long>>();
            for (int i = random.Next(1, 12); i > 0; i--)
            {
                bool retract = added.Count > 0 && random.Next(2) == 0;
                var earlier = retract ? added[random.Next(added.Count)] : default;
                batch.Add(retract ? earlier with { Diff = -earlier.Diff }
                    : new(random.Next(25), random.Next(3), (ulong)random.Next(3), 1));
            }

            added.AddRange(batch);
            trace.Add(batch);
            model.Add(batch);
            var live = model.Keys().ToHashSet();
            for (long key = -1; key <= 25; key++)
            {
                Contains(trace, key).Should().Be(live.Contains(key), $"step {step}, key {key}");
            }
        }
    }

    /// <summary>A +1 in a large trie and a -1 in a small one not yet merged with it.</summary>
    [Fact]
    public void A_key_that_cancels_across_tries_is_not_contained()
    {
        var trace = new IndexedTrace<long, long, Timestamp, long>();
        trace.Add([new(1, 0, 0, 1), new(2, 0, 0, 1), new(3, 0, 0, 1), new(4, 0, 0, 1)]);
        trace.Add([new(2, 0, 0, -1)]);
        trace.TrieCount.Should().Be(2, "the small batch does not merge with the large one");
        Contains(trace, 2).Should().BeFalse();
        Contains(trace, 3).Should().BeTrue();
    }
}
