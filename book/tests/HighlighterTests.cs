namespace Book.Tests;

[Trait("Part", "book")]
public sealed class HighlighterTests : IDisposable
{
    private readonly FixtureSite site = new();

    public void Dispose() => site.Dispose();

    [Fact]
    public void Types_from_a_referenced_project_are_coloured_as_types()
    {
        Directory.CreateDirectory(Path.Combine(site.Root, "lib"));
        Directory.CreateDirectory(Path.Combine(site.Root, "app"));
        site.Write("lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        site.Write("lib/Shape.cs", "namespace Lib;\npublic sealed class Shape { public int Sides { get; init; } }\n");
        site.Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <ProjectReference Include=\"..\\lib\\Lib.csproj\" />\n  </ItemGroup>\n</Project>\n");
        site.Write("app/Use.cs", "using Lib;\nstatic class Use\n{\n    #region use\n    static int Count(Shape shape) => shape.Sides;\n    #endregion\n}\n");
        site.Replace("chapters/01-first.md", "[!code-csharp[](../src/Counter.cs#read)]", "[!code-csharp[](../app/Use.cs#use)]");

        site.Build();

        var html = site.Page("01-first.html");
        html.Should().Contain("<span class=\"tk-type\">Shape</span> <span class=\"tk-local\">shape</span>");
        html.Should().Contain("<span class=\"tk-member\">Sides</span>");
    }

    [Fact]
    public void Code_without_a_file_is_coloured_and_escaped()
    {
        using var highlighter = new CSharpHighlighter(site.Root);
        highlighter.HighlightCode("var text = \"<b>\";\n// done").Should().Equal(
            "<span class=\"tk-keyword\">var</span> <span class=\"tk-local\">text</span> = <span class=\"tk-string\">&quot;&lt;b&gt;&quot;</span>;",
            "<span class=\"tk-comment\">// done</span>");
    }
}
