using AngleSharp.Html.Parser;
using Xunit.Abstractions;

namespace Book.Tests;

/// <summary>The real book builds, and every snippet on its pages is, character for character, its region in the source.</summary>
[Trait("Part", "book")]
[Collection(RealSiteCollection.Name)]
public sealed class RealSiteTests(RealSiteFixture site, ITestOutputHelper output)
{
    [Fact]
    public void Every_snippet_equals_its_region_in_the_source()
    {
        var parser = new HtmlParser();
        var checkedSnippets = 0;
        foreach (var page in Directory.EnumerateFiles(site.Output, "*.html").Where(static p => Path.GetFileName(p) != "print.html"))
        {
            var document = parser.ParseDocument(File.ReadAllText(page));
            foreach (var pre in document.QuerySelectorAll("pre[data-source]"))
            {
                var (path, region) = LinkTarget.Split(pre.GetAttribute("data-source")!);
                var snippet = RegionReader.Read(Path.Combine(TestPaths.RepositoryRoot, path), path,
                    region.Length > 1 ? region[1..] : null, new SourceLocation(Path.GetFileName(page), 1));
                if (pre.HasAttribute("data-without-docs"))
                {
                    snippet = snippet.WithoutDocComments();
                }

                // A change also shows the lines its earlier version had and this one does not: leave them out.
                var shown = pre.QuerySelector(".line.removed") is null
                    ? pre.TextContent
                    : string.Join('\n', pre.QuerySelectorAll(".line:not(.removed)")
                        .Select(static l => l.TextContent.TrimEnd('\n')));
                shown.Should().Be(snippet.Text, $"{Path.GetFileName(page)} shows {snippet.Label}");
                checkedSnippets++;
            }
        }

        output.WriteLine($"{checkedSnippets} snippets checked; site built in {site.Result.Elapsed.TotalSeconds:0.0} s, {site.Result.Bytes / 1024} KiB");
        checkedSnippets.Should().Be(site.Result.Snippets, "every snippet the build included is on a chapter page").And.BePositive();
    }

    [Fact]
    public void The_print_page_holds_every_chapter_of_the_table_of_contents_in_order()
    {
        var toc = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "book", "chapters", "toc.yml"))
            .Where(static l => l.StartsWith("- ", StringComparison.Ordinal))
            .Select(static l => Path.GetFileNameWithoutExtension(l[2..].Trim()));
        var print = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, "print.html")));
        print.QuerySelectorAll("section.print-chapter").Select(static s => s.Id).Should().Equal(toc);
        print.QuerySelectorAll("pre[data-source]").Should().HaveCount(site.Result.Snippets);
    }
}
