using System.Text.Json;
using System.Text.Json.Serialization;

namespace Book;

/// <summary>
/// A results file of the benchmark project (<c>book/benchmarks/results.json</c>, <c>book/benchmarks/scale.json</c>).
/// </summary>
internal sealed record BenchmarkResults(
    [property: JsonPropertyName("machine")] string Machine,
    [property: JsonPropertyName("runtime")] string Runtime,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("tables")] IReadOnlyList<BenchmarkTable> Tables,
    [property: JsonPropertyName("charts")] IReadOnlyList<BenchmarkChart> Charts,
    [property: JsonPropertyName("ratios")] IReadOnlyList<BenchmarkRatio> Ratios)
{
    /// <summary>Gets the line charts; a file without <c>lines</c> has none.</summary>
    [JsonPropertyName("lines")]
    public IReadOnlyList<BenchmarkLineChart> Lines { get; init; } = [];

    private static readonly JsonSerializerOptions Options = new() { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };

    /// <summary>Reads and checks a results file.</summary>
    /// <exception cref="BuildErrorException">The file is not valid results JSON; the error names its line.</exception>
    public static BenchmarkResults Load(string fullPath, string displayPath)
    {
        try
        {
            return JsonSerializer.Deserialize<BenchmarkResults>(File.ReadAllText(fullPath), Options)
                ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            throw new BuildErrorException(new BuildError(displayPath, (int)(e.LineNumber ?? 0) + 1,
                $"not a benchmark results file: {e.Message}"));
        }
    }
}

/// <summary>A table of formatted results.</summary>
internal sealed record BenchmarkTable(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("columns")] IReadOnlyList<string> Columns,
    [property: JsonPropertyName("rows")] IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A bar chart: one bar per implementation.</summary>
internal sealed record BenchmarkChart(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("bars")] IReadOnlyList<BenchmarkBar> Bars);

/// <summary>A line chart: one line per implementation, through points measured at several sizes.</summary>
/// <param name="Id">What a <c>benchmark-lines</c> directive names after <c>#</c>.</param>
/// <param name="Title">The figure's caption.</param>
/// <param name="XLabel">What the x axis measures, shown under it.</param>
/// <param name="YLabel">What the y axis measures, shown above it.</param>
/// <param name="Series">The lines, in legend order.</param>
/// <param name="LogX">Whether the x axis is logarithmic (then every x must be greater than 0).</param>
/// <param name="LogY">Whether the y axis is logarithmic (then every y must be greater than 0).</param>
internal sealed record BenchmarkLineChart(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("xLabel")] string XLabel,
    [property: JsonPropertyName("yLabel")] string YLabel,
    [property: JsonPropertyName("series")] IReadOnlyList<BenchmarkSeries> Series,
    [property: JsonPropertyName("logX")] bool LogX = false,
    [property: JsonPropertyName("logY")] bool LogY = false);

/// <summary>One line of a line chart.</summary>
/// <param name="Label">The name shown in the legend.</param>
/// <param name="Points">The measurements as <c>[x, y]</c> pairs, x ascending; there may be none.</param>
/// <param name="Note">Shown after the label in the legend (why the line stops early, say), or <see langword="null"/>.</param>
internal sealed record BenchmarkSeries(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("points")] IReadOnlyList<IReadOnlyList<double>> Points,
    [property: JsonPropertyName("note")] string? Note = null);

/// <summary>One bar of a chart.</summary>
internal sealed record BenchmarkBar(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("value")] double Value);

/// <summary>A ratio between two measurements with the target it is held to.</summary>
internal sealed record BenchmarkRatio(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("met")] bool Met);
