using System.Globalization;
using Traces;
using Traces.OrdNeu;
using Batch = Traces.OrdNeu.OrdValBatch<long, long, Traces.Timestamp, long>;
using Merger = Traces.OrdNeu.OrdValMerger<
    Traces.OrdNeu.OrdValBatch<long, long, Traces.Timestamp, long>, long, long, Traces.Timestamp, long,
    Traces.OrdNeu.ArrayContainer<long>, Traces.OrdNeu.ArrayContainer<long>>;
using U = Traces.Update<long, long, Traces.Timestamp, long>;

namespace Book.Scenes.OrdNeu;

/// <summary>Chapter 8's pictures, player and sample: a fueled merge part way through, and a merge that compacts.</summary>
public static class MergeScenes
{
    /// <summary>The older input of the fueled merge, covering <c>[0, 4)</c>.</summary>
    public static IReadOnlyList<U> Older { get; } =
    [
        new(1, 10, 0UL, 1), new(3, 10, 1UL, 1), new(3, 20, 2UL, 1), new(4, 10, 0UL, 1), new(6, 10, 3UL, 1), new(8, 10, 2UL, 1),
    ];

    /// <summary>The newer input of the fueled merge, covering <c>[4, 8)</c>.</summary>
    public static IReadOnlyList<U> Newer { get; } =
    [
        new(2, 10, 4UL, 1), new(3, 10, 5UL, -1), new(5, 10, 6UL, 1), new(6, 10, 4UL, 1), new(6, 30, 7UL, 1), new(7, 10, 5UL, 2),
    ];

    /// <summary>The fuel each call to <c>Work</c> gets in the fueled pictures.</summary>
    public const long FuelPerCall = 2;

    /// <summary>How many calls the still picture of the fueled merge makes before it draws.</summary>
    public const int CallsBeforePicture = 3;

    /// <summary>The older input of the compacting merge, covering <c>[0, 4)</c>.</summary>
    public static IReadOnlyList<U> CompactOlder { get; } =
    [
        new(1, 10, 1UL, 1), new(1, 10, 3UL, 1), new(2, 10, 2UL, 1), new(3, 20, 0UL, 2),
    ];

    /// <summary>The newer input of the compacting merge, covering <c>[4, 8)</c>.</summary>
    public static IReadOnlyList<U> CompactNewer { get; } =
    [
        new(1, 10, 4UL, -1), new(1, 10, 6UL, 1), new(2, 10, 5UL, -1), new(3, 20, 7UL, 1), new(4, 10, 4UL, 1), new(4, 10, 5UL, 1),
    ];

    /// <summary>The compaction frontier of the compacting merge.</summary>
    public const ulong CompactFrontier = 5;

    /// <summary>Begins the fueled merge of <see cref="Older"/> and <see cref="Newer"/> (compacting nothing).</summary>
    public static (Batch Older, Batch Newer, Merger Merger) BeginFueled()
    {
        var older = BatchScenes.Build(Older, 0, 4);
        var newer = BatchScenes.Build(Newer, 4, 8);
        return (older, newer, (Merger)Batch.BeginMerge(older, newer, Antichain<Timestamp>.AtMinimum()));
    }

    /// <summary>
    /// The fueled merge after <see cref="CallsBeforePicture"/> calls to <c>Work</c> with fuel <see cref="FuelPerCall"/>:
    /// both inputs with the keys already merged faded and a marker at each position, and the output written so far.
    /// </summary>
    [Scene("merge-fueled")]
    public static Figure Fueled()
    {
        var (older, newer, merger) = BeginFueled();
        long effort = 0;
        for (int call = 0; call < CallsBeforePicture; call++)
        {
            long fuel = FuelPerCall;
            merger.Work(older, newer, ref fuel);
            effort += FuelPerCall - fuel;
        }

        string description =
            $"A fueled merge after {CallsBeforePicture} calls of fuel {FuelPerCall}: positions {merger.Positions.Older} and " +
            $"{merger.Positions.Newer} in the two inputs, {merger.Written.KeyCount} keys and {effort} updates written so far.";
        return new Figure(DrawMerge(merger, string.Create(CultureInfo.InvariantCulture,
            $"after {CallsBeforePicture} calls to Work, each with fuel {FuelPerCall}: {effort} fuel spent"), description),
            description);
    }

