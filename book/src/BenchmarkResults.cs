using System.Text.Json;
using System.Text.Json.Serialization;

namespace Book;

/// <summary>The benchmark project's results file (<c>book/benchmarks/results.json</c>).</summary>
internal sealed record BenchmarkResults(
    [property: JsonPropertyName("machine")] string Machine,
    [property: JsonPropertyName("runtime")] string Runtime,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("tables")] IReadOnlyList<BenchmarkTable> Tables,
    [property: JsonPropertyName("charts")] IReadOnlyList<BenchmarkChart> Charts,
    [property: JsonPropertyName("ratios")] IReadOnlyList<BenchmarkRatio> Ratios)
{
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
