namespace Book.Tests;

/// <summary>Each way a book can be broken fails the build with the file and line to fix, and writes nothing.</summary>
[Trait("Part", "book")]
public sealed class BuildFailureTests : IDisposable
{
    private readonly FixtureSite site = new();

    public void Dispose() => site.Dispose();

    [Fact]
    public void The_unbroken_fixture_builds()
    {
        site.Build().Pages.Should().Be(5);
    }

    [Fact]
    public void A_missing_file()
    {
        site.Replace("chapters/01-first.md", "../src/Counter.cs#add", "../src/Missing.cs#add");
        site.BuildErrors().Should().Equal("chapters/01-first.md:13: file not found: src/Missing.cs");
    }

    [Fact]
    public void A_missing_region()
    {
        site.Replace("chapters/01-first.md", "../src/Counter.cs#add", "../src/Counter.cs#nope");
        site.BuildErrors().Should().Equal("chapters/01-first.md:13: region 'nope' not found in src/Counter.cs");
    }

    [Fact]
    public void A_missing_region_on_the_earlier_side_of_a_change()
    {
        site.Replace("chapters/02-second.md", "CounterBefore.cs#merge", "CounterBefore.cs#merged");
        site.BuildErrors().Should().Equal("chapters/02-second.md:14: region 'merged' not found in src/CounterBefore.cs");
    }

    [Fact]
    public void An_empty_region()
    {
        site.Replace("src/Counter.cs", "    public long Read() => total; // \"quoted\" & <escaped>\n", "");
        site.BuildErrors().Should().Equal("src/Counter.cs:18: region 'read' is empty (included from chapters/01-first.md:19)");
    }

    [Fact]
    public void A_duplicate_region()
    {
        site.Replace("src/Counter.cs", "#region read", "#region add");
        site.BuildErrors().Should().Contain("src/Counter.cs:18: duplicate region 'add' (first at line 8; included from chapters/01-first.md:13)");
    }

    [Fact]
    public void A_scene_that_throws_names_the_chapter_line_and_where_it_threw()
    {
        site.Replace("chapters/02-second.md", "(fixture-boxes)", "(fixture-throws)");
        site.BuildErrors().Should().ContainSingle().Which.Should().MatchRegex(
            @"^chapters/02-second\.md:26: scene 'fixture-throws' threw InvalidOperationException: the structure is empty \(at FixtureScenes\.cs:\d+\)$");
    }

    [Fact]
    public void A_scene_that_does_not_exist_or_is_of_another_kind()
    {
        site.Replace("chapters/02-second.md", "(fixture-boxes)", "(fixture-counter)");
        site.BuildErrors().Should().ContainSingle().Which.Should().StartWith("chapters/02-second.md:26: no figure scene named 'fixture-counter' (known: ");
    }

    [Fact]
    public void A_sample_that_prints_a_line_wider_than_the_code_column()
    {
        site.Replace("chapters/02-second.md", "(fixture-hello)", "(fixture-wide)");
        site.BuildErrors().Should().Equal("chapters/02-second.md:30: sample 'fixture-wide' printed a line of 101 characters, wider than the code column (100)");
    }

    [Fact]
    public void An_included_line_wider_than_the_code_column_names_the_source_line()
    {
        site.Replace("src/Counter.cs", "total += amount;", "total += amount; // " + new string('x', 100));
        site.BuildErrors().Should().Equal("src/Counter.cs:14: line is 124 characters as included in the book, wider than the code column (100); wrap it");
    }

    [Fact]
    public void A_malformed_include()
    {
        site.Replace("chapters/01-first.md", "[!code-csharp[](../src/Counter.cs#read)]", "[!code-csharp[](../src/Counter.cs#read)");
        site.BuildErrors().Should().ContainSingle().Which.Should().StartWith("chapters/01-first.md:19: malformed include:");
    }

    [Fact]
    public void A_link_to_a_chapter_that_does_not_exist()
    {
        site.Replace("chapters/01-first.md", "(02-second.md#merging-counters)", "(09-missing.md)");
        site.BuildErrors().Should().Equal("chapters/01-first.md:11: broken link '09-missing.md': 09-missing.md does not exist");
    }

