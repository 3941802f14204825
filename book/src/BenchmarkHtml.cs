using System.Globalization;
using System.Net;
using System.Text;

namespace Book;

/// <summary>
/// Renders benchmark results as HTML tables and inline SVG bar charts, at build time (line charts are
/// <see cref="LineChartSvg"/>'s).
/// </summary>
internal static class BenchmarkHtml
{
    private const int MinLabelWidth = 80;

    private const int MinValueWidth = 60;

    private const int BarArea = 380;
    private const int RowHeight = 26;

    /// <summary>Renders the table with id <paramref name="id"/>, or throws if there is none.</summary>
    public static string Table(BenchmarkResults results, string id, SourceLocation at)
    {
        var table = results.Tables.FirstOrDefault(t => t.Id == id)
            ?? throw new BuildErrorException(at.Error($"no benchmark table with id '{id}' (have: {Ids(results.Tables.Select(t => t.Id))})"));
        var html = new StringBuilder();
        html.Append("<div class=\"table-scroll bench\"><table><caption>").Append(Encode(table.Title)).Append("</caption><thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th scope=\"col\">").Append(Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append(i == 0 ? "<th scope=\"row\">" : "<td>").Append(Encode(row[i])).Append(i == 0 ? "</th>" : "</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    /// <summary>Renders the chart with id <paramref name="id"/> as a horizontal bar chart in SVG, or throws if there is none.</summary>
    public static string Chart(BenchmarkResults results, string id, SourceLocation at)
    {
        var chart = results.Charts.FirstOrDefault(c => c.Id == id)
            ?? throw new BuildErrorException(at.Error($"no benchmark chart with id '{id}' (have: {Ids(results.Charts.Select(c => c.Id))})"));
        var max = chart.Bars.Count == 0 ? 1 : Math.Max(chart.Bars.Max(static b => b.Value), double.Epsilon);
        // Room for the longest label and the longest value, so neither is ever cut off.
        var labelWidth = Math.Max(MinLabelWidth, TextWidth(chart.Bars.Select(static b => b.Label)) + 14);
        var valueWidth = Math.Max(MinValueWidth, TextWidth(chart.Bars.Select(static b => FormatValue(b.Value))) + 12);
        var width = labelWidth + BarArea + valueWidth;
        var height = (chart.Bars.Count * RowHeight) + 8;
        var svg = new StringBuilder();
        svg.Append("<figure class=\"bench-chart\"><svg role=\"img\" viewBox=\"0 0 ").Append(width.ToString("0.#", CultureInfo.InvariantCulture))
            .Append(' ').Append(height).Append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" style=\"min-width:")
            .Append((width * 0.62).ToString("0", CultureInfo.InvariantCulture)).Append("px\"><title>").Append(Encode(chart.Title)).Append("</title>");
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var y = 4 + (i * RowHeight);
            var length = Math.Max(1, bar.Value / max * BarArea);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"bar-label\" x=\"{labelWidth - 8:0.#}\" y=\"{y + 17}\" text-anchor=\"end\">{Encode(bar.Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"bar\" x=\"{labelWidth:0.#}\" y=\"{y + 3}\" width=\"{length:0.#}\" height=\"{RowHeight - 8}\" rx=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"bar-value\" x=\"{labelWidth + length + 6:0.#}\" y=\"{y + 17}\">{Encode(FormatValue(bar.Value))}</text>");
        }

        return svg.Append("</svg><figcaption>").Append(Encode(Caption(chart))).Append("</figcaption></figure>").ToString();
    }

    /// <summary>The chart's caption: its title, with the unit added only when the title does not already end with it.</summary>
    public static string Caption(BenchmarkChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var title = chart.Title.TrimEnd();
        return title.EndsWith($"({chart.Unit})", StringComparison.Ordinal) || title.EndsWith(chart.Unit, StringComparison.Ordinal)
            ? title
            : $"{title} ({chart.Unit})";
    }

    /// <summary>An upper estimate of how wide the widest text is drawn at the charts' 13 px (7.4 units a character).</summary>
    private static double TextWidth(IEnumerable<string> texts) => texts.Select(static t => t.Length).DefaultIfEmpty(0).Max() * 7.4;

    /// <summary>Renders every ratio with its target and whether it was met.</summary>
    public static string Ratios(BenchmarkResults results)
    {
        var html = new StringBuilder("<div class=\"table-scroll bench\"><table><thead><tr><th scope=\"col\">Ratio</th><th scope=\"col\">Value</th><th scope=\"col\">Target</th><th scope=\"col\">Met</th></tr></thead><tbody>");
        foreach (var ratio in results.Ratios)
        {
            html.Append("<tr><th scope=\"row\">").Append(Encode(ratio.Name)).Append("</th><td>")
                .Append(ratio.Value.ToString("0.##", CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(Encode(ratio.Target)).Append("</td><td class=\"")
                .Append(ratio.Met ? "met\">yes" : "missed\">no").Append("</td></tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    /// <summary>Renders where and when the results were measured.</summary>
    public static string Machine(BenchmarkResults results) =>
        $"<dl class=\"bench-machine\"><dt>Machine</dt><dd>{Encode(results.Machine)}</dd><dt>Runtime</dt><dd>{Encode(results.Runtime)}</dd>"
        + $"<dt>Date</dt><dd>{Encode(results.Date)}</dd><dt>Mode</dt><dd>{Encode(results.Mode)}</dd></dl>";

    /// <summary>Formats a value with an SI suffix: 1234567 becomes <c>1.23 M</c>.</summary>
    public static string FormatValue(double value)
    {
        var magnitude = Math.Abs(value);
        var (scaled, suffix) = magnitude >= 1e9 ? (value / 1e9, " G")
            : magnitude >= 1e6 ? (value / 1e6, " M")
            : magnitude >= 1e3 ? (value / 1e3, " k")
            : (value, "");
        return scaled.ToString("0.##", CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>The ids that exist, for an error about one that does not: <c>a, b</c>, or <c>none</c>.</summary>
    public static string Ids(IEnumerable<string> ids)
    {
        var list = string.Join(", ", ids);
        return list.Length == 0 ? "none" : list;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
