using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Book.Tests;

/// <summary>Builds the fixture book (three chapters, a results file) and checks the pages it writes.</summary>
[Trait("Part", "book")]
public sealed class SiteBuildTests : IClassFixture<SiteBuildTests.BuiltFixture>
{
    private readonly BuiltFixture built;

    public SiteBuildTests(BuiltFixture built) => this.built = built;

    public sealed class BuiltFixture : IDisposable
    {
        public BuiltFixture() => Result = Site.Build();

        internal FixtureSite Site { get; } = new();

        internal BookBuildResult Result { get; }

        public IDocument Page(string name) => new HtmlParser().ParseDocument(Site.Page(name));

        public void Dispose() => Site.Dispose();
    }

    [Fact]
    public void Every_chapter_the_cover_and_the_print_page_are_written_with_their_assets()
    {
        built.Result.Pages.Should().Be(5);
        built.Result.Snippets.Should().Be(6, "two includes in the first chapter, four in the second; the fenced one is text");
        foreach (var file in new[] { "index.html", "01-first.html", "02-second.html", "03-results.html", "print.html", "search-index.js",
                     "assets/book.css", "assets/book.js", "assets/search.js", "assets/theme.js", "assets/favicon.svg" })
        {
            File.Exists(Path.Combine(built.Site.Output, file)).Should().BeTrue(file);
        }
    }

    [Theory]
    [InlineData("index.html", "index.html", null, "01-first.html")]
    [InlineData("01-first.html", "01-first.html", "index.html", "02-second.html")]
    [InlineData("02-second.html", "02-second.html", "01-first.html", "03-results.html")]
    [InlineData("03-results.html", "03-results.html", "02-second.html", "print.html")]
    [InlineData("print.html", "print.html", "03-results.html", null)]
    public void The_sidebar_marks_the_current_page_and_prev_next_follow_the_order(string page, string current, string? previous, string? next)
    {
        var document = built.Page(page);
        document.QuerySelectorAll("#book-sidebar a").Select(static a => a.GetAttribute("href"))
            .Should().Equal("index.html", "01-first.html", "02-second.html", "03-results.html", "print.html");
        document.QuerySelectorAll("[aria-current=page]").Select(static a => a.GetAttribute("href")).Should().Equal(current);
        document.QuerySelectorAll("a[rel=prev]").Select(static a => a.GetAttribute("href")).Should().Equal(previous is null ? [] : [previous]);
        document.QuerySelectorAll("a[rel=next]").Select(static a => a.GetAttribute("href")).Should().Equal(next is null ? [] : [next]);
    }

    [Fact]
    public void A_chapter_s_number_comes_from_its_file_name_everywhere_it_is_shown()
    {
        var page = built.Page("02-second.html");
        page.QuerySelector("article > p.chapter-number")!.TextContent.Should().Be("Chapter 2");
        page.Title.Should().StartWith("2. Second: merging");
        page.QuerySelector("#book-sidebar a[aria-current=page]")!.TextContent.Should().Be("2. Second: merging");
        page.QuerySelector("a[rel=prev]")!.TextContent.Should().Contain("1. ");
        built.Page("index.html").QuerySelectorAll(".cover-chapters a").Select(static a => a.TextContent)
            .Should().AllSatisfy(static t => t.Should().MatchRegex(@"^\d+\. "));
    }

    [Fact]
    public void Each_chapter_shows_its_checkpoint_and_files_under_its_title()
    {
        var box = built.Page("02-second.html").QuerySelector("article > aside.checkpoint")!;
        box.QuerySelector("code")!.TextContent.Should().Be("dotnet test --filter Part=2");
        box.QuerySelectorAll("li").Select(static li => li.TextContent).Should().Equal("src/Counter.cs", "src/CounterBefore.cs");
        var files = box.QuerySelector("details")!;
        files.HasAttribute("open").Should().BeFalse("the file list is folded until asked for");
        files.QuerySelector("summary")!.TextContent.Should().Be("Files this chapter touches (2)");
        built.Page("02-second.html").QuerySelector("article > h1")!.TextContent.Should().Be("Second: merging", "a chapter without an h1 gets its title");
        built.Page("01-first.html").QuerySelectorAll("article h1").Should().ContainSingle("the chapter's own h1 is kept");
        built.Page("03-results.html").QuerySelector("aside.checkpoint").Should().BeNull("a chapter without a checkpoint has no box");
        built.Page("01-first.html").QuerySelectorAll("#book-sidebar li[data-part]").Select(static li => li.GetAttribute("data-part"))
            .Should().Equal(["1", "2"], "the sidebar keeps each chapter's part");
    }

