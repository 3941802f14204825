using System.Text.Json;
using Traces.Benchmarks;

namespace Traces.Benchmarks.Tests;

[Trait("Part", "benchmarks")]
[Collection(nameof(ProbeTests))]
public sealed class ScaleRunTests
{
    private static readonly ScaleSizes Tiny = ScaleSizes.Tiny;

    [Fact]
    public void A_tiny_scale_run_measures_every_subject_and_writes_its_results_and_window_steps()
    {
        string folder = Directory.CreateTempSubdirectory("scale-run").FullName;
        try
        {
            string path = Path.Combine(folder, "scale.json");
            var output = new StringWriter();

            ScaleSession.Run(Tiny, path, output).Should().Be(0);

            var results = BenchmarkResults.FromJson(File.ReadAllText(path));
            results.Mode.Should().Be("scale");
            results.Charts.Should().BeEmpty();
            results.Lines.Should().NotBeNull();
            results.Lines!.Select(static l => l.Id).Should().Equal(
                "scale-load", "scale-bytes", "scale-random", "scale-sorted", "scale-merge", "scale-kernel",
                "window-memory", "window-step", "latency-tail", "latency-p999");
            var load = results.Lines![0];
            load.Series.Select(static s => s.Label).Should().Equal(ScaleCurves.Subjects);
            load.Series.Should().AllSatisfy(s => s.Points.Select(static p => p[0]).Should().Equal(2_000, 8_000));
            results.Lines.SelectMany(static l => l.Series).SelectMany(static s => s.Points)
                .Should().AllSatisfy(static p => p[1].Should().BePositive());
            results.Tables.Single(static t => t.Id == "window").Rows.Select(static r => r[0]).Should().Equal(SlidingWindow.Subjects);
            results.Tables.Single(static t => t.Id == "latency-percentiles").Rows.Should().HaveCount(LatencyDistribution.Subjects.Count * 2);
            results.Ratios.Select(static r => r.Name).Should().HaveCount(5);

            string[] csv = File.ReadAllLines(ScaleSession.WindowCsvPath(path));
            csv.Should().HaveCount(1 + Tiny.Window.Steps);
            csv[0].Should().StartWith("step,part1 bytes,part1 ns,part1 own ns,part2 bytes");
            output.ToString().Should().Contain("window part5-lsm: 24 steps");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1_000)]
    [InlineData(1_000_000)]
    public void The_key_permutation_visits_every_key_once(int count)
    {
        var keys = new KeyPermutation(count);
        var seen = new bool[count];
        int repeats = 0;

        for (int i = 0; i < count; i++)
        {
            long key = keys[i];
            repeats += seen[key] ? 1 : 0;
            seen[key] = true;
        }

        repeats.Should().Be(0);
        seen.Should().AllSatisfy(static s => s.Should().BeTrue());
    }

    [Fact]
    public void The_scale_flag_selects_the_scale_run_and_its_own_results_file()
    {
        var options = BenchmarkOptions.Parse(["--scale"]);

        options.Mode.Should().Be(RunMode.Scale);
        options.ResultsPath.Should().EndWith(Path.Combine("book", "benchmarks", "scale.json"));
        ScaleSession.WindowCsvPath(options.ResultsPath).Should().EndWith(Path.Combine("book", "benchmarks", "scale-window.csv"));
    }

    [Fact]
    public void A_key_permutation_of_nothing_is_refused() =>
        FluentActions.Invoking(static () => new KeyPermutation(0)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void A_size_that_would_not_fit_is_not_attempted_and_neither_is_any_larger_one()
    {
        var sizes = Tiny with { LoadSizes = [1_000, 2_000, 4_000], MemoryLimitBytes = 1 };

        var outcomes = ScaleCurves.Run(SubjectCatalog.Default, sizes, TextWriter.Null).Where(static o => o.Subject == "part5").ToList();

        outcomes[0].Figures.Should().NotBeNull();
        outcomes[1].Figures.Should().BeNull();
        outcomes[1].Stopped.Should().StartWith("not attempted: would retain about");
        outcomes[2].Stopped.Should().Be("not attempted: stopped at a smaller size");
    }

    [Fact]
    public void A_load_past_the_time_limit_is_stopped_and_says_how_far_it_got()
    {
        var sizes = Tiny with { LoadSizes = [1_000, 2_000], TimeLimit = TimeSpan.Zero };

        var outcomes = ScaleCurves.Run(SubjectCatalog.Default, sizes, TextWriter.Null).Where(static o => o.Subject == "part2").ToList();

        outcomes[0].Stopped.Should().Be("stopped after 0 minutes, at 100 updates");
        outcomes[1].Stopped.Should().Be("not attempted: stopped at a smaller size");
    }

    [Fact]
    public void Latency_percentiles_ascend_and_the_slowest_add_with_pauses_is_no_faster_than_without()
    {
        var runs = LatencyDistribution.Run(SubjectCatalog.Default, Tiny, TextWriter.Null);

        runs.Should().HaveCount(LatencyDistribution.Subjects.Count * Tiny.LatencySizes.Count);
        runs.Should().AllSatisfy(static run =>
        {
            run.Stopped.Should().BeNull();
            run.Percentiles.Should().BeInAscendingOrder();
            run.MaxNanoseconds.Should().BeGreaterThanOrEqualTo(run.Percentiles[^1]);
            run.MaxWithPausesNanoseconds.Should().BeGreaterThanOrEqualTo(run.MaxNanoseconds);
        });
    }

    [Fact]
    public void The_ratios_hold_part5_to_the_scale_targets()
    {
        var sizes = Tiny with { LoadSizes = [1_000, 4_000], LatencySizes = [1_000, 4_000] };
        ScaleOutcome Curve(int size, double perSecond, double bytes) =>
            new(ScaleReport.Part5, size, new ScaleFigures(perSecond, bytes, 1, 1, 1, 1, 0, 0.1), null);
        LatencyRun Latency(string subject, int size, double p999, double max) =>
            new(subject, size, [1, 2, p999, p999], max, max, 0, 0, 0, null);
        var shape = sizes.Window;
        long[] bytes = [.. Enumerable.Range(1, shape.Steps).Select(static step => step <= 20 ? 1_000L : 1_400L)];
        var window = new WindowRun(ScaleReport.Part5, bytes, new double[shape.Steps], new double[shape.Steps], null);

        var results = ScaleReport.Build(
            [Curve(1_000, 10e6, 40), Curve(4_000, 5e6, 45)],
            [window],
            [Latency(ScaleReport.Part5, 1_000, 10, 100), Latency(ScaleReport.Part5, 4_000, 30, 200), Latency(ScaleReport.Unfueled, 4_000, 30, 9_000)],
            sizes, "m", "r", new DateOnly(2026, 12, 2), TimeSpan.FromMinutes(1));

        results.Ratios.Select(static r => (r.Name, Math.Round(r.Value, 3), r.Met)).Should().Equal(
            ("part5 load throughput 4K/1K", 0.5, false),
            ("part5 bytes per update 4K/1K", 1.125, false),
            ("part5 window bytes, step 24 / step 20", 1.4, true),
            ("part5 p99.9 Add 4K/1K", 3.0, false),
            ("part5-unfueled max Add / part5 max Add, 4K", 45.0, true));
    }

    [Fact]
    public void The_results_file_without_line_charts_does_not_mention_them()
    {
        var results = new BenchmarkResults("m", "r", "2026-12-02", "full", [], [], []);

        using var json = JsonDocument.Parse(results.ToJson());

        json.RootElement.TryGetProperty("lines", out _).Should().BeFalse();
    }
}
