using System.Text.Json;
using System.Text.Json.Serialization;

namespace Traces.Benchmarks;

/// <summary>
/// The summary file the book's benchmark chapter is generated from (<c>book/benchmarks/results.json</c>): the
/// machine, the tables, the charts and the headline ratios of one run.
/// </summary>
/// <param name="Machine">The machine the run measured: processor, cores, operating system.</param>
/// <param name="Runtime">The .NET runtime.</param>
/// <param name="Date">The run's date, <c>YYYY-MM-DD</c> (UTC).</param>
/// <param name="Mode"><c>full</c> or <c>quick</c>.</param>
/// <param name="Tables">The tables, by id.</param>
/// <param name="Charts">The charts, by id.</param>
/// <param name="Ratios">The headline ratios that could be computed.</param>
/// <param name="Lines">The line charts, by id; only the scale run has any, and the file then lists them.</param>
public sealed record BenchmarkResults(
    string Machine,
    string Runtime,
    string Date,
    string Mode,
    IReadOnlyList<ResultTable> Tables,
    IReadOnlyList<ResultChart> Charts,
    IReadOnlyList<RatioResult> Ratios,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ResultLines>? Lines = null)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Returns the results as JSON in the summary file's schema.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";

    /// <summary>Reads results written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="JsonException">The text is not a results file.</exception>
    public static BenchmarkResults FromJson(string json) =>
        JsonSerializer.Deserialize<BenchmarkResults>(json, JsonOptions) ?? throw new JsonException("The results file is empty.");
}

/// <summary>A table of the results: rows of formatted cells under column headings.</summary>
/// <param name="Id">The id the chapter's <c>benchmark-table</c> directives name.</param>
/// <param name="Title">The table's title, with its sizes.</param>
/// <param name="Columns">The column headings; the first is <c>Implementation</c>.</param>
/// <param name="Rows">One row per implementation, each as long as <paramref name="Columns"/>.</param>
public sealed record ResultTable(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A bar chart of one column of a table, as numbers.</summary>
/// <param name="Id">The id the chapter's <c>benchmark-chart</c> directives name.</param>
/// <param name="Title">The chart's title.</param>
/// <param name="Unit">The unit of every bar's value.</param>
/// <param name="Bars">One bar per implementation.</param>
public sealed record ResultChart(string Id, string Title, string Unit, IReadOnlyList<ChartBar> Bars);

/// <summary>One bar of a chart.</summary>
/// <param name="Label">The implementation.</param>
/// <param name="Value">The value, in the chart's unit.</param>
public sealed record ChartBar(string Label, double Value);

/// <summary>A line chart: one line per implementation, through points (x, y).</summary>
/// <param name="Id">The id the chapter's <c>benchmark-lines</c> directives name.</param>
/// <param name="Title">The chart's title.</param>
/// <param name="XLabel">What x measures.</param>
/// <param name="YLabel">What y measures, with its unit.</param>
/// <param name="LogX">Whether the x axis is logarithmic.</param>
/// <param name="LogY">Whether the y axis is logarithmic.</param>
/// <param name="Series">The lines.</param>
public sealed record ResultLines(
    string Id, string Title, string XLabel, string YLabel, bool LogX, bool LogY, IReadOnlyList<ResultSeries> Series);

/// <summary>One line of a line chart.</summary>
/// <param name="Label">The implementation.</param>
/// <param name="Points">The points, each <c>[x, y]</c>, by ascending x.</param>
/// <param name="Note">Why the line ends early, or <see langword="null"/>.</param>
public sealed record ResultSeries(string Label, IReadOnlyList<double[]> Points, string? Note);

/// <summary>A headline ratio and whether it met its target.</summary>
/// <param name="Name">The ratio's name, e.g. <c>part5-load/array-sort</c>.</param>
/// <param name="Value">The measured value.</param>
/// <param name="Target">The target, e.g. <c>&lt;= 2</c>.</param>
/// <param name="Met">Whether the value meets the target.</param>
public sealed record RatioResult(string Name, double Value, string Target, bool Met);