    [Fact]
    public void CSharp_is_coloured_at_build_time_and_other_languages_are_escaped_text()
    {
        var first = built.Page("01-first.html");
        var add = first.QuerySelector("pre[data-source='src/Counter.cs#add']")!;
        add.TextContent.Should().Be("public void Add(long amount)\n{\n    ArgumentOutOfRangeException.ThrowIfNegative(amount);\n    total += amount;\n}");
        add.QuerySelectorAll(".tk-keyword").Select(static s => s.TextContent).Should().Contain(["public", "void", "long"]);
        add.QuerySelectorAll(".tk-method").Select(static s => s.TextContent).Should().Contain("ThrowIfNegative");
        first.QuerySelector("pre[data-source='src/Counter.cs#read']")!.TextContent.Should().Be("public long Read() => total; // \"quoted\" & <escaped>");
        first.QuerySelector("pre[data-source='src/Counter.cs#read'] .tk-comment")!.TextContent.Should().Be("// \"quoted\" & <escaped>");
        first.QuerySelector("pre:not([data-source]) code.language-csharp .tk-keyword")!.TextContent.Should().Be("var", "fenced C# is coloured too");
        first.QuerySelector("code.language-bash")!.TextContent.Should().Contain("[!code-csharp[](../src/DoesNotExist.cs#inside-a-fence)]",
            "a directive inside a fenced block is shown, not expanded");

        var script = built.Page("02-second.html").QuerySelector("pre[data-source='src/run.sh']")!;
        script.QuerySelectorAll("[class^=tk-]").Should().BeEmpty();
        script.TextContent.Should().Contain("echo \"run <all>\"");
        built.Page("02-second.html").QuerySelector("pre[data-source='src/Counter.cs#check']")!.TextContent
            .Should().Be("ArgumentOutOfRangeException.ThrowIfNegative(amount);", "an inner region is dedented on its own");
    }

    [Fact]
    public void A_change_marks_added_lines_greys_context_and_folds_the_rest()
    {
        var figure = built.Page("02-second.html").QuerySelector("figure.code-change")!;
        figure.QuerySelector("figcaption")!.TextContent.Should().Contain("changed from src/CounterBefore.cs#merge");
        var code = figure.QuerySelector("pre")!;
        code.QuerySelectorAll(".line.added").Select(static l => l.TextContent.TrimEnd('\n')).Should().Equal("    merged.Add(1);");
        code.QuerySelectorAll(".line.removed").Select(static l => l.TextContent.TrimEnd('\n')).Should().Equal("    // Nothing else to add.");
        code.QuerySelectorAll(".line.context").Should().HaveCount(5);
        var fold = code.QuerySelector(".fold")!;
        fold.GetAttribute("data-lines").Should().Be("3");
        fold.QuerySelectorAll(".line").Select(static l => l.TextContent.TrimEnd('\n'))
            .Should().Equal("/// <summary>Merges two counters.</summary>", "public static Counter Merge(Counter left, Counter right)", "{");
        code.TextContent.Should().Be(string.Join('\n',
            "/// <summary>Merges two counters.</summary>", "public static Counter Merge(Counter left, Counter right)", "{",
            "    var merged = new Counter();", "    merged.Add(left.Read());", "    merged.Add(right.Read());",
            "    // Nothing else to add.", "    merged.Add(1);", "    return merged;", "}"),
            "the whole new region is there, folded or not, with the removed line where it was (before what replaced it)");
    }

