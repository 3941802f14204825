using Traces.Conformance;
using Traces.Tries.Tests;

namespace Traces.Index.Tests;

[Trait("Part", "4")]
public sealed class IndexedCursorTests
{
    private static Update<int, int, Timestamp, long> U(int key, int val, ulong time, long diff) => new(key, val, time, diff);

    [Fact]
    [Trait("Runs", "model")]
    public void Cursor_moves_over_many_tries_match_the_model() =>
        ModelRun.Check(
            "part 4: cursor moves against the model",
            static (random, log) => CursorRun.Run(random, log, "IndexedTrace<int, int, Timestamp, long>", static () => new IndexedTrace<int, int, Timestamp, long>()),
            sequences: 300,
            maxChoices: 400);

    [Fact]
    [Trait("Runs", "model")]
    public void A_look_up_from_the_start_then_a_walk_to_the_end_matches_the_model_for_every_key() =>
        ModelRun.Check("part 4: look-ups from the start, then walks", static (random, log) => LookUpThenWalk(random, log),
            sequences: 40, maxChoices: 2_000);

    private static void LookUpThenWalk(Choices random, RunLog log)
    {
        var trace = new IndexedTrace<int, int, Timestamp, long>();
        var model = new ReferenceTrace<int, int, Timestamp, long>();
        var added = new List<Update<int, int, Timestamp, long>>();
        log.Write("var trace = new IndexedTrace<int, int, Timestamp, long>();");
        log.Write("var model = new ReferenceTrace<int, int, Timestamp, long>();");
        for (int b = 0, batches = 1 + random.Next(10); b < batches && !random.Exhausted; b++)
        {
            // Half of each batch retracts earlier updates: keys held by several tries often cancel there.
            var batch = new Update<int, int, Timestamp, long>[1 + random.Next(16)];
            for (int i = 0; i < batch.Length; i++)
            {
                batch[i] = added.Count > 0 && random.Next(2) == 0
                    ? added[random.Next(added.Count)] with { Diff = -1 }
                    : U(2 * random.Next(20), random.Next(3), (ulong)random.Next(2), 1);
            }

            added.AddRange(batch);
            log.Write($"trace.Add({CodeText.List(batch)}); model.Add({CodeText.List(batch)});");
            trace.Add(batch);
            model.Add(batch);
        }

        var cursor = trace.GetCursor();
        var expected = model.GetCursor();
        log.Write("var cursor = trace.GetCursor(); var expected = model.GetCursor();");
        for (int key = -1; key <= 40; key++)
        {
            // The look-up goes through the index; the walk on brings the fingers it left behind up.
            log.Write($"cursor.RewindKeys(); cursor.SeekKey({key}); expected.RewindKeys(); expected.SeekKey({key});");
            cursor.RewindKeys();
            cursor.SeekKey(key);
            expected.RewindKeys();
            expected.SeekKey(key);
            for (int step = 0; expected.KeyValid || cursor.KeyValid; step++)
            {
                log.Write($"CursorRun.ShouldMatch(cursor, expected, \"key {key}, step {step}\");");
                CursorRun.ShouldMatch(cursor, expected, $"key {key}, step {step}");
                log.Write("cursor.StepVal(); expected.StepVal(); cursor.StepKey(); expected.StepKey();");
                cursor.StepVal();
                expected.StepVal();
                CursorRun.ShouldMatch(cursor, expected, $"key {key}, step {step}, second value");
                cursor.StepKey();
                expected.StepKey();
            }
        }
    }

