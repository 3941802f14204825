using System.Globalization;
using System.Net;
using System.Text;

namespace Book;

/// <summary>Renders a benchmark line chart as inline SVG with an HTML legend, at build time.</summary>
/// <remarks>
/// The plot is drawn in a fixed coordinate space (<see cref="Width"/> wide) that the page scales to its column, like the
/// bar charts. Each axis is linear or logarithmic. A log axis has ticks at powers of ten, and at 2 and 5 times them
/// when the values span fewer than two decades; a log x axis with few distinct x values has its ticks exactly at them.
/// A linear y axis always reaches 0, so the heights of the lines compare honestly. The legend is HTML under the plot,
/// so it wraps with the column however many series and notes there are.
/// </remarks>
internal static class LineChartSvg
{
    /// <summary>The width of the coordinate space the chart is drawn in.</summary>
    public const int Width = 600;

    /// <summary>How many series colours <c>book.css</c> defines; series N is coloured <c>s(N mod Colours)</c>.</summary>
    public const int Colours = 10;

    /// <summary>A series with at most this many points gets a marker on each; denser ones are lines only.</summary>
    public const int MaxMarkedPoints = 12;

    /// <summary>A log x axis with at most this many distinct x values has its ticks exactly at them.</summary>
    public const int MaxExactTicks = 8;

    private const int PlotTop = 30;
    private const int PlotHeight = 250;
    private const int PlotBottom = PlotTop + PlotHeight;
    private const int Height = PlotBottom + 52;

    // An upper estimate of how wide a character is drawn at the charts' 13 px, as for the bar charts.
    private const double CharWidth = 7.4;

    /// <summary>Renders the line chart with id <paramref name="id"/> of the file shown as <paramref name="file"/>.</summary>
    /// <exception cref="BuildErrorException">There is no such chart, or its points cannot be drawn; the error is at <paramref name="at"/>.</exception>
    public static string Render(BenchmarkResults results, string file, string id, SourceLocation at)
    {
        ArgumentNullException.ThrowIfNull(results);
        var chart = results.Lines.FirstOrDefault(c => c.Id == id)
            ?? throw new BuildErrorException(at.Error(
                $"no benchmark lines chart with id '{id}' in {file} (have: {BenchmarkHtml.Ids(results.Lines.Select(static c => c.Id))})"));
        Check(chart, file, at);

        var xs = chart.Series.SelectMany(static s => s.Points.Select(static p => p[0])).ToList();
        var ys = chart.Series.SelectMany(static s => s.Points.Select(static p => p[1])).ToList();
        var x = chart.LogX ? Axis.Logarithmic(xs, exactTicks: true) : Axis.Linear(xs, withZero: false);
        var y = chart.LogY ? Axis.Logarithmic(ys, exactTicks: false) : Axis.Linear(ys, withZero: true);
        var xLabels = TickLabels(x.Ticks);
        var yLabels = TickLabels(y.Ticks);

        // Room on the left for the widest y tick label, on the right for half the last x tick label.
        var left = 10 + (yLabels.Select(static l => l.Length).DefaultIfEmpty(0).Max() * CharWidth) + 8;
        var right = Width - Math.Max(14, (xLabels.Count == 0 ? 0 : xLabels[^1].Length * CharWidth / 2) + 4);
        double X(double value) => left + (x.Fraction(value) * (right - left));
        double Y(double value) => PlotBottom - (y.Fraction(value) * PlotHeight);

        var svg = new StringBuilder();
        svg.Append("<figure class=\"bench-chart bench-lines\"><div class=\"bench-plot\"><svg role=\"img\" viewBox=\"0 0 ")
            .Append(Width).Append(' ').Append(Height)
            .Append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" style=\"min-width:")
            .Append(Number(Width * 0.75, "0")).Append("px\"><title>").Append(Encode(chart.Title)).Append("</title>");

