using System.Globalization;
using Traces;
using Traces.OrdNeu;
using ValBatch = Traces.OrdNeu.OrdValBatch<long, long, Traces.Timestamp, long>;

namespace Book.Scenes.Spine;

/// <summary>Chapter 11's pictures: the levels of a real fueled spine over a run of inserts, and what each insert paid.</summary>
public static class SpineScenes
{
    private const double Width = 640;
    private const double RowHeight = 46;
    private const double Top = 58;

    /// <summary>
    /// Replays <see cref="SpineRun.Sizes"/> insert by insert: after each, every level (vacant, one batch, or two batches
    /// merging, with the share of the output written so far), the batch just inserted, and the fuel the insert spent.
    /// </summary>
    [Scene("spine-run")]
    public static Player Run()
    {
        var steps = SpineRun.Record(SpineRun.Sizes.Count);
        var rows = steps.Max(static s => s.Levels.Count);
        var frames = new List<PlayerFrame>();
        foreach (var step in steps)
        {
            frames.Add(new PlayerFrame(Label(step), DrawStep(step, rows)));
        }

        return new Player(
            "A replay of 32 inserts into a fueled spine. Each frame shows the levels, largest at the top: vacant, one "
            + "batch, or two batches merging with a bar for the share of the merged output written so far.",
            frames);
    }

    /// <summary>
    /// The same run as a filmstrip: one column per insert, one row per level, each cell the level's state after that
    /// insert (a batch with its updates, or a merge with both inputs' updates and a bar for the output written).
    /// </summary>
    [Scene("spine-filmstrip")]
    public static Figure Filmstrip()
    {
        const double left = 66, column = 19, cell = 17, row = 30, top = 52;
        var steps = SpineRun.Record(SpineRun.Sizes.Count);
        var rows = steps.Max(static s => s.Levels.Count);
        var canvas = new SvgCanvas(left + steps.Count * column + 8, top + rows * row + 44);
        canvas.Text(12, 18, "insert", "small muted").Text(12, 38, "batch size", "small muted");
        for (var r = 0; r < rows; r++)
        {
            var level = rows - 1 - r;
            canvas.Text(12, top + r * row + 17, "level " + level.ToString(CultureInfo.InvariantCulture), "small");
        }

        foreach (var step in steps)
        {
            var x = left + (step.Insert - 1) * column;
            canvas.Text(x + cell / 2, 18, Count(step.Insert), "small muted", TextAnchor.Middle)
                .Text(x + cell / 2, 38, Count(step.Size), "small", TextAnchor.Middle);
            foreach (var level in step.Levels)
            {
                var y = top + (rows - 1 - level.Level) * row;
                var data = new (string, object?)[]
                {
                    ("insert", step.Insert), ("level", level.Level), ("state", level.State), ("count", level.Count),
                    ("written", level.Written),
                };
                switch (level.State)
                {
                    case "vacant":
                        canvas.Line(x + 4, y + 12, x + cell - 4, y + 12, "edge faded", data);
                        break;
                    case "merging":
                        canvas.Rect(x, y, cell, 24, "box d", data)
                            .Text(x + cell / 2, y + 14, Count(level.Count), "small", TextAnchor.Middle)
                            .Rect(x + 2, y + 18, Math.Max(1, (cell - 4) * level.Written / level.Count), 3, "fill-d");
                        break;
                    default:
                        canvas.Rect(x, y, cell, 24, level.HoldsInserted ? "hi" : level.State == "placeholder" ? "empty" : "box a", data)
                            .Text(x + cell / 2, y + 16, Count(level.Count), "small", TextAnchor.Middle);
                        break;
                }
            }
        }

        var legend = top + rows * row + 14;
        canvas.Rect(12, legend, 14, 14, "box a").Text(32, legend + 11, "batch (its updates)", "small")
            .Rect(160, legend, 14, 14, "hi").Text(180, legend + 11, "batch just inserted", "small")
            .Rect(310, legend, 14, 14, "box d").Rect(312, legend + 9, 6, 3, "fill-d")
            .Text(330, legend + 11, "merge: both inputs, bar = output written", "small");
        return canvas.ToFigure(
            "A filmstrip of 32 inserts into a fueled spine: one column per insert, one row per level, largest at the "
            + "top. Small levels fill and empty like the digits of a binary counter, while merges at the larger levels "
            + "stay open across several inserts, their bars filling a slice at a time.");
    }

