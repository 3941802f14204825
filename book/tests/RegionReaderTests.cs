namespace Book.Tests;

[Trait("Part", "book")]
public sealed class RegionReaderTests : IDisposable
{
    private static readonly SourceLocation Include = new("chapters/01.md", 7);
    private readonly string directory = Directory.CreateTempSubdirectory("book-regions").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string WriteSource(string text)
    {
        var path = Path.Combine(directory, "Source.cs");
        File.WriteAllText(path, text);
        return path;
    }

    private Snippet Read(string text, string? region) => RegionReader.Read(WriteSource(text), "src/Source.cs", region, Include);

    private BuildError ReadError(string text, string? region)
    {
        var read = () => Read(text, region);
        return read.Should().Throw<BuildErrorException>().Which.Error;
    }

    [Fact]
    public void A_region_drops_its_markers_and_is_dedented()
    {
        var snippet = Read("class C\n{\n    #region add\n    void Add()\n    {\n        x++;\n    }\n    #endregion\n}\n", "add");
        snippet.Text.Should().Be("void Add()\n{\n    x++;\n}");
        snippet.Lines.Select(static l => l.SourceLine).Should().Equal(4, 5, 6, 7);
        snippet.Lines[0].Dedent.Should().Be(4);
        snippet.Label.Should().Be("src/Source.cs#add");
    }

    [Fact]
    public void Windows_line_endings_and_trailing_blank_lines_do_not_show()
    {
        Read("#region r\r\n\r\n  a\r\n    b\r\n\r\n#endregion\r\n", "r").Text.Should().Be("a\n  b");
    }

    [Fact]
    public void Blank_lines_inside_a_region_stay_and_do_not_limit_the_dedent()
    {
        Read("#region r\n        a\n\n        b\n#endregion\n", "r").Text.Should().Be("a\n\nb");
    }

    [Fact]
    public void Nested_regions_can_be_read_alone_and_disappear_from_the_outer_one()
    {
        const string source = "#region outer\nstart();\n    #region inner\n    middle();\n    #endregion inner\nend();\n#endregion\n";
        Read(source, "outer").Text.Should().Be("start();\n    middle();\nend();");
        Read(source, "inner").Text.Should().Be("middle();");
    }

    [Fact]
    public void Without_a_region_the_whole_file_is_shown_without_markers()
    {
        Read("\n#region a\nx();\n#endregion\ny();\n", null).Text.Should().Be("x();\ny();");
    }

    [Fact]
    public void A_missing_file_is_reported_at_the_include()
    {
        var read = () => RegionReader.Read(Path.Combine(directory, "Nope.cs"), "src/Nope.cs", "add", Include);
        read.Should().Throw<BuildErrorException>().Which.Error.ToString()
            .Should().Be("chapters/01.md:7: file not found: src/Nope.cs");
    }

    [Fact]
    public void A_missing_region_is_reported_at_the_include()
    {
        ReadError("#region add\nx();\n#endregion\n", "remove").ToString()
            .Should().Be("chapters/01.md:7: region 'remove' not found in src/Source.cs");
    }

    [Fact]
    public void An_empty_region_is_reported_at_its_line_in_the_source()
    {
        ReadError("x();\n#region add\n\n   \n#endregion\n", "add").ToString()
            .Should().Be("src/Source.cs:2: region 'add' is empty (included from chapters/01.md:7)");
    }

    [Fact]
    public void A_region_holding_only_inner_markers_is_empty()
    {
        ReadError("#region outer\n#region inner\n#endregion\n#endregion\n", "outer").Should()
            .Be(new BuildError("src/Source.cs", 1, "region 'outer' is empty (included from chapters/01.md:7)"));
    }

    [Fact]
    public void A_duplicate_region_is_reported_at_the_second_one()
    {
        ReadError("#region add\na();\n#endregion\n#region add\nb();\n#endregion\n", "add").ToString()
            .Should().Be("src/Source.cs:4: duplicate region 'add' (first at line 1; included from chapters/01.md:7)");
    }

    [Fact]
    public void Unbalanced_and_nameless_markers_are_reported_where_they_are()
    {
        ReadError("#region add\nx();\n", "add").ToString().Should().StartWith("src/Source.cs:1: region 'add' has no #endregion");
        ReadError("x();\n#endregion\n", "add").ToString().Should().StartWith("src/Source.cs:2: #endregion without a #region");
        ReadError("x();\n  #region\n#endregion\n", "add").ToString().Should().StartWith("src/Source.cs:2: #region without a name");
    }

    [Fact]
    public void An_empty_file_is_reported_at_the_include()
    {
        ReadError("\n\n", null).ToString().Should().Be("chapters/01.md:7: file src/Source.cs is empty");
    }
}
