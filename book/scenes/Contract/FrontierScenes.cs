using Traces;

namespace Book.Scenes.Contract;

/// <summary>Chapter 1's pictures: partially ordered times, a frontier, and where <c>AdvanceBy</c> moves each time.</summary>
public static class FrontierScenes
{
    /// <summary>The time type of the pictures: pairs ordered coordinate by coordinate.</summary>
    private static Product<Timestamp, Timestamp> T(ulong outer, ulong inner) => new(outer, inner);

    /// <summary>The frontier the picture advances by: two incomparable times.</summary>
    public static Antichain<Product<Timestamp, Timestamp>> Frontier { get; } = Antichain.Create([T(1, 3), T(3, 1)]);

    /// <summary>The side of the grid: times <c>(0, 0)</c> to <c>(Side - 1, Side - 1)</c>.</summary>
    public const int Side = 5;

    /// <summary>
    /// A 5 × 5 grid of <c>Product</c> times, the frontier <c>{(1, 3), (3, 1)}</c>, and an arrow from every time that
    /// <c>AdvanceBy</c> moves to where it lands. Times beyond the frontier (shaded) stay put; so do a few others,
    /// such as <c>(1, 1)</c>, which already compares with every time beyond the frontier as its advanced form would.
    /// </summary>
    [Scene("advance-by-grid")]
    public static Figure AdvanceByGrid()
    {
        const double cell = 62, left = 70, top = 30;
        var canvas = new SvgCanvas(left + Side * cell + 190, top + Side * cell + 40);
        canvas.Text(left + Side * cell / 2, top + Side * cell + 34, "outer →", "small muted", TextAnchor.Middle)
            .Text(18, top + Side * cell / 2, "inner", "small muted", TextAnchor.Middle)
            .Text(18, top + Side * cell / 2 + 14, "↓", "small muted", TextAnchor.Middle);
        for (var i = 0; i < Side; i++)
        {
            canvas.Text(left + i * cell + cell / 2, top - 10, i.ToString(System.Globalization.CultureInfo.InvariantCulture), "small muted", TextAnchor.Middle)
                .Text(left - 14, top + i * cell + cell / 2 + 4, i.ToString(System.Globalization.CultureInfo.InvariantCulture), "small muted", TextAnchor.Middle);
        }

        // Shade the times beyond the frontier: readers ask only about those, and they never move.
        for (ulong outer = 0; outer < Side; outer++)
        {
            for (ulong inner = 0; inner < Side; inner++)
            {
                if (Frontier.LessEqual(T(outer, inner)))
                {
                    canvas.Rect(left + outer * cell + 2, top + inner * cell + 2, cell - 4, cell - 4, "c");
                }
            }
        }

        foreach (var (time, advanced) in Moves())
        {
            var (x, y) = Centre(time);
            if (advanced != time)
            {
                var (ax, ay) = Centre(advanced);
                var (dx, dy) = (ax - x, ay - y);
                var length = Math.Sqrt(dx * dx + dy * dy);
                canvas.Arrow(x + dx / length * 9, y + dy / length * 9, ax - dx / length * 11, ay - dy / length * 11, "arrow b");
            }

            var onFrontier = Frontier.Elements.Contains(time);
            canvas.Circle(x, y, onFrontier ? 8 : 6, onFrontier ? "fill-c" : advanced == time ? "box" : "box b",
                ("time", time), ("advanced", advanced));
        }

        var legend = left + Side * cell + 24;
        canvas.Circle(legend + 6, top + 20, 8, "fill-c").Text(legend + 22, top + 24, "frontier element", "small")
            .Rect(legend - 2, top + 38, 16, 16, "c").Text(legend + 22, top + 51, "beyond the frontier", "small")
            .Circle(legend + 6, top + 76, 6, "box").Text(legend + 22, top + 80, "left where it is", "small")
            .Circle(legend + 6, top + 104, 6, "box b").Text(legend + 22, top + 108, "moved by AdvanceBy", "small")
            .Text(legend, top + 144, "frontier", "small bold")
            .Text(legend, top + 160, "{(1, 3), (3, 1)}", "small mono");
        return canvas.ToFigure(
            "A five by five grid of pair times. The frontier holds (1, 3) and (3, 1). Each time that AdvanceBy moves has an arrow to where it lands: the meet of its joins with the two frontier elements. Times beyond the frontier are shaded and never move.");

        (double X, double Y) Centre(Product<Timestamp, Timestamp> t) =>
            (left + t.Outer.Value * cell + cell / 2, top + t.Inner.Value * cell + cell / 2);
    }

    /// <summary>Every time of the grid with where <c>AdvanceBy</c> sends it under <see cref="Frontier"/>.</summary>
    public static IEnumerable<(Product<Timestamp, Timestamp> Time, Product<Timestamp, Timestamp> Advanced)> Moves()
    {
        for (ulong outer = 0; outer < Side; outer++)
        {
            for (ulong inner = 0; inner < Side; inner++)
            {
                var time = T(outer, inner);
                yield return (time, time.AdvanceBy(Frontier));
            }
        }
    }
}
