using Traces.Conformance;
using Traces.Sorted;

namespace Traces.Sorted.Tests;

/// <summary>
/// The cursor's own cases: what a finger per list has to get right and the conformance suite's traces, which seldom
/// hold more than a few lists, rarely reach: a key or value in only some lists, histories and cancellations spread
/// over several lists, seeks that run some fingers off their lists.
/// </summary>
[Trait("Part", "2")]
public sealed class SortedTraceCursorTests
{
    private static Update<int, int, Timestamp, long> U(int key, int val, ulong time, long diff) => new(key, val, time, diff);

    [Fact]
    [Trait("Runs", "model")]
    public void The_cursor_moves_like_a_snapshot_cursor_over_many_lists() =>
        ModelRun.Check("part 2: the cursor against a snapshot, over many lists", static (random, log) =>
        {
            var trace = new SortedTrace<int, int, Timestamp, long>();
            var added = new List<Update<int, int, Timestamp, long>>();
            ulong frontier = 0;
            log.Write("var trace = new SortedTrace<int, int, Timestamp, long>();");
            for (int round = random.Next(1, 4); round > 0 && !random.Exhausted; round--)
            {
                // Each batch less than half the last, so that most batches stay lists of their own; a few keys,
                // values and times, so that lists share keys and values and cancel each other.
                for (int size = random.Next(1, 120); size > 0; size = size < 2 ? 0 : random.Next(size / 2))
                {
                    var batch = new Update<int, int, Timestamp, long>[size];
                    for (int i = 0; i < size; i++)
                    {
                        batch[i] = U(random.Next(24), random.Next(4), (ulong)random.Next(4), random.Chance(0.3) ? -1 : 1);
                    }

                    log.Write($"trace.Add({CodeText.List(batch)});");
                    trace.Add(batch);
                    added.AddRange(batch);
                }

                if (random.Chance(0.2))
                {
                    frontier += (ulong)random.Next(3);
                    log.Write($"trace.AdvanceBy([{frontier}]);");
                    trace.AdvanceBy([frontier]);
                }
            }

            // The trace advanced every time to the frontier (a total order: the later of the two).
            var advanced = added.Select(u => u with { Time = Math.Max(u.Time.Value, frontier) }).ToArray();
            log.Write($"var expected = new SnapshotCursor<int, int, Timestamp, long>(new TraceVersion(), {CodeText.List(advanced)});");
            var expected = new SnapshotCursor<int, int, Timestamp, long>(new TraceVersion(), advanced);
            log.Write("var cursor = trace.GetCursor();");
            var cursor = trace.GetCursor();
            log.Write("ShouldMatch(cursor, expected);");
            ShouldMatch(cursor, expected);
            for (int step = 0; step < 80 && !random.Exhausted; step++)
            {
                int key = random.Next(26), val = random.Next(5);
                switch (random.Next(6))
                {
                    case 0:
                        log.Write("cursor.StepKey(); expected.StepKey();");
                        cursor.StepKey();
                        expected.StepKey();
                        break;
                    case 1:
                        log.Write($"cursor.SeekKey({key}); expected.SeekKey({key});");
                        cursor.SeekKey(key);
                        expected.SeekKey(key);
                        break;
                    case 2:
                        log.Write("cursor.StepVal(); expected.StepVal();");
                        cursor.StepVal();
                        expected.StepVal();
                        break;
                    case 3:
                        log.Write($"cursor.SeekVal({val}); expected.SeekVal({val});");
                        cursor.SeekVal(val);
                        expected.SeekVal(val);
                        break;
                    case 4:
                        log.Write("cursor.RewindVals(); expected.RewindVals();");
                        cursor.RewindVals();
                        expected.RewindVals();
                        break;
                    default:
                        log.Write("cursor.RewindKeys(); expected.RewindKeys();");
                        cursor.RewindKeys();
                        expected.RewindKeys();
                        break;
                }

                log.Write("ShouldMatch(cursor, expected);");
                ShouldMatch(cursor, expected);
            }
        }, sequences: 400, maxChoices: 2_000);