    [Fact]
    public void A_link_to_a_file_that_is_not_a_chapter()
    {
        site.Replace("chapters/01-first.md", "(02-second.md#merging-counters)", "(../src/Counter.cs)");
        site.BuildErrors().Should().Equal(
            "chapters/01-first.md:11: broken link '../src/Counter.cs': ../src/Counter.cs is not a chapter listed in toc.yml, so the site does not contain it");
    }

    [Fact]
    public void A_link_to_a_missing_anchor_in_another_chapter()
    {
        site.Replace("chapters/01-first.md", "02-second.md#merging-counters", "02-second.md#no-such-section");
        site.BuildErrors().Should().Equal(
            "chapters/01-first.md:11: broken anchor '02-second.md#no-such-section': chapters/02-second.md has no heading or element with id 'no-such-section'");
    }

    [Fact]
    public void A_link_to_a_missing_anchor_on_the_same_page()
    {
        site.Replace("chapters/01-first.md", "(#first-counting)", "(#nowhere)");
        site.BuildErrors().Should().Equal(
            "chapters/01-first.md:17: broken anchor '#nowhere': chapters/01-first.md has no heading or element with id 'nowhere'");
    }

    [Fact]
    public void A_file_in_the_front_matter_that_does_not_exist()
    {
        site.Replace("chapters/01-first.md", "  - src/Counter.cs", "  - src/Gone.cs");
        site.BuildErrors().Should().Equal("chapters/01-first.md:6: file listed in 'files' does not exist: src/Gone.cs");
    }

    [Fact]
    public void Front_matter_without_a_title_or_with_an_unknown_key()
    {
        site.Replace("chapters/02-second.md", "title: \"Second: merging\"", "titel: \"Second: merging\"");
        site.BuildErrors().Should().Equal(
            "chapters/02-second.md:2: unknown front matter key 'titel' (known: title, part, checkpoint, files)",
            "chapters/02-second.md:1: front matter has no 'title'");
    }

    [Fact]
    public void A_chapter_without_front_matter()
    {
        site.Write("chapters/03-results.md", "## Results\n");
        site.BuildErrors().Should().Equal(
            "chapters/03-results.md:1: missing front matter: the chapter must start with a '---' block holding at least 'title'");
    }

    [Fact]
    public void A_duplicate_id_from_raw_html()
    {
        site.Replace("chapters/01-first.md", "Reading is one line", "<span id=\"first-counting\">Reading</span> is one line");
        site.BuildErrors().Should().Equal("chapters/01-first.md:9: duplicate id 'first-counting' on page 01-first.html");
    }

    [Fact]
    public void A_duplicate_id_against_the_page_shell()
    {
        site.Replace("chapters/01-first.md", "## Reading", "## Reading {#book-search}");
        site.BuildErrors().Should().Equal("chapters/01-first.md:15: duplicate id 'book-search' on page 01-first.html");
    }

    [Theory]
    [InlineData("![a picture](https://example.com/p.png)", "<img> on page 01-first.html loads https://example.com/p.png from outside the site")]
    [InlineData("![a video](https://www.youtube.com/watch?v=abc)", "<iframe> on page 01-first.html loads https://www.youtube.com/embed/abc")]
    [InlineData("<script src=\"https://cdn.example.com/x.js\"></script>", "<script> on page 01-first.html loads https://cdn.example.com/x.js")]
    public void Anything_loaded_from_outside_the_site(string markdown, string message)
    {
        site.Replace("chapters/01-first.md", "Reading is one line", markdown + "\n\nReading is one line");
        site.BuildErrors().Should().ContainSingle().Which.Should().StartWith("chapters/01-first.md:17: " + message);
    }

    [Fact]
    public void A_table_of_contents_entry_without_a_file()
    {
        site.Write("chapters/toc.yml", "- 01-first.md\n- 02-second.md\n- 03-results.md\n- 04-missing.md\n");
        site.BuildErrors().Should().Equal("chapters/toc.yml:4: file not found: chapters/04-missing.md");
    }

    [Fact]
    public void A_benchmark_id_that_is_not_in_the_results()
    {
        site.Replace("chapters/03-results.md", "results.json#insert)]\n\n[!benchmark-chart", "results.json#lookup)]\n\n[!benchmark-chart");
        site.BuildErrors().Should().Equal("chapters/03-results.md:9: no benchmark table with id 'lookup' (have: insert)");
    }

