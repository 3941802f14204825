using Traces.Conformance;

namespace Traces.Tries.Tests;

[Trait("Part", "3")]
public sealed class TrieCursorTests
{
    private static Update<int, int, Timestamp, long> U(int key, int val, ulong time, long diff) => new(key, val, time, diff);

    [Fact]
    [Trait("Runs", "model")]
    public void Cursor_moves_over_many_tries_match_the_model() =>
        ModelRun.Check(
            "part 3: cursor moves against the model",
            static (random, log) => CursorRun.Run(random, log, "TrieTrace<int, int, Timestamp, long>", static () => new TrieTrace<int, int, Timestamp, long>()),
            sequences: 300,
            maxChoices: 400);

    [Fact]
    public void Seeks_skip_tries_whose_keys_are_all_behind_or_ahead()
    {
        // Three tries over disjoint ranges (sizes 40, 16, 6, so none merges): 0..39, 100..115, 200..205.
        var trace = new TrieTrace<int, int, Timestamp, long>();
        trace.Add(Enumerable.Range(0, 40).Select(k => U(k, 0, 1, 1)));
        trace.Add(Enumerable.Range(100, 16).Select(k => U(k, 0, 1, 1)));
        trace.Add(Enumerable.Range(200, 6).Select(k => U(k, 0, 1, 1)));
        trace.TrieCount.Should().Be(3);

        var cursor = trace.GetCursor();
        cursor.SeekKey(50);
        cursor.Key.Should().Be(100, "the first trie is passed, the second holds the first key after 50");
        cursor.SeekKey(115);
        cursor.StepKey();
        cursor.Key.Should().Be(200, "stepping past the second trie's last key lands in the third");
        cursor.SeekKey(206);
        cursor.KeyValid.Should().BeFalse();
        cursor.ValValid.Should().BeFalse();
    }

    [Fact]
    public void A_value_held_by_several_tries_gets_one_consolidated_history()
    {
        var trace = new TrieTrace<int, int, Timestamp, long>();
        trace.Add([U(1, 0, 1, 1), U(1, 0, 3, 1), U(1, 1, 1, 1), U(2, 0, 1, 1), U(3, 0, 1, 1), U(4, 0, 1, 1)]);
        trace.Add([U(1, 0, 2, 5), U(1, 0, 3, -1), U(1, 2, 1, 1)]);
        trace.TrieCount.Should().Be(2);

        var cursor = trace.GetCursor();
        cursor.Key.Should().Be(1);
        cursor.Val.Should().Be(0);
        cursor.History.ToArray().Should().Equal(((Timestamp)1, 1L), ((Timestamp)2, 5L));
        cursor.StepVal();
        cursor.Val.Should().Be(1, "value 1 is in the first trie only");
        cursor.History.ToArray().Should().Equal(((Timestamp)1, 1L));
        cursor.StepVal();
        cursor.Val.Should().Be(2, "value 2 is in the second trie only");
        cursor.StepVal();
        cursor.ValValid.Should().BeFalse();
    }

    [Fact]
    public void A_walk_over_keys_spread_across_tries_allocates_nothing()
    {
        var trace = new TrieTrace<int, int, Timestamp, long>();
        for (int b = 0; b < 6; b++)
        {
            // Overlapping keys in tries of different sizes, each batch with its own value: the cursor merges keys
            // across tries and reads every history straight from the trie that holds it.
            trace.Add(Enumerable.Range(0, 64 >> b).Select(k => U(3 * k % 50, b, (ulong)b, 1)));
        }

        trace.TrieCount.Should().BeGreaterThan(1);
        var cursor = trace.GetCursor();
        long first = CursorChecker.SumDiffs(cursor);
        cursor.RewindKeys();
        long before = GC.GetAllocatedBytesForCurrentThread();
        long second = CursorChecker.SumDiffs(cursor);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        first.Should().Be(126);
        second.Should().Be(first);
        allocated.Should().Be(0);
    }
}