    [Fact]
    public void A_key_in_only_some_lists_is_gathered_from_those_lists()
    {
        var trace = new SortedTrace<int, int, Timestamp, long>();
        trace.Add(Enumerable.Range(0, 40).Select(k => U(k, 0, 1, 1)));
        trace.Add(Enumerable.Range(100, 10).Select(k => U(k, 0, 1, 1)));
        trace.Add([U(5, 0, 2, 1), U(5, 1, 1, 1), U(105, 0, 1, 2)]);
        trace.ListCount.Should().Be(3, "no batch is as much as half the list before it");

        var cursor = trace.GetCursor();
        cursor.SeekKey(5);
        cursor.Key.Should().Be(5);
        cursor.Val.Should().Be(0);
        cursor.History.ToArray().Should().Equal((new Timestamp(1), 1L), (new Timestamp(2), 1L));
        cursor.StepVal();
        cursor.Val.Should().Be(1);
        cursor.History.ToArray().Should().Equal((new Timestamp(1), 1L));
        cursor.StepVal();
        cursor.ValValid.Should().BeFalse();

        cursor.SeekKey(50);
        cursor.Key.Should().Be(100, "the first list has no key from 40 on: its finger runs off its end");
        cursor.SeekKey(105);
        cursor.History.ToArray().Should().Equal([(new Timestamp(1), 3L)], "the second and third lists add at one time");
        cursor.StepKey();
        cursor.Key.Should().Be(106);
        cursor.SeekKey(200);
        cursor.KeyValid.Should().BeFalse();
        cursor.ValValid.Should().BeFalse();
    }

    [Fact]
    public void Values_and_keys_that_cancel_across_lists_are_skipped()
    {
        var trace = new SortedTrace<int, int, Timestamp, long>();
        trace.Add([.. Enumerable.Range(0, 40).Select(k => U(k, 0, 1, 1)), U(7, 1, 1, 1)]);
        trace.Add([U(7, 0, 1, -1), U(8, 0, 1, -1)]);
        trace.ListCount.Should().Be(2);

        var cursor = trace.GetCursor();
        cursor.SeekKey(7);
        cursor.Val.Should().Be(1, "value 0 of key 7 cancels across the lists");
        cursor.StepKey();
        cursor.Key.Should().Be(9, "key 8's only value cancels across the lists");
        cursor.RewindKeys();
        cursor.SeekKey(8);
        cursor.Key.Should().Be(9);

        var keys = new List<int>();
        for (cursor.RewindKeys(); cursor.KeyValid; cursor.StepKey())
        {
            keys.Add(cursor.Key);
        }

        keys.Should().Equal(Enumerable.Range(0, 40).Where(k => k != 8));
    }

    [Fact]
    public void Moving_the_cursor_allocates_nothing_once_its_history_buffer_has_grown()
    {
        var trace = new SortedTrace<int, int, Timestamp, long>();
        foreach (int size in new[] { 300, 100, 30, 10, 3, 1 })
        {
            trace.Add(Enumerable.Range(0, size).Select(i => U(i, i % 3, (ulong)(i % 5), 1)));
        }

        trace.ListCount.Should().Be(6);
        var cursor = trace.GetCursor();
        long pairs = WalkAndSeek(cursor);

        // The first round grew the buffer (and loaded every method and type); the second must allocate nothing.
        long before = GC.GetAllocatedBytesForCurrentThread();
        long again = WalkAndSeek(cursor);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        again.Should().Be(pairs);
        allocated.Should().Be(0);
    }

    private static long WalkAndSeek(SortedTraceCursor<int, int, Timestamp, long> cursor)
    {
        cursor.RewindKeys();
        long pairs = Walk(cursor);
        cursor.RewindKeys();
        cursor.SeekKey(20);
        cursor.SeekVal(2);
        cursor.RewindVals();
        cursor.SeekKey(45);
        return pairs + cursor.History.Length;
    }

    [Fact]
    public void A_cursor_made_after_an_add_reads_the_new_list()
    {
        var trace = new SortedTrace<int, int, Timestamp, long>();
        trace.Add([U(1, 0, 1, 1)]);
        var before = trace.GetCursor();
        trace.Add([U(0, 0, 1, 1)]);

        var read = () => before.Key;

        read.Should().Throw<InvalidOperationException>();
        trace.GetCursor().Key.Should().Be(0);
    }

    /// <summary>Checks that <paramref name="cursor"/> is where <paramref name="expected"/> is, and reads the same.</summary>
    private static void ShouldMatch(
        SortedTraceCursor<int, int, Timestamp, long> cursor, SnapshotCursor<int, int, Timestamp, long> expected)
    {
        cursor.KeyValid.Should().Be(expected.KeyValid);
        cursor.ValValid.Should().Be(expected.ValValid);
        if (expected.KeyValid)
        {
            cursor.Key.Should().Be(expected.Key);
        }

        if (expected.ValValid)
        {
            cursor.Val.Should().Be(expected.Val);
            cursor.History.ToArray().Should().Equal(expected.History.ToArray());
        }
    }

    /// <summary>Walks every key and value from where the cursor is; returns the number of pairs read.</summary>
    private static long Walk(SortedTraceCursor<int, int, Timestamp, long> cursor)
    {
        long pairs = 0;
        for (; cursor.KeyValid; cursor.StepKey())
        {
            for (; cursor.ValValid; cursor.StepVal())
            {
                pairs += cursor.History.Length;
            }
        }

        return pairs;
    }
}