    /// <summary>
    /// The fueled merge replayed one call to <c>Work</c> at a time, each with fuel <see cref="FuelPerCall"/>, until a
    /// call leaves fuel over: each frame says which keys the call merged and how much fuel it spent.
    /// </summary>
    [Scene("merge-fueled-steps")]
    public static Player FueledSteps()
    {
        var (older, newer, merger) = BeginFueled();
        var frames = new List<PlayerFrame>
        {
            new("BeginMerge: nothing written yet; both positions at the first key",
                DrawMerge(merger, "before the first call", "A merge just begun: nothing written.")),
        };
        for (int call = 1; ; call++)
        {
            int keysBefore = merger.Written.KeyCount;
            long fuel = FuelPerCall;
            merger.Work(older, newer, ref fuel);
            var written = BatchScenes.Read(merger.Written).Select(u => u.Key).Distinct().Skip(keysBefore).ToList();
            string keys = written.Count == 0 ? "no key" : (written.Count == 1 ? "key " : "keys ") + string.Join(" and ", written);
            string label = string.Create(CultureInfo.InvariantCulture,
                $"call {call}: fuel {FuelPerCall}, merged {keys}, spent {FuelPerCall - fuel}, fuel left {fuel}") +
                (fuel > 0 ? ": fuel left over, so the merge is complete" : "");
            string tally = string.Create(CultureInfo.InvariantCulture,
                $"after {call} calls of fuel {FuelPerCall}: {merger.Effort} updates written");
            frames.Add(new(label, DrawMerge(merger, tally, label)));
            if (fuel > 0)
            {
                break;
            }
        }

        return new Player("A fueled merge replayed one call to Work at a time, each call with fuel " +
            FuelPerCall.ToString(CultureInfo.InvariantCulture) + ".", frames);
    }