    [Fact]
    public void A_benchmark_chart_id_that_is_not_in_the_results()
    {
        site.Replace("chapters/03-results.md", "[!benchmark-chart[](../benchmarks/results.json#insert)]", "[!benchmark-chart[](../benchmarks/results.json#memory)]");
        site.BuildErrors().Should().Equal("chapters/03-results.md:11: no benchmark chart with id 'memory' (have: insert)");
    }

    [Fact]
    public void A_lines_chart_id_that_is_not_in_the_results_names_the_ids_there_are()
    {
        site.Replace("chapters/03-results.md", "scale.json#window)]", "scale.json#windows)]");
        site.Replace("chapters/03-results.md", "[!benchmark-ratios[](../benchmarks/results.json)]", "[!benchmark-lines[](../benchmarks/results.json#insert)]");
        site.BuildErrors().Should().Equal(
            "chapters/03-results.md:13: no benchmark lines chart with id 'insert' in benchmarks/results.json (have: none)",
            "chapters/03-results.md:23: no benchmark lines chart with id 'windows' in benchmarks/scale.json (have: scale-load, window)");
    }

    [Theory]
    [InlineData("[4000000, 1100000.0]", "[4000000, 0]",
        "series 'part1': y = 0 at x = 4000000 on a log axis; a log axis needs values > 0")]
    [InlineData("[4000000, 1100000.0]", "[4000000, -2.5]",
        "series 'part1': y = -2.5 at x = 4000000 on a log axis; a log axis needs values > 0")]
    [InlineData("[[16000000, 5.0e6]]", "[[0, 5.0e6]]", "series 'lsm': x = 0 on a log axis; a log axis needs values > 0")]
    [InlineData("[4000000, 6.9e6]", "[1000000, 6.9e6]", "series 'part5': x = 1000000 after x = 1000000; x must ascend")]
    [InlineData("[4000000, 6.9e6]", "[4000000, 6.9e6, 1]", "series 'part5': point 2 has 3 numbers; a point is [x, y]")]
    public void A_lines_chart_point_that_cannot_be_drawn_names_the_file_chart_and_series(string point, string broken, string detail)
    {
        site.Replace("benchmarks/scale.json", point, broken);
        site.BuildErrors().Should().Equal($"chapters/03-results.md:21: benchmarks/scale.json, lines chart 'scale-load', {detail}");
    }

    [Fact]
    public void Lines_that_are_null_are_not_a_results_file()
    {
        site.Replace("benchmarks/scale.json", "\"lines\": [", "\"lines\": null, \"unused\": [");
        site.BuildErrors().Should().Contain(static e => e.StartsWith("benchmarks/scale.json:", StringComparison.Ordinal)
            && e.Contains("not a benchmark results file", StringComparison.Ordinal) && e.Contains("'lines'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_results_file()
    {
        File.Delete(Path.Combine(site.Root, "benchmarks", "results.json"));
        site.BuildErrors().Should().Equal(
            "chapters/03-results.md:7: file not found: benchmarks/results.json",
            "chapters/03-results.md:9: file not found: benchmarks/results.json",
            "chapters/03-results.md:11: file not found: benchmarks/results.json",
            "chapters/03-results.md:13: file not found: benchmarks/results.json");
    }

    [Fact]
    public void A_results_file_that_is_not_valid()
    {
        site.Write("benchmarks/results.json", "{\n  \"machine\": \"m\",\n  \"runtime\": 3\n}\n");
        site.BuildErrors().Should().Contain(static e => e.StartsWith("benchmarks/results.json:3: not a benchmark results file", StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_from_several_chapters_are_all_reported()
    {
        site.Replace("chapters/01-first.md", "../src/Counter.cs#add", "../src/Counter.cs#nope");
        site.Replace("chapters/02-second.md", "(01-first.md)", "(01-first.md#gone)");
        site.BuildErrors().Should().HaveCount(2);
    }

    [Fact]
    public void The_output_directory_is_replaced_only_if_the_builder_wrote_it()
    {
        site.Build();
        File.WriteAllText(Path.Combine(site.Output, "stale.html"), "old");
        site.Build();
        File.Exists(Path.Combine(site.Output, "stale.html")).Should().BeFalse("a rebuild starts from an empty directory");

        File.Delete(Path.Combine(site.Output, SiteBuilder.Marker));
        var build = () => site.Build();
        build.Should().Throw<BookBuildException>().Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("not written by this builder");
    }
}