    [Fact]
    public void A_region_included_without_docs_drops_its_doc_comment_lines()
    {
        var code = built.Page("02-second.html").QuerySelectorAll("figure.code-include:not(.code-change) pre[data-source='src/Counter.cs#merge']").Single();
        code.TextContent.Should().StartWith("public static Counter Merge(").And.NotContain("///");
        code.HasAttribute("data-without-docs").Should().BeTrue("the page says the region is shown without its docs");
    }

    [Fact]
    public void A_figure_holds_the_scene_s_svg_and_its_caption()
    {
        var figure = built.Page("02-second.html").QuerySelector("figure.scene#figure-fixture-boxes")!;
        figure.QuerySelectorAll("svg rect").Select(static r => r.GetAttribute("data-value")).Should().Equal("1", "2");
        figure.QuerySelector("svg")!.GetAttribute("aria-label").Should().Be("Two boxes holding 1 and 2.");
        figure.QuerySelector("figcaption")!.InnerHtml.Should().Be("Two boxes, <code>drawn</code> by a scene.");
    }

    [Fact]
    public void A_player_holds_every_frame_with_the_first_shown_and_its_controls()
    {
        var player = built.Page("02-second.html").QuerySelector("figure.player#player-fixture-counter")!;
        player.GetAttribute("data-steps").Should().Be("3");
        var frames = player.QuerySelectorAll(".player-frame");
        frames.Select(static f => f.GetAttribute("data-label")).Should().Equal("count 1", "count 2", "count 3");
        frames.Select(static f => f.HasAttribute("hidden")).Should().Equal(false, true, true);
        player.QuerySelector(".player-label")!.TextContent.Should().Be("count 1");
        player.QuerySelector("input.player-slider")!.GetAttribute("max").Should().Be("2");
        player.QuerySelectorAll("button[data-action]").Select(static b => b.GetAttribute("data-action"))
            .Should().Equal("first", "previous", "play", "next", "last");
    }

    [Fact]
    public void An_output_block_shows_what_the_sample_printed()
    {
        var output = built.Page("02-second.html").QuerySelector("figure.sample-output#output-fixture-hello")!;
        output.QuerySelector("pre.output")!.TextContent.Should().Be("hello <world> & all\nsecond line");
        output.QuerySelector("figcaption")!.TextContent.Should().Be("Output of sample fixture-hello: what it printed");
    }

    [Theory]
    [InlineData("Insert: batches of 1K (updates/s)", "updates/s", "Insert: batches of 1K (updates/s)")]
    [InlineData("A relation: inserts/s", "inserts/s", "A relation: inserts/s")]
    [InlineData("Insert throughput", "updates/s", "Insert throughput (updates/s)")]
    public void A_chart_caption_names_its_unit_once(string title, string unit, string caption)
    {
        BenchmarkHtml.Caption(new BenchmarkChart("x", title, unit, [])).Should().Be(caption);
    }

