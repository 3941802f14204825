using System.Globalization;
using Traces.OrdNeu;

namespace Book.Scenes.OrdNeu;

/// <summary>Chapter 6's picture and sample: a slice container's one array of characters, and an offset list's three runs.</summary>
public static class ContainerScenes
{
    /// <summary>The strings the picture pushes into a slice container.</summary>
    public static IReadOnlyList<string> Words { get; } = ["apple", "fig", "kiwi", "plum"];

    /// <summary>A slice container holding <see cref="Words"/>, pushed in order.</summary>
    public static SliceContainer<string, char, StringSlices> Slices()
    {
        var slices = SliceContainer<string, char, StringSlices>.WithCapacity(Words.Count);
        foreach (var word in Words)
        {
            slices.Push(word);
        }

        return slices;
    }

    /// <summary>
    /// Four strings in a slice container: every character in one array, a bracket over each item's slice, and the
    /// offset list below with an arrow from each offset to the boundary it marks.
    /// </summary>
    [Scene("slice-container")]
    public static Figure SliceContainer()
    {
        var slices = Slices();
        const double left = 110, cell = 26, top = 46, h = 28, offW = 28;
        var canvas = new SvgCanvas(left + slices.ElementCount * cell + 40, top + 2 * h + 86);
        canvas.Text(left - 14, top + h / 2 + 4.5, "elements", "small", TextAnchor.End)
            .Text(left - 14, top + h + 58, "ends", "small", TextAnchor.End)
            .Text(left - 14, top + h + 72, "(OffsetList)", "small muted", TextAnchor.End);
        int start = 0;
        for (int item = 0; item < slices.Count; item++)
        {
            var slice = slices.Slice(item);
            string role = item % 2 == 0 ? "a" : "b";
            double x = left + start * cell;
            canvas.Path(string.Create(CultureInfo.InvariantCulture,
                $"M{x + 3} {top - 4} L{x + 3} {top - 12} L{x + slice.Length * cell - 3} {top - 12} L{x + slice.Length * cell - 3} {top - 4}"),
                "edge " + role, ("item", item), ("text", slice.ToString()));
            canvas.Text(x + slice.Length * cell / 2, top - 18, string.Create(CultureInfo.InvariantCulture, $"Slice({item})"),
                "small " + role, TextAnchor.Middle);
            for (int e = 0; e < slice.Length; e++)
            {
                canvas.Cell(x + e * cell, top, cell, h, slice[e].ToString(), "box " + role, ("element", start + e));
            }

            start += slice.Length;
        }

        // The ends: entry i + 1 is where item i stops; the first entry, zero, is stored as a count of leading zeros.
        start = 0;
        for (int entry = 0; entry <= slices.Count; entry++)
        {
            double x = left + start * cell;
            double y = top + h + 44;
            canvas.Cell(x - offW / 2, y, offW, h - 6, start.ToString(CultureInfo.InvariantCulture), "box", ("end", start));
            canvas.Arrow(x, y - 2, x, top + h + 3, "arrow");
            if (entry < slices.Count)
            {
                start += slices.Slice(entry).Length;
            }
        }

        return canvas.ToFigure(
            "The strings apple, fig, kiwi and plum stored in a slice container: sixteen characters back to back in one array, " +
            "and an offset list of five entries, 0, 5, 8, 12 and 16, each pointing at the boundary where an item ends.");
    }

    /// <summary>Prints an offset list's three runs as offsets cross four billion.</summary>
    [Scene("offset-list-runs")]
    public static void OffsetRuns(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        #region offsets-sample
        var offsets = new OffsetList(4);
        foreach (long offset in (long[])[0, 5, 8, uint.MaxValue, uint.MaxValue + 1L, 6_000_000_000])
        {
            offsets.Push(offset);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"push {offset,13:N0}: zero prefix {offsets.ZeroPrefix}, 32-bit {offsets.NarrowCount}, " +
                $"64-bit {offsets.WideCount}, last {offsets.Last:N0}"));
        }
        #endregion
    }
}