    /// <summary>The line under a frame: what the insert brought and what it paid.</summary>
    /// <param name="step">The recorded step.</param>
    public static string Label(SpineStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"insert {step.Insert}: {Plural(step.Size, "update")} at level {step.IntroducedAt}; "
            + $"{Plural(step.Advanced, "merge")} fuelled, {Plural(step.Fuel, "unit")} of fuel spent");
        return step.RollUp > 0
            ? text + string.Create(CultureInfo.InvariantCulture, $"; the roll-up wrote {step.RollUp}")
            : text;
    }

    private static string DrawStep(SpineStep step, int rows)
    {
        var canvas = new SvgCanvas(Width, Top + rows * RowHeight + 44);
        canvas.BeginGroup("", ("insert", step.Insert), ("size", step.Size), ("introduced", step.IntroducedAt),
            ("advanced", step.Advanced), ("fuel", step.Fuel), ("rollup", step.RollUp));
        canvas.Text(12, 22, string.Create(CultureInfo.InvariantCulture,
                $"insert {step.Insert}: a batch of {Plural(step.Size, "update")}, introduced at level {step.IntroducedAt}"),
                "label bold")
            .Text(12, 42, string.Create(CultureInfo.InvariantCulture,
                $"fuel: {Plural(step.Fuel, "unit")} over {Plural(step.Advanced, "merge")}; roll-up: {step.RollUp}"),
                "small muted");
        for (var row = 0; row < rows; row++)
        {
            var level = rows - 1 - row;
            var y = Top + row * RowHeight;
            canvas.Text(12, y + 18, "level " + level.ToString(CultureInfo.InvariantCulture), "label")
                .Text(12, y + 33, "up to " + (1L << level).ToString(CultureInfo.InvariantCulture), "small muted");
            if (level < step.Levels.Count)
            {
                DrawLevel(canvas, step.Levels[level], y);
            }
            else
            {
                canvas.Text(100, y + 22, "not yet used", "small muted");
            }
        }

        var legend = Top + rows * RowHeight + 16;
        canvas.Rect(12, legend, 14, 14, "box a").Text(32, legend + 11, "batch", "small")
            .Rect(90, legend, 14, 14, "hi").Text(110, legend + 11, "batch just inserted (new)", "small")
            .Rect(270, legend, 14, 14, "box d").Text(290, legend + 11, "merge inputs", "small")
            .Rect(390, legend + 3, 30, 8, "fill-muted").Rect(390, legend + 3, 14, 8, "fill-d")
            .Text(426, legend + 11, "merged output written so far", "small");
        canvas.EndGroup();
        return canvas.ToSvg(string.Create(CultureInfo.InvariantCulture, $"The spine after insert {step.Insert}. {Describe(step)}"));
    }

    private static void DrawLevel(SvgCanvas canvas, SpineLevelState level, double y)
    {
        const double slot = 100, box = 64;
        canvas.BeginGroup("", ("level", level.Level), ("state", level.State), ("count", level.Count),
            ("older", level.Older), ("newer", level.Newer), ("written", level.Written));
        switch (level.State)
        {
            case "vacant":
                canvas.Rect(slot, y + 6, box, 28, "empty").Text(slot + box / 2, y + 24, "vacant", "small muted", TextAnchor.Middle);
                break;
            case "placeholder":
                canvas.Rect(slot, y + 6, box, 28, "empty").Text(slot + box / 2, y + 24, "placeholder", "small muted", TextAnchor.Middle);
                break;
            case "single":
            case "merged":
                canvas.Cell(slot, y + 6, box, 28, Count(level.Older, level.HoldsInserted), level.HoldsInserted ? "hi" : "box a");
                break;
            default:
                canvas.Cell(slot, y + 6, box, 28, Count(level.Older), "box d")
                    .Cell(slot + box + 8, y + 6, box, 28, Count(level.Newer, level.HoldsInserted), level.HoldsInserted ? "hi" : "box d");
                const double bar = 250, barX = slot + 2 * box + 30;
                var total = level.Older + level.Newer;
                canvas.Rect(barX, y + 10, bar, 10, "fill-muted")
                    .Rect(barX, y + 10, Math.Max(1, bar * level.Written / total), 10, "fill-d")
                    .Text(barX, y + 36, string.Create(CultureInfo.InvariantCulture,
                        $"{level.Written} of {total} written, for level {level.Level + 1}"), "small");
                break;
        }

        canvas.EndGroup();
    }

    private static string Describe(SpineStep step)
    {
        var parts = new List<string>();
        for (var level = step.Levels.Count - 1; level >= 0; level--)
        {
            var l = step.Levels[level];
            parts.Add(l.State switch
            {
                "merging" => string.Create(CultureInfo.InvariantCulture,
                    $"level {level} merges {l.Older} and {l.Newer} updates, {l.Written} written"),
                "single" or "merged" => string.Create(CultureInfo.InvariantCulture, $"level {level} holds {l.Older}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"level {level} is {l.State}"),
            });
        }

        return string.Join("; ", parts) + ".";
    }

    private static string Count(long count, bool inserted = false) =>
        count.ToString(CultureInfo.InvariantCulture) + (inserted ? " new" : "");

    private static string Plural(long count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