    /// <summary>Prints every call of the fueled merge: fuel in, fuel out, positions, and whether it is complete.</summary>
    [Scene("merge-fuel-calls")]
    public static void FuelCalls(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        #region fuel-sample
        var (older, newer, merger) = BeginFueled();
        for (int call = 1; ; call++)
        {
            long fuel = 2;
            merger.Work(older, newer, ref fuel);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"call {call}: fuel 2 -> {fuel,2}  positions {merger.Positions}  " +
                $"effort {merger.Effort}  complete {merger.IsComplete}"));
            if (fuel > 0)
            {
                break;
            }
        }

        var merged = merger.Done();
        output.WriteLine($"merged: {merged}");
        #endregion
    }

    /// <summary>Merges the compacting inputs with no fuel limit at <see cref="CompactFrontier"/>.</summary>
    public static Batch MergeCompacting()
    {
        var older = BatchScenes.Build(CompactOlder, 0, 4);
        var newer = BatchScenes.Build(CompactNewer, 4, 8);
        var merger = Batch.BeginMerge(older, newer, Antichain.Create<Timestamp>([CompactFrontier]));
        long fuel = long.MaxValue;
        merger.Work(older, newer, ref fuel);
        return merger.Done();
    }

    /// <summary>
    /// A merge that advances times by the frontier <c>{5}</c>: every input update on the left with the time it advances
    /// to, and a line to the output update it folds into on the right; updates whose sum is zero end at "cancelled".
    /// </summary>
    [Scene("merge-compaction")]
    public static Figure Compaction()
    {
        var merged = BatchScenes.Read(MergeCompacting().Storage);
        var inputs = CompactOlder.Select(u => (Update: u, Side: "a")).Concat(CompactNewer.Select(u => (Update: u, Side: "b")))
            .OrderBy(p => p.Update.Key).ThenBy(p => p.Update.Val).ThenBy(p => p.Update.Time.Value).ToList();
        const double rowH = 30, top = 46, inX = 24, cellW = 128, outX = 440;
        var canvas = new SvgCanvas(outX + cellW + 40, top + inputs.Count * rowH + 36);
        canvas.Text(inX, 20, "inputs (older, newer)", "small bold")
            .Text(inX + cellW + 16, 20, "advanced", "small bold")
            .Text(outX, 20, "merged at frontier {5}", "small bold")
            .Text(inX, 36, "(key, val, time, diff)", "small muted");

        // The output rows sit beside the first input that folds into them.
        var outputY = new Dictionary<(long, long, ulong), double>();
        double cancelledY = -1;
        for (int row = 0; row < inputs.Count; row++)
        {
            var (u, side) = inputs[row];
            double y = top + row * rowH;
            var advanced = u.Time.AdvanceBy(Antichain.Create<Timestamp>([CompactFrontier]));
            bool moved = advanced != u.Time;
            canvas.Cell(inX, y, cellW, rowH - 6, Tuple(u.Key, u.Val, u.Time, u.Diff), "box " + side,
                ("input", Tuple(u.Key, u.Val, u.Time, u.Diff)), ("advanced", advanced));
            canvas.Text(inX + cellW + 16, y + 16, moved ? $"{u.Time} → {advanced}" : $"{u.Time} stays",
                moved ? "small bold" : "small muted");

            var target = merged.FindIndex(m => m.Key == u.Key && m.Val == u.Val && m.Time == advanced);
            double targetY;
            if (target >= 0)
            {
                var m = merged[target];
                if (!outputY.TryGetValue((m.Key, m.Val, m.Time.Value), out targetY))
                {
                    targetY = y;
                    outputY[(m.Key, m.Val, m.Time.Value)] = y;
                    canvas.Cell(outX, y, cellW, rowH - 6, Tuple(m.Key, m.Val, m.Time, m.Diff), "box c",
                        ("output", Tuple(m.Key, m.Val, m.Time, m.Diff)));
                }
            }
            else
            {
                if (cancelledY < 0)
                {
                    cancelledY = y;
                    canvas.Cell(outX, y, cellW, rowH - 6, "cancelled", "empty", ("output", "cancelled"));
                }

                targetY = cancelledY;
            }

            canvas.Line(inX + cellW + 84, y + (rowH - 6) / 2, outX - 4, targetY + (rowH - 6) / 2,
                target >= 0 ? "edge" : "edge dashed", ("from", Tuple(u.Key, u.Val, u.Time, u.Diff)),
                ("to", target >= 0 ? Tuple(merged[target].Key, merged[target].Val, merged[target].Time, merged[target].Diff) : "cancelled"));
        }

        return canvas.ToFigure(string.Create(CultureInfo.InvariantCulture,
            $"A merge at frontier 5 of two batches holding {inputs.Count} updates in all writes {merged.Count}: times " +
            $"before 5 advance to 5, updates of the same key and value at the same advanced time are summed, and key 2's " +
            $"updates sum to zero and disappear."));
    }

    /// <summary>Draws a merge in progress: both inputs, key by key, with their positions, and the output so far.</summary>
    private static string DrawMerge(Merger merger, string footer, string description)
    {
        var older = ByKey(Older);
        var newer = ByKey(Newer);
        var output = ByKey(BatchScenes.Read(merger.Written));
        var (p1, p2) = merger.Positions;
        const double left = 96, col = 72, headH = 24, line = 15, rowH = 112, top = 30;
        var canvas = new SvgCanvas(left + 8 * col + 16, top + 3 * rowH + 30);
        Row(older, p1, top, "older [0, 4)", "a", "older");
        Row(newer, p2, top + rowH, "newer [4, 8)", "b", "newer");
        Row(output, -1, top + 2 * rowH + 8, "output", "c", "output");
        canvas.Line(12, top + 2 * rowH - 8, left + 8 * col, top + 2 * rowH - 8, "edge dashed");
        canvas.Text(left, top + 3 * rowH + 8, footer, "small muted")
            .Text(left, top + 3 * rowH + 24, "under each key: value @time diff; an output key is green when both inputs had it",
                "small muted");
        return canvas.ToSvg(description);

        void Row(List<(long Key, List<U> Updates)> keys, int position, double y, string name, string role, string which)
        {
            canvas.Text(12, y + 16, name, "small bold");
            if (position >= 0)
            {
                canvas.Text(12, y + 32, $"position {position}", "small muted", TextAnchor.Start, (which + "-position", position));
                double px = left + position * col + col / 2;
                canvas.Arrow(px, y - 22, px, y - 3, "arrow " + role);
            }

            for (int i = 0; i < keys.Count; i++)
            {
                var (key, updates) = keys[i];
                bool consumed = position >= 0 && i < position;
                string fill = role;
                if (which == "output")
                {
                    bool inOlder = Older.Any(u => u.Key == key), inNewer = Newer.Any(u => u.Key == key);
                    fill = inOlder && inNewer ? "c" : inOlder ? "a" : "b";
                }

                double x = left + i * col;
                canvas.BeginGroup(consumed ? "faded" : "", (which + "-key", key), ("consumed", consumed));
                canvas.Cell(x + 3, y, col - 6, headH, key.ToString(CultureInfo.InvariantCulture), "box " + fill);
                for (int k = 0; k < updates.Count; k++)
                {
                    var u = updates[k];
                    canvas.Text(x + col / 2, y + headH + 14 + k * line,
                        string.Create(CultureInfo.InvariantCulture, $"{u.Val} @{u.Time} {(u.Diff > 0 ? "+" : "")}{u.Diff}"),
                        "small mono", TextAnchor.Middle);
                }

                canvas.EndGroup();
            }
        }
    }

    private static List<(long Key, List<U> Updates)> ByKey(IEnumerable<U> updates) =>
        updates.GroupBy(u => u.Key).Select(g => (g.Key, g.ToList())).ToList();

    private static string Tuple(long key, long val, Timestamp time, long diff) =>
        string.Create(CultureInfo.InvariantCulture, $"({key}, {val}, {time}, {(diff > 0 ? "+" : "")}{diff})");
}