        var lastLabelTop = double.PositiveInfinity;
        for (var i = 0; i < y.Ticks.Count; i++)
        {
            var tick = Y(y.Ticks[i]);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Number(left)}\" y1=\"{Number(tick)}\" x2=\"{Number(right)}\" y2=\"{Number(tick)}\"/>");
            // Labels that would touch the one below are left out; the grid line stays.
            if (tick + 6 <= lastLabelTop)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick-label\" x=\"{Number(left - 6)}\" y=\"{Number(tick + 4)}\" text-anchor=\"end\">{Encode(yLabels[i])}</text>");
                lastLabelTop = tick - 10;
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Number(left)}\" y1=\"{PlotTop}\" x2=\"{Number(left)}\" y2=\"{PlotBottom}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Number(left)}\" y1=\"{PlotBottom}\" x2=\"{Number(right)}\" y2=\"{PlotBottom}\"/>");
        var lastLabelRight = double.NegativeInfinity;
        for (var i = 0; i < x.Ticks.Count; i++)
        {
            var tick = X(x.Ticks[i]);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"tick\" x1=\"{Number(tick)}\" y1=\"{PlotBottom}\" x2=\"{Number(tick)}\" y2=\"{PlotBottom + 5}\"/>");
            var half = xLabels[i].Length * CharWidth / 2;
            if (tick - half >= lastLabelRight + 6)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick-label\" x=\"{Number(tick)}\" y=\"{PlotBottom + 19}\" text-anchor=\"middle\">{Encode(xLabels[i])}</text>");
                lastLabelRight = tick + half;
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-label\" x=\"{Number((left + right) / 2)}\" y=\"{Height - 8}\" text-anchor=\"middle\">{Encode(chart.XLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-label\" x=\"4\" y=\"{PlotTop - 14}\">{Encode(chart.YLabel)}</text>");

        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"line s{s % Colours}\" data-series=\"{Encode(series.Label)}\" points=\"");
            for (var p = 0; p < series.Points.Count; p++)
            {
                svg.Append(p == 0 ? "" : " ").Append(Number(X(series.Points[p][0]))).Append(',').Append(Number(Y(series.Points[p][1])));
            }

            svg.Append("\"/>");
        }

        // Markers go over every line, so a line drawn later never hides another series' point.
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            if (series.Points.Count > MaxMarkedPoints)
            {
                continue;
            }

            foreach (var point in series.Points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point s{s % Colours}\" data-series=\"{Encode(series.Label)}\" data-x=\"{Value(point[0])}\" data-y=\"{Value(point[1])}\"")
                    .Append(CultureInfo.InvariantCulture, $" cx=\"{Number(X(point[0]))}\" cy=\"{Number(Y(point[1]))}\" r=\"3.5\"/>");
            }
        }

        svg.Append("</svg></div><ul class=\"bench-legend\">");
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            svg.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch s{s % Colours}\" aria-hidden=\"true\"></span>{Encode(series.Label)}");
            if (!string.IsNullOrWhiteSpace(series.Note))
            {
                svg.Append("<span class=\"bench-note\"> — ").Append(Encode(series.Note)).Append("</span>");
            }

            svg.Append("</li>");
        }

        return svg.Append("</ul><figcaption>").Append(Encode(chart.Title)).Append("</figcaption></figure>").ToString();
    }

    /// <summary>Formats tick values like the bar charts' values (<c>1 M</c>, <c>64 M</c>), more precisely only where two would read the same.</summary>
    public static IReadOnlyList<string> TickLabels(IReadOnlyList<double> ticks)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        var labels = ticks.Select(static t => Math.Abs(t) is > 0 and < 0.01 ? t.ToString("G3", CultureInfo.InvariantCulture) : BenchmarkHtml.FormatValue(t)).ToList();
        if (labels.Distinct(StringComparer.Ordinal).Count() == labels.Count)
        {
            return labels;
        }

        return [.. ticks.Select(static t => t.ToString("0.##########", CultureInfo.InvariantCulture))];
    }

    /// <summary>Throws unless every point is an <c>[x, y]</c> pair, x ascends within each series, and log axes see only positive values.</summary>
    private static void Check(BenchmarkLineChart chart, string file, SourceLocation at)
    {
        foreach (var series in chart.Series)
        {
            BuildErrorException Bad(string detail) =>
                new(at.Error($"{file}, lines chart '{chart.Id}', series '{series.Label}': {detail}"));
            for (var p = 0; p < series.Points.Count; p++)
            {
                var point = series.Points[p];
                if (point.Count != 2)
                {
                    throw Bad($"point {p + 1} has {point.Count} numbers; a point is [x, y]");
                }

                if (chart.LogX && point[0] <= 0)
                {
                    throw Bad($"x = {Value(point[0])} on a log axis; a log axis needs values > 0");
                }

                if (chart.LogY && point[1] <= 0)
                {
                    throw Bad($"y = {Value(point[1])} at x = {Value(point[0])} on a log axis; a log axis needs values > 0");
                }

                if (p > 0 && point[0] <= series.Points[p - 1][0])
                {
                    throw Bad($"x = {Value(point[0])} after x = {Value(series.Points[p - 1][0])}; x must ascend");
                }
            }
        }
    }

    /// <summary>A coordinate, to a tenth of a unit.</summary>
    private static string Number(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A measured value, exactly as it reads back.</summary>
    private static string Value(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>An axis: the range it spans and where its ticks are.</summary>
    /// <param name="Log">Whether positions are proportional to the logarithm of the value.</param>
    /// <param name="Min">The value at the start of the axis.</param>
    /// <param name="Max">The value at the end of the axis; greater than <paramref name="Min"/>.</param>
    /// <param name="Ticks">The ticks, ascending, all within the range.</param>
    internal sealed record Axis(bool Log, double Min, double Max, IReadOnlyList<double> Ticks)
    {
        /// <summary>Where <paramref name="value"/> lies along the axis: 0 at its start, 1 at its end.</summary>
        public double Fraction(double value) => Log
            ? (Math.Log10(value) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min))
            : (value - Min) / (Max - Min);

        /// <summary>
        /// A log axis over <paramref name="values"/> (all greater than 0). With <paramref name="exactTicks"/> and at most
        /// <see cref="MaxExactTicks"/> distinct values, the ticks are those values and the axis spans them with a little room;
        /// otherwise it runs from the tick at or below the least value to the tick at or above the greatest.
        /// </summary>
        public static Axis Logarithmic(IReadOnlyList<double> values, bool exactTicks)
        {
            if (values.Count == 0)
            {
                return new Axis(true, 1, 10, [1, 10]);
            }

            var distinct = values.Distinct().Order().ToList();
            var (least, greatest) = (distinct[0], distinct[^1]);
            if (exactTicks && distinct.Count <= MaxExactTicks)
            {
                // A twentieth of the span on each side (half a decade around a single value) keeps end markers off the frame.
                var room = distinct.Count == 1 ? 0.5 : (Math.Log10(greatest) - Math.Log10(least)) / 20;
                return new Axis(true, least / Math.Pow(10, room), greatest * Math.Pow(10, room), distinct);
            }

            // Candidates: powers of ten, with 2 and 5 times them when the values span fewer than two decades.
            var multiples = Math.Log10(greatest) - Math.Log10(least) < 2 ? new[] { 1.0, 2, 5 } : [1.0];
            var candidates = new List<double>();
            for (var exponent = (int)Math.Floor(Math.Log10(least)) - 1; exponent <= (int)Math.Ceiling(Math.Log10(greatest)) + 1; exponent++)
            {
                candidates.AddRange(multiples.Select(m => Scale(m, exponent)));
            }

            var start = candidates.FindLastIndex(c => c <= least * (1 + 1e-12));
            var end = candidates.FindIndex(c => c >= greatest * (1 - 1e-12));
            if (start == end)
            {
                (start, end) = (start - 1, end + 1);
            }

            var ticks = candidates.GetRange(start, end - start + 1);
            if (multiples.Length == 1 && ticks.Count > 9)
            {
                // Many decades: label every second (third, ...) one so the labels do not crowd.
                var every = (ticks.Count + 7) / 8;
                ticks = [.. ticks.Where((_, i) => i % every == 0)];
            }

            return new Axis(true, candidates[start], candidates[end], ticks);
        }

        /// <summary>A linear axis over <paramref name="values"/> with about five ticks at round steps, reaching 0 if <paramref name="withZero"/>.</summary>
        public static Axis Linear(IReadOnlyList<double> values, bool withZero)
        {
            var least = values.Count == 0 ? 0 : values.Min();
            var greatest = values.Count == 0 ? 1 : values.Max();
            if (withZero)
            {
                (least, greatest) = (Math.Min(least, 0), Math.Max(greatest, 0));
            }

            if (least == greatest)
            {
                var half = least == 0 ? 1 : Math.Abs(least) / 2;
                (least, greatest) = withZero && least == 0 ? (0, 1) : (least - half, greatest + half);
            }

            var (multiple, exponent) = RoundStep((greatest - least) / 5);
            var step = Scale(multiple, exponent);
            var ticks = new List<double>();
            for (var i = Math.Floor(least / step); i <= Math.Ceiling(greatest / step); i++)
            {
                // i times the multiple is a whole number, scaled once: 0.6, not 3 * 0.2 = 0.6000000000000001.
                ticks.Add(Scale(i * multiple, exponent));
            }

            return new Axis(false, ticks[0], ticks[^1], ticks);
        }

        /// <summary>The step of 1, 2 or 5 times a power of ten at or above <paramref name="rough"/>, as the multiple and the exponent.</summary>
        private static (int Multiple, int Exponent) RoundStep(double rough)
        {
            var exponent = (int)Math.Floor(Math.Log10(rough));
            var fraction = rough / PowerOfTen(exponent);
            return fraction <= 1 ? (1, exponent) : fraction <= 2 ? (2, exponent) : fraction <= 5 ? (5, exponent) : (1, exponent + 1);
        }

        /// <summary><paramref name="value"/> times 10 to the <paramref name="exponent"/>, rounded once.</summary>
        private static double Scale(double value, int exponent) =>
            exponent >= 0 ? value * Math.Pow(10, exponent) : value / Math.Pow(10, -exponent);

        /// <summary>10 to the <paramref name="exponent"/>, as exactly as a double holds it (0.001, not 0.0010000000000000002).</summary>
        private static double PowerOfTen(int exponent) => Scale(1, exponent);
    }
}