    [Fact]
    public void A_look_up_from_the_start_compares_no_keys_and_a_step_after_it_brings_the_other_fingers_up()
    {
        var comparisons = new Counter();
        var trace = new IndexedTrace<CountedKey, int, Timestamp, long>();
        trace.Add(Enumerable.Range(0, 64).Select(k => Counted(2 * k, comparisons)));
        trace.Add(Enumerable.Range(0, 16).Select(k => Counted(8 * k + 1, comparisons)));
        trace.TrieCount.Should().Be(2);
        var cursor = trace.GetCursor();

        comparisons.Count = 0;
        cursor.RewindKeys();
        cursor.SeekKey(new CountedKey(41, comparisons));
        cursor.Key.Value.Should().Be(41);
        cursor.Val.Should().Be(0);
        cursor.History.ToArray().Should().Equal(((Timestamp)1, 1L));
        comparisons.Count.Should().Be(0, "the index finds the key by its hash and the trie by its offset");

        cursor.StepKey();
        cursor.Key.Value.Should().Be(42, "the larger trie's finger, left at its start, is brought up to the key");
        comparisons.Count.Should().BeGreaterThan(0);
        cursor.StepKey();
        cursor.Key.Value.Should().Be(44);
    }

    [Fact]
    public void A_look_up_from_the_start_of_a_key_that_cancels_across_tries_lands_on_the_next_key()
    {
        var trace = new IndexedTrace<int, int, Timestamp, long>();
        trace.Add(Enumerable.Range(0, 50).Select(k => U(k, 0, 1, 1)));
        trace.Add([U(10, 0, 1, -1), U(11, 0, 1, -1)]);
        trace.TrieCount.Should().Be(2);
        int positions = 0;
        foreach (var _ in trace.IndexedPositions(10))
        {
            positions++;
        }

        positions.Should().Be(2, "both tries hold key 10; it cancels only when their updates are added up");

        var cursor = trace.GetCursor();
        cursor.SeekKey(10);
        cursor.Key.Should().Be(12, "10 and 11 cancel across the two tries");
        cursor.RewindKeys();
        cursor.SeekKey(9);
        cursor.Key.Should().Be(9);
        cursor.StepKey();
        cursor.Key.Should().Be(12);
    }

    [Fact]
    public void A_sorted_batch_of_seeks_without_rewinding_answers_what_single_look_ups_answer()
    {
        var trace = new IndexedTrace<int, int, Timestamp, long>();
        for (int b = 0; b < 12; b++)
        {
            trace.Add(Enumerable.Range(0, 10 + 7 * b).Select(i => U((i * 37 + b * 11) % 500, b % 3, (ulong)b, 1)));
        }

        var keys = Enumerable.Range(0, 120).Select(i => i * 5 % 503).Order().ToArray();
        var output = new List<Update<int, int, Timestamp, long>>();
        var ends = new int[keys.Length];
        trace.GetSorted(keys, output, ends);

        var cursor = trace.GetCursor();
        int start = 0;
        for (int q = 0; q < keys.Length; q++)
        {
            cursor.SeekKey(keys[q]);
            var found = new List<Update<int, int, Timestamp, long>>();
            if (cursor.KeyValid && cursor.Key == keys[q])
            {
                for (; cursor.ValValid; cursor.StepVal())
                {
                    foreach (var (time, diff) in cursor.History)
                    {
                        found.Add(U(keys[q], cursor.Val, time.Value, diff));
                    }
                }
            }

            found.Should().Equal(output[start..ends[q]], $"key {keys[q]}");
            start = ends[q];
        }
    }

    private static Update<CountedKey, int, Timestamp, long> Counted(int key, Counter counter) =>
        new(new CountedKey(key, counter), 0, 1, 1);

    /// <summary>Counts the comparisons made between <see cref="CountedKey"/>s that share it.</summary>
    private sealed class Counter
    {
        public int Count { get; set; }
    }

    /// <summary>An integer key that counts its comparisons; equality and hashing are the integer's.</summary>
    private readonly struct CountedKey(int value, Counter counter) : IComparable<CountedKey>, IEquatable<CountedKey>
    {
        public int Value { get; } = value;

        public int CompareTo(CountedKey other)
        {
            counter.Count++;
            return Value.CompareTo(other.Value);
        }

        public bool Equals(CountedKey other) => Value == other.Value;

        public override bool Equals(object? obj) => obj is CountedKey other && Equals(other);

        public override int GetHashCode() => Value;

        public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
