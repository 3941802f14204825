using System.Globalization;
using Traces;
using Traces.OrdNeu;
using Storage = Traces.OrdNeu.OrdValStorage<long, long, Traces.Timestamp, long,
    Traces.OrdNeu.ArrayContainer<long>, Traces.OrdNeu.ArrayContainer<long>>;
using U = Traces.Update<long, long, Traces.Timestamp, long>;

namespace Book.Scenes.OrdNeu;

/// <summary>Chapter 9's picture and sample: the probes of a galloping seek, and a cursor moving through a batch.</summary>
public static class CursorScenes
{
    /// <summary>The number of keys in the picture's batch: the odd numbers from 1.</summary>
    public const int KeyCount = 32;

    /// <summary>The key the picture seeks.</summary>
    public const long Sought = 50;

    /// <summary>A batch whose keys are the odd numbers <c>1, 3, …, 63</c>, one update each.</summary>
    public static OrdValBatch<long, long, Timestamp, long> OddKeys() =>
        BatchScenes.Build([.. Enumerable.Range(0, KeyCount).Select(i => new U(2 * i + 1, 0, 0UL, 1))]);

    /// <summary>
    /// Runs the galloping search a cursor's <c>SeekKey</c> runs from any key but the first (from the first it bisects),
    /// here starting at the first key, for <see cref="Sought"/>, over the batch's key column, and records every
    /// position it tests, in order, with the test's answer.
    /// </summary>
    public static (List<(int Position, bool Passed)> Probes, int Answer) Seek(Storage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var probes = new List<(int Position, bool Passed)>();
        var test = new RecordingLess(storage, Sought, probes);
        int answer = Galloping.Advance(0, storage.KeyCount, ref test);
        return (probes, answer);
    }

    /// <summary>
    /// The key column of a 32-key batch and, below it, every position the galloping search tests seeking 50 from the
    /// first key, one row per test: eight one by one, then doubling steps, then a binary descent.
    /// </summary>
    [Scene("cursor-gallop")]
    public static Figure Gallop()
    {
        var storage = OddKeys().Storage;
        var (probes, answer) = Seek(storage);
        const double left = 112, cell = 18.5, top = 40, rowH = 19, ladder = 96;
        var canvas = new SvgCanvas(left + KeyCount * cell + 92, ladder + probes.Count * rowH + 40);
        canvas.Text(left - 12, top + 16, "keys", "small", TextAnchor.End)
            .Text(left - 12, 22, "position", "small muted", TextAnchor.End);
        for (int i = 0; i < storage.KeyCount; i++)
        {
            long key = storage.KeyAt(i);
            double x = left + i * cell;
            if (i % 4 == 0)
            {
                canvas.Text(x + cell / 2, 22, i.ToString(CultureInfo.InvariantCulture), "small muted", TextAnchor.Middle);
            }

            canvas.Rect(x, top, cell, 24, i == answer ? "hi" : key < Sought ? "box a" : "box", ("key", key), ("position", i));
            canvas.Text(x + cell / 2, top + 16, key.ToString(CultureInfo.InvariantCulture), "small", TextAnchor.Middle);
        }

        // One row per test, in the order the search makes them; the path joins them.
        var path = new System.Text.StringBuilder();
        string phase = "";
        int step = 1;
        for (int n = 0; n < probes.Count; n++)
        {
            int position = probes[n].Position;
            double x = left + position * cell + cell / 2, y = ladder + n * rowH;
            string now = n < Galloping.LinearPrefix ? "one by one"
                : phase != "binary descent" && probes[n - 1].Passed && position == probes[n - 1].Position + step ? "doubling"
                : "binary descent";
            step = now == "doubling" ? step << 1 : step;

            if (now != phase)
            {
                canvas.Text(left - 12, y + 4, now, "small bold", TextAnchor.End);
                phase = now;
            }

            path.Append(n == 0 ? "M" : " L").Append(SvgCanvas.Format(x)).Append(' ').Append(SvgCanvas.Format(y));
        }

        canvas.Path(path.ToString(), "edge dashed");
        for (int n = 0; n < probes.Count; n++)
        {
            var (position, passed) = probes[n];
            double x = left + position * cell + cell / 2, y = ladder + n * rowH;
            long key = storage.KeyAt(position);
            canvas.Circle(x, y, 5, passed ? "a" : "box b", ("probe", n), ("position", position), ("passed", passed));
            canvas.Text(x + 10, y + 4, string.Create(CultureInfo.InvariantCulture,
                $"{position}: {key} {(passed ? "<" : "≥")} {Sought}"), passed ? "small" : "small b");
        }

        double ax = left + answer * cell + cell / 2;
        canvas.Line(ax, top + 24, ax, ladder + probes.Count * rowH - 8, "edge dashed", ("answer", answer));
        canvas.Text(left, ladder + probes.Count * rowH + 18, string.Create(CultureInfo.InvariantCulture,
            $"{probes.Count} tests; {answer} keys are less than {Sought}, so the cursor moves to position {answer}, key " +
            $"{storage.KeyAt(answer)}"), "small");
        return canvas.ToFigure(string.Create(CultureInfo.InvariantCulture,
            $"A galloping seek for {Sought} over the keys 1, 3, up to 63 from position 0: {probes.Count} tests, first " +
            $"positions 0 to 7 one by one, then steps that double, then a binary descent ending at position {answer}."));
    }

    /// <summary>Prints a cursor's moves over chapter 7's batch: forward seeks, a seek backwards that stays, and the end.</summary>
    [Scene("cursor-moves")]
    public static void Moves(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        #region cursor-sample
        var cursor = BatchScenes.Build(BatchScenes.Updates).GetCursor();
        Show("start");
        cursor.SeekKey(3);
        Show("SeekKey(3)");
        cursor.SeekVal(25);
        Show("SeekVal(25)");
        cursor.SeekKey(2);
        Show("SeekKey(2)");
        cursor.StepKey();
        Show("StepKey()");
        cursor.SeekKey(9);
        Show("SeekKey(9)");

        void Show(string move)
        {
            var where = !cursor.KeyValid ? "past the last key"
                : !cursor.ValValid ? $"key {cursor.Key}, past its values"
                : $"key {cursor.Key}, val {cursor.Val}, times {Updates(cursor)}";
            output.WriteLine($"{move,-12} -> {where}");
        }
        #endregion

        static string Updates(OrdValCursor<long, long, Timestamp, long, ArrayContainer<long>, ArrayContainer<long>> at)
        {
            var parts = new List<string>();
            at.MapTimes((time, diff) => parts.Add(string.Create(CultureInfo.InvariantCulture, $"({time}, {diff:+0;-0})")));
            return string.Join(" ", parts);
        }
    }

    /// <summary>The monotone test of a key seek, recording each position it is asked about.</summary>
    private readonly struct RecordingLess(Storage storage, long sought, List<(int Position, bool Passed)> probes)
        : IPositionTest
    {
        public bool Test(int position)
        {
            bool passed = storage.KeyAt(position) < sought;
            probes.Add((position, passed));
            return passed;
        }
    }
}
