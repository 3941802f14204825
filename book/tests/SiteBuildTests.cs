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
