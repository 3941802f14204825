using System.Text.Json;
using Traces.Benchmarks;

namespace Traces.Benchmarks.Tests;

[Trait("Part", "benchmarks")]
public sealed class ResultsFileTests
{
    private static readonly WorkloadSizes Sizes = WorkloadSizes.Tiny;

    internal static Figures SampleFigures()
    {
        var figures = new Figures();
        foreach (string subject in (string[])["part1", "part5", SubjectNames.NestedSortedDictionary, SubjectNames.ArraySort])
        {
            foreach (int batch in Sizes.BatchSizes)
            {
                figures.Set(WorkloadIds.Insert, subject, WorkloadIds.InsertVariant(Sizes.Tall, batch), 100.0 + batch);
            }

            figures.Set(WorkloadIds.Memory, subject, WorkloadIds.SnapshotVariant(Sizes.Tall), 24);
        }

        figures.Set(WorkloadIds.Lookup, "part1", WorkloadIds.LookupVariant(KeyOrder.Random), 50);
        figures.Set(WorkloadIds.Latency, "part1", "worst", 2_500);
        figures.Set(WorkloadIds.Latency, "part1", "worst-own", 1_500);
        figures.Set(WorkloadIds.Latency, "part1", "mean", 100);
        figures.Set(WorkloadIds.SideBySide, SideBySidePairs.Load, SideBySidePairs.Measured, 3e8);
        figures.Set(WorkloadIds.SideBySide, SideBySidePairs.Load, SideBySidePairs.Floor, 2e8);
        figures.Set(WorkloadIds.SideBySide, SideBySidePairs.Load, SideBySidePairs.Ratio, 1.6);
        return figures;
    }

    private static BenchmarkResults Build(Figures figures) => ResultsBuilder.Build(
        figures, Sizes, ["part1", "part5"], "test machine", ".NET test", new DateOnly(2026, 11, 21), "full");

    [Fact]
    public void The_results_file_round_trips_through_json()
    {
        var results = Build(SampleFigures());

        var read = BenchmarkResults.FromJson(results.ToJson());

        read.Should().BeEquivalentTo(results, options => options.WithStrictOrdering());
    }

    [Fact]
    public void The_results_file_has_exactly_the_schema_the_book_reads()
    {
        using var document = JsonDocument.Parse(Build(SampleFigures()).ToJson());
        var root = document.RootElement;

        Names(root).Should().Equal("machine", "runtime", "date", "mode", "tables", "charts", "ratios");
        root.GetProperty("date").GetString().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}$");
        root.GetProperty("mode").GetString().Should().Be("full");
        foreach (var table in root.GetProperty("tables").EnumerateArray())
        {
            Names(table).Should().Equal("id", "title", "columns", "rows");
            int columns = table.GetProperty("columns").GetArrayLength();
            table.GetProperty("columns")[0].GetString().Should().Be("Implementation");
            foreach (var row in table.GetProperty("rows").EnumerateArray())
            {
                row.GetArrayLength().Should().Be(columns);
                row.EnumerateArray().Should().OnlyContain(cell => cell.ValueKind == JsonValueKind.String);
            }
        }

        foreach (var chart in root.GetProperty("charts").EnumerateArray())
        {
            Names(chart).Should().Equal("id", "title", "unit", "bars");
            foreach (var bar in chart.GetProperty("bars").EnumerateArray())
            {
                Names(bar).Should().Equal("label", "value");
                bar.GetProperty("value").ValueKind.Should().Be(JsonValueKind.Number);
            }
        }

        var ratios = root.GetProperty("ratios").EnumerateArray().ToList();
        ratios.Should().NotBeEmpty();
        foreach (var ratio in ratios)
        {
            Names(ratio).Should().Equal("name", "value", "target", "met");
        }
    }

    [Fact]
    public void Tables_list_measured_subjects_in_row_order_and_mark_missing_figures()
    {
        var results = Build(SampleFigures());

        var insert = results.Tables.Single(table => table.Id == "insert-tall");
        insert.Rows.Select(row => row[0]).Should().Equal("part1", "part5", SubjectNames.NestedSortedDictionary, SubjectNames.ArraySort);
        insert.Rows[0][1].Should().Be(Formats.Rate(1e9 / 101));
        var lookup = results.Tables.Single(table => table.Id == "lookup");
        lookup.Rows.Should().ContainSingle().Which.Should().Equal("part1", "20 M", Formats.Missing);
        var latency = results.Charts.Single(chart => chart.Id == "latency");
        latency.Bars.Should().ContainSingle().Which.Should().Be(new ChartBar("part1", 1.5),
            "the latency chart shows the figure its target is judged on: the slowest Add with collector pauses taken out");
    }

    [Fact]
    public void Every_table_has_a_chart_with_the_same_id()
    {
        var results = Build(SampleFigures());

        results.Charts.Select(chart => chart.Id).Should().Equal(results.Tables.Select(table => table.Id));
        results.Tables.Select(table => table.Id).Should().Equal(
            "insert-tall", "insert-square", "insert-string", "lookup", "finger-lookup", "merge", "memory", "memory-strings", "latency", "side-by-side", "scan", "lsm-peers", "junctions");
    }

    [Fact]
    public void Reading_a_file_that_is_not_results_gets_a_json_exception()
    {
        var read = () => BenchmarkResults.FromJson("null");

        read.Should().Throw<JsonException>();
    }

    private static List<string> Names(JsonElement element) => element.EnumerateObject().Select(property => property.Name).ToList();
}