    [Fact]
    public void Benchmark_directives_render_tables_charts_ratios_and_the_machine()
    {
        var page = built.Page("03-results.html");
        var table = page.QuerySelector("article table")!;
        table.QuerySelector("caption")!.TextContent.Should().Be("Insert throughput");
        table.QuerySelectorAll("thead th").Select(static t => t.TextContent).Should().Equal("Implementation", "updates/s");
        table.QuerySelectorAll("tbody tr").Select(static r => r.TextContent).Should().Equal("part11.2 M", "part23.4 M");

        var chart = page.QuerySelector("figure.bench-chart svg")!;
        chart.QuerySelectorAll("rect.bar").Select(static r => r.GetAttribute("width")).Should().Equal("135.7", "380");
        chart.QuerySelectorAll("text.bar-value").Select(static t => t.TextContent).Should().Equal("1.23 M", "3.46 M");
        page.QuerySelector("figure.bench-chart figcaption")!.TextContent.Should().Be("Insert throughput (updates/s)");
        double.Parse(chart.QuerySelectorAll("rect.bar")[0].GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeGreaterThanOrEqualTo(80, "labels get room");

        var ratios = page.QuerySelectorAll("article table")[1];
        ratios.QuerySelectorAll("tbody tr").Select(static r => string.Join("|", r.Children.Select(static c => c.TextContent)))
            .Should().Equal("part5-load/array-sort|1.7|<= 2|yes", "part1-load/array-sort|9.25|<= 2|no");
        page.QuerySelector("dl.bench-machine")!.TextContent.Should().Be("Machinefixture machine, 2 coresRuntime.NET 10.0.0Date2026-01-02Modefull");
    }

    [Fact]
    public void A_lines_chart_draws_a_line_per_series_with_its_points_ticks_and_legend()
    {
        var figure = built.Page("03-results.html").QuerySelectorAll("figure.bench-lines")[0];
        var svg = figure.QuerySelector("svg[role=img]")!;
        svg.QuerySelector("title")!.TextContent.Should().Be("Load throughput by size");
        figure.QuerySelector("figcaption")!.TextContent.Should().Be("Load throughput by size");
        svg.QuerySelectorAll("polyline").Select(static l => $"{l.GetAttribute("class")}|{l.GetAttribute("data-series")}")
            .Should().Equal("line s0|part1", "line s1|part5", "line s2|lsm", "line s3|none yet");
        svg.QuerySelectorAll("polyline").Select(static l => Pairs(l.GetAttribute("points")!).Count).Should().Equal(2, 4, 1, 0);
        svg.QuerySelectorAll("circle.point").Select(static c => (c.GetAttribute("data-series"), Number(c, "data-x"), Number(c, "data-y")))
            .Should().Equal(
                ("part1", 1e6, 1234567.0), ("part1", 4e6, 1.1e6),
                ("part5", 1e6, 7.1e6), ("part5", 4e6, 6.9e6), ("part5", 16e6, 6.5e6), ("part5", 64e6, 6.0e6),
                ("lsm", 16e6, 5.0e6));

        var xTicks = svg.QuerySelectorAll("text.tick-label[text-anchor=middle]");
        xTicks.Select(static t => t.TextContent).Should().Equal(["1 M", "4 M", "16 M", "64 M"], "a log x axis with four sizes has its ticks at them");
        svg.QuerySelectorAll("text.tick-label[text-anchor=end]").Select(static t => t.TextContent)
            .Should().Equal(["1 M", "2 M", "5 M", "10 M"], "y spans less than two decades: 1, 2 and 5 times powers of ten");
        foreach (var (tick, circle) in xTicks.Zip(svg.QuerySelectorAll("circle.point[data-series=part5]")))
        {
            Number(tick, "x").Should().Be(Number(circle, "cx"), "each size's tick stands under the points measured at it");
        }

        var part5 = svg.QuerySelectorAll("circle.point[data-series=part5]").Select(static c => Number(c, "cy")).ToList();
        part5.Should().BeInAscendingOrder("lower throughput is drawn lower, and SVG's y grows downwards");
        svg.QuerySelectorAll("line.grid").Should().HaveCount(4);
        svg.QuerySelectorAll("text.axis-label").Select(static t => t.TextContent).Should().Equal("updates loaded", "updates/s");
        figure.QuerySelectorAll("ul.bench-legend li").Select(static li => (li.TextContent, li.QuerySelector(".swatch")!.GetAttribute("class")))
            .Should().Equal(
                ("part1 — stopped at 64M: would need 22 GB", "swatch s0"), ("part5", "swatch s1"), ("lsm", "swatch s2"), ("none yet", "swatch s3"));
    }

    [Fact]
    public void A_dense_linear_lines_chart_has_no_markers_and_reaches_zero()
    {
        var svg = built.Page("03-results.html").QuerySelectorAll("figure.bench-lines")[1].QuerySelector("svg")!;
        svg.QuerySelectorAll("polyline.line.s0").Select(static l => Pairs(l.GetAttribute("points")!).Count).Should().Equal(13);
        svg.QuerySelectorAll("circle").Should().BeEmpty("a series of more than 12 points is drawn without markers");
        svg.QuerySelectorAll("text.tick-label[text-anchor=middle]").Select(static t => t.TextContent).Should().Equal("0", "5", "10", "15");
        svg.QuerySelectorAll("text.tick-label[text-anchor=end]").Select(static t => t.TextContent).Should().Equal("0", "1 M", "2 M", "3 M");
    }

    [Fact]
    public void The_other_benchmark_directives_read_a_file_with_lines_and_no_bar_charts()
    {
        var page = built.Page("03-results.html");
        page.QuerySelectorAll("dl.bench-machine")[1].TextContent.Should().Contain("2026-01-03").And.Contain("scale");
        page.QuerySelectorAll("article table").Select(static t => t.QuerySelector("caption")?.TextContent)
            .Should().Equal("Insert throughput", null, "Load throughput by size");
    }

    [Fact]
    public void A_results_file_without_lines_loads_with_none()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "book", "tests", "fixtures", "site", "benchmarks", "results.json");
        File.ReadAllText(path).Should().NotContain("\"lines\"");
        BenchmarkResults.Load(path, "results.json").Lines.Should().BeEmpty();
    }

    [Theory]
    [InlineData(true, new[] { 1e6, 4e6, 16e6, 64e6 }, new[] { 1e6, 4e6, 16e6, 64e6 })]
    [InlineData(true, new[] { 16e6, 1e6, 4e6, 4e6 }, new[] { 1e6, 4e6, 16e6 })]
    [InlineData(true, new[] { 1e3, 2e3, 4e3, 8e3, 16e3, 32e3, 64e3, 128e3, 256e3 }, new[] { 1e3, 1e4, 1e5, 1e6 })]
    [InlineData(false, new[] { 1e6, 4e6, 16e6, 64e6 }, new[] { 1e6, 2e6, 5e6, 1e7, 2e7, 5e7, 1e8 })]
    [InlineData(false, new[] { 1.5e6, 7.1e6 }, new[] { 1e6, 2e6, 5e6, 1e7 })]
    [InlineData(false, new[] { 0.003, 40.0 }, new[] { 0.001, 0.01, 0.1, 1, 10, 100 })]
    [InlineData(false, new[] { 1.0, 1e12 }, new[] { 1, 1e2, 1e4, 1e6, 1e8, 1e10, 1e12 })]
    public void A_log_axis_has_its_ticks_at_few_x_values_or_at_powers_of_ten(bool exact, double[] values, double[] ticks)
    {
        var axis = LineChartSvg.Axis.Logarithmic(values, exactTicks: exact);
        axis.Ticks.Should().Equal(ticks);
        axis.Fraction(values.Min()).Should().BeInRange(0, 0.2, "the axis starts at or before the least value, within a tick");
        axis.Fraction(values.Max()).Should().BeInRange(0.8, 1, "and ends at or after the greatest, within a tick");
        axis.Ticks.Should().OnlyContain(t => axis.Fraction(t) >= 0 && axis.Fraction(t) <= 1, "every tick is on the axis");
    }

    [Fact]
    public void A_log_axis_around_one_value_or_none_still_spans_a_range()
    {
        var one = LineChartSvg.Axis.Logarithmic([1e6], exactTicks: false);
        (one.Min, one.Max).Should().Be((5e5, 2e6));
        LineChartSvg.Axis.Logarithmic([3e6], exactTicks: true).Ticks.Should().Equal(3e6);
        LineChartSvg.Axis.Logarithmic([3e6], exactTicks: true).Fraction(3e6).Should().BeApproximately(0.5, 1e-12);
        LineChartSvg.Axis.Logarithmic([], exactTicks: true).Ticks.Should().Equal(1, 10);
        LineChartSvg.Axis.Linear([], withZero: true).Ticks.Should().Equal(0, 0.2, 0.4, 0.6, 0.8, 1);
        LineChartSvg.Axis.Linear([-3, 7], withZero: false).Ticks.Should().Equal(-4, -2, 0, 2, 4, 6, 8);
        LineChartSvg.Axis.Linear([5, 5], withZero: false).Ticks.Should().Equal(2, 3, 4, 5, 6, 7, 8);
    }

    [Theory]
    [InlineData(new[] { 1e6, 4e6, 16e6, 64e6 }, new[] { "1 M", "4 M", "16 M", "64 M" })]
    [InlineData(new[] { 0, 500e3, 1e6, 1.5e6 }, new[] { "0", "500 k", "1 M", "1.5 M" })]
    [InlineData(new[] { 0.001, 0.01, 0.1 }, new[] { "0.001", "0.01", "0.1" })]
    [InlineData(new[] { 1e6, 1.005e6, 1.01e6 }, new[] { "1000000", "1005000", "1010000" })]
    public void Tick_labels_read_like_the_bar_charts_values_and_never_alike(double[] ticks, string[] labels)
    {
        LineChartSvg.TickLabels(ticks).Should().Equal(labels);
    }

    private static double Number(IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Pairs(string points) => [.. points.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    [Fact]
    public void The_search_index_holds_every_section_with_a_link_to_it()
    {
        var script = File.ReadAllText(Path.Combine(built.Site.Output, "search-index.js"));
        script.Should().StartWith("window.bookSearchIndex = [");
        script.Should().Contain("\"s\":\"Merging counters\",\"u\":\"02-second.html#merging-counters\"");
        script.Should().Contain("\"u\":\"01-first.html#reading\"");
        script.Should().Contain("fixture machine");
        script.Should().Contain("listed apart", "words of neighbouring list items keep a space between them");
        script.Should().Contain("public long Read()").And.NotContain("Read() => total;public", "code lines stay apart");
        script.Should().Contain("Two boxes, drawn by a scene.").And.NotContain("\"t\":\"1 2", "a figure's caption is text; its picture is not");
    }

    [Fact]
    public void The_print_page_holds_every_chapter_in_order_with_ids_made_unique()
    {
        var print = built.Page("print.html");
        print.QuerySelectorAll("section.print-chapter").Select(static s => s.Id).Should().Equal("01-first", "02-second", "03-results");
        print.GetElementById("01-first--reading").Should().NotBeNull();
        print.GetElementById("02-second--reading").Should().NotBeNull();
        print.GetElementById("01-first")!.QuerySelectorAll("a").Select(static a => a.GetAttribute("href"))
            .Should().Equal("#02-second--merging-counters", "#01-first--first-counting");
        print.QuerySelectorAll("pre[data-source]").Should().HaveCount(6);
    }

    [Fact]
    public void Every_page_has_unique_ids_and_refers_to_nothing_outside_the_site()
    {
        foreach (var page in new[] { "index.html", "01-first.html", "02-second.html", "03-results.html", "print.html" })
        {
            var document = built.Page(page);
            var ids = document.QuerySelectorAll("[id]").Select(static e => e.Id).ToList();
            ids.Should().OnlyHaveUniqueItems(page);
            var references = document.QuerySelectorAll("[src], [href]").Select(static e => e.GetAttribute("src") ?? e.GetAttribute("href")!);
            references.Should().NotContain(static r => LinkTarget.IsExternal(r), page);
            foreach (var local in references.Select(static r => LinkTarget.Split(r)).Where(static r => r.Path.Length > 0))
            {
                File.Exists(Path.Combine(built.Site.Output, local.Path)).Should().BeTrue($"{page} refers to {local.Path}");
            }
        }
    }

    [Fact]
    public void Links_between_chapters_point_at_their_pages()
    {
        built.Page("01-first.html").QuerySelectorAll("article p a").Select(static a => a.GetAttribute("href"))
            .Should().Equal("02-second.html#merging-counters", "#first-counting");
    }
}
