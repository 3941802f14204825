using System.Globalization;
using Traces;
using Traces.Sorted;

namespace Book.Scenes.Sorted;

/// <summary>Chapter 3's picture and sample: part 2's sorted lists as they merge, Add after Add.</summary>
public static class SortedScenes
{
    /// <summary>The sizes of the batches the filmstrip adds, in order.</summary>
    public static IReadOnlyList<int> BatchSizes { get; } = [4, 2, 1, 1, 5, 2, 1, 3, 2, 1, 1, 6];

    /// <summary>
    /// The batches of the filmstrip: every update is for a key of its own (time 1, diff +1), so nothing cancels and a
    /// list's length is the number of updates merged into it.
    /// </summary>
    public static IReadOnlyList<Update<ulong, ulong, Timestamp, long>[]> Batches()
    {
        var batches = new List<Update<ulong, ulong, Timestamp, long>[]>();
        ulong key = 0;
        foreach (var size in BatchSizes)
        {
            var batch = new Update<ulong, ulong, Timestamp, long>[size];
            for (var i = 0; i < size; i++)
            {
                batch[i] = new(key++, 0, 1, +1);
            }

            batches.Add(batch);
        }

        return batches;
    }

    /// <summary>
    /// One row per <c>Add</c>: the lengths of part 2's sorted lists right after it, largest first, each drawn as a bar
    /// as long as the list, the newest list highlighted; and how many merges the Add ran.
    /// </summary>
    [Scene("sorted-filmstrip")]
    public static Figure Filmstrip()
    {
        const double labelW = 96, scale = 12, rowH = 30, top = 40, barH = 22;
        var batches = Batches();
        var mergesX = labelW + BatchSizes.Sum() * scale + 40;
        var canvas = new SvgCanvas(mergesX + 60, top + batches.Count * rowH + 12);
        canvas.Text(0, 16, "Add (batch)", "small bold")
            .Text(labelW, 16, "the lists after the Add, largest first", "small bold")
            .Text(mergesX, 16, "merges", "small bold")
            .Text(labelW, 30, "bar length = list length; highlighted: the list the Add pushed", "small muted");

        var trace = new SortedTrace<ulong, ulong, Timestamp, long>();
        var previous = 0;
        for (var row = 0; row < batches.Count; row++)
        {
            trace.Add(batches[row]);
            var lengths = trace.ListLengths();
            var merges = previous + 1 - lengths.Length;
            previous = lengths.Length;
            var y = top + row * rowH;
            canvas.BeginGroup("row", ("add", row + 1), ("batch", batches[row].Length), ("lengths", string.Join(" ", lengths)), ("merges", merges))
                .Text(0, y + barH / 2 + 4, string.Create(CultureInfo.InvariantCulture, $"Add {row + 1} (+{batches[row].Length})"), "small");
            var x = labelW;
            for (var l = 0; l < lengths.Length; l++)
            {
                var w = lengths[l] * scale;
                canvas.Rect(x, y, w, barH, l == lengths.Length - 1 ? "box a" : "box", ("list", l), ("length", lengths[l]))
                    .Text(x + w / 2, y + barH / 2 + 4, lengths[l].ToString(CultureInfo.InvariantCulture), "small mono", TextAnchor.Middle);
                x += w + 6;
            }

            canvas.Text(mergesX, y + barH / 2 + 4, merges.ToString(CultureInfo.InvariantCulture), "small mono")
                .EndGroup();
        }

        return canvas.ToFigure(
            "Twelve Adds to part 2's trace, one row each: the lengths of its sorted lists after the Add, largest first, and how many merges it ran. Each list is at least twice as long as the one after it.");
    }

    /// <summary>
    /// Adds three batches that each touch key 5 (+1, +1, then -1) and prints the list lengths, what <c>Get(5)</c>
    /// returns (the runs of every list, consolidated into one), and the keys in order.
    /// </summary>
    [Scene("sorted-get")]
    public static void Get(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var trace = new SortedTrace<ulong, ulong, Timestamp, long>();
        foreach (var batch in GetBatches())
        {
            trace.Add(batch);
            output.WriteLine($"add {string.Join(" ", batch.Select(Item))}");
            output.WriteLine($"    list lengths: {string.Join(" ", trace.ListLengths())}");
        }

        output.WriteLine($"Get(5): {string.Join(" ", trace.Get(5).Select(Item))}");
        output.WriteLine($"Keys(): {string.Join(" ", trace.Keys())}");
    }

    /// <summary>The batches of the <c>sorted-get</c> sample.</summary>
    public static IReadOnlyList<Update<ulong, ulong, Timestamp, long>[]> GetBatches() =>
    [
        [new(9, 1, 1, +1), new(5, 1, 1, +1), new(2, 1, 1, +1), new(7, 1, 1, +1)],
        [new(5, 2, 2, +1), new(8, 1, 2, +1)],
        [new(5, 1, 1, -1)],
    ];

    /// <summary>How an update is written in the sample: <c>(key, val, time, diff)</c>.</summary>
    public static string Item(Update<ulong, ulong, Timestamp, long> update) =>
        string.Create(CultureInfo.InvariantCulture, $"({update.Key},{update.Val},{update.Time},{update.Diff:+0;-0})");
}
