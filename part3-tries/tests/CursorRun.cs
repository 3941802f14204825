using Traces.Conformance;

namespace Traces.Tries.Tests;

/// <summary>
/// A model-based run of a trie trace's cursor: many small batches (so many tries, keys in some of them only, and
/// keys and values that cancel across tries), then random moves of the cursor, each compared with the model's
/// cursor. Part 4's tests run it on part 4's trace too.
/// </summary>
public static class CursorRun
{
    /// <summary>Runs one sequence against a trace made by <paramref name="create"/>, logging it as code.</summary>
    /// <param name="random">The sequence's choices.</param>
    /// <param name="log">The log of statements.</param>
    /// <param name="traceType">The trace's type as C#, for the log.</param>
    /// <param name="create">Makes the empty trace under test.</param>
    public static void Run(
        Choices random, RunLog log, string traceType, Func<INavigableTrace<int, int, Timestamp, long>> create)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(create);
        var trace = create();
        var model = new ReferenceTrace<int, int, Timestamp, long>();
        var added = new List<Update<int, int, Timestamp, long>>();
        log.Write($"var trace = new {traceType}();");
        log.Write("var model = new ReferenceTrace<int, int, Timestamp, long>();");
        int batches = 1 + random.Next(14);
        for (int b = 0; b < batches; b++)
        {
            // Even keys from 0 to 58, so odd keys and keys outside are absent; a third of each batch retracts an
            // earlier update, so that keys and values cancel across tries that have not merged.
            var batch = new Update<int, int, Timestamp, long>[1 + random.Next(12)];
            for (int i = 0; i < batch.Length; i++)
            {
                batch[i] = added.Count > 0 && random.Next(3) == 0
                    ? added[random.Next(added.Count)] with { Diff = -1 }
                    : new(2 * random.Next(30), random.Next(4), (ulong)random.Next(3), 1);
            }

            added.AddRange(batch);
            log.Write($"trace.Add({CodeText.List(batch)});");
            log.Write($"model.Add({CodeText.List(batch)});");
            trace.Add(batch);
            model.Add(batch);
        }

        var cursor = trace.GetCursor();
        var expected = model.GetCursor();
        log.Write("var cursor = trace.GetCursor();");
        log.Write("var expected = model.GetCursor();");
        for (int step = 0; step < 40 && !random.Exhausted; step++)
        {
            switch (random.Next(7))
            {
                case 0:
                    // A look-up from the start: part 4 goes through its index here.
                    int looked = random.Next(-2, 62);
                    log.Write($"cursor.RewindKeys(); cursor.SeekKey({looked}); expected.RewindKeys(); expected.SeekKey({looked});");
                    cursor.RewindKeys();
                    expected.RewindKeys();
                    cursor.SeekKey(looked);
                    expected.SeekKey(looked);
                    break;
                case 1:
                    log.Write("cursor.RewindKeys(); expected.RewindKeys();");
                    cursor.RewindKeys();
                    expected.RewindKeys();
                    break;
                case 2:
                    log.Write("cursor.StepKey(); expected.StepKey();");
                    cursor.StepKey();
                    expected.StepKey();
                    break;
                case 3:
                    int sought = random.Next(-2, 62);
                    log.Write($"cursor.SeekKey({sought}); expected.SeekKey({sought});");
                    cursor.SeekKey(sought);
                    expected.SeekKey(sought);
                    break;
                case 4:
                    log.Write("cursor.StepVal(); expected.StepVal();");
                    cursor.StepVal();
                    expected.StepVal();
                    break;
                case 5:
                    int val = random.Next(-1, 5);
                    log.Write($"cursor.SeekVal({val}); expected.SeekVal({val});");
                    cursor.SeekVal(val);
                    expected.SeekVal(val);
                    break;
                default:
                    log.Write("cursor.RewindVals(); expected.RewindVals();");
                    cursor.RewindVals();
                    expected.RewindVals();
                    break;
            }

            log.Write($"CursorRun.ShouldMatch(cursor, expected, \"step {step}\");");
            ShouldMatch(cursor, expected, $"step {step}");
        }
    }

    /// <summary>Checks that <paramref name="cursor"/> is where <paramref name="expected"/> is and sees the same history.</summary>
    /// <param name="cursor">The cursor under test.</param>
    /// <param name="expected">The model's cursor.</param>
    /// <param name="because">Where the run is.</param>
    public static void ShouldMatch(
        ITraceCursor<int, int, Timestamp, long> cursor, ITraceCursor<int, int, Timestamp, long> expected, string because)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(expected);
        cursor.KeyValid.Should().Be(expected.KeyValid, because);
        cursor.ValValid.Should().Be(expected.ValValid, because);
        if (expected.KeyValid)
        {
            cursor.Key.Should().Be(expected.Key, because);
        }

        if (expected.ValValid)
        {
            cursor.Val.Should().Be(expected.Val, because);
            cursor.History.ToArray().Should().Equal(expected.History.ToArray(), because);
        }
    }
}
