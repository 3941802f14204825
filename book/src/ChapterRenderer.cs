using System.Net;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Book;

/// <summary>Renders a chapter's Markdown to HTML: directives first, then Markdig, then the pieces put back.</summary>
/// <remarks>
/// Each directive line is replaced by an HTML comment placeholder of one line, so Markdig sees the same line numbers
/// as the author (its link positions become error positions) and never touches the included HTML. Lines inside
/// fenced code blocks are left alone, so a chapter can show the directive syntax itself. Links to other chapters
/// (<c>03-sorted.md#merge</c>) are rewritten to their pages; the builder checks them once every chapter is rendered.
/// </remarks>
internal sealed class ChapterRenderer(string repositoryRoot, IncludeRenderer includes, CSharpHighlighter highlighter)
{
    private const string PlaceholderPrefix = "<!--book-block:";

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .UseYamlFrontMatter()
        .Build();

    /// <summary>Renders the chapter at <paramref name="fullPath"/>, adding what goes wrong to <paramref name="errors"/>.</summary>
    public Chapter Render(string fullPath, List<BuildError> errors)
    {
        var display = RepositoryPaths.Relative(repositoryRoot, fullPath);
        var lines = RepositoryPaths.ReadText(fullPath).Split('\n');
        var frontMatter = FrontMatter.Read(lines, display, repositoryRoot, errors);
        var blocks = ExpandDirectives(lines, fullPath, display, errors);

        var document = Markdown.Parse(string.Join('\n', lines), pipeline);
        var links = new List<ChapterLink>();
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { Length: > 0 } url)
            {
                links.Add(new ChapterLink(url, link.Line + 1));
                link.Url = ChapterLinkToPage(url);
            }
        }

        var headingLines = new Dictionary<string, int>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (heading.GetAttributes().Id is { } id)
            {
                headingLines.TryAdd(id, heading.Line + 1);
            }
        }

        var body = RenderHtml(document);
        for (var i = 0; i < blocks.Count; i++)
        {
            body = body.Replace($"{PlaceholderPrefix}{i}-->", blocks[i], StringComparison.Ordinal);
        }

        var startsWithTitle = document.FirstOrDefault(static b => b is not Markdig.Extensions.Yaml.YamlFrontMatterBlock) is HeadingBlock { Level: 1 };
        var box = CheckpointBox(frontMatter);
        // The chapter's number, from its file name, stands above the title: the contents list shows the same one.
        var number = Chapter.NumberOf(fullPath) is { } n ? $"<p class=\"chapter-number\">Chapter {n}</p>\n" : "";
        string article;
        if (startsWithTitle)
        {
            var start = body.IndexOf("<h1", StringComparison.Ordinal);
            var end = body.IndexOf("</h1>", StringComparison.Ordinal) + "</h1>".Length;
            article = string.Concat(body[..start], number, body[start..end], "\n" + box, body[end..]);
        }
        else
        {
            article = $"{number}<h1>{WebUtility.HtmlEncode(frontMatter.Title)}</h1>\n{box}{body}";
        }

        return new Chapter(fullPath, display, frontMatter, article, links, headingLines);
    }

    /// <summary>Rewrites <c>NN-slug.md#anchor</c> to <c>NN-slug.html#anchor</c>; leaves other links as they are.</summary>
    public static string ChapterLinkToPage(string url)
    {
        if (LinkTarget.IsExternal(url))
        {
            return url;
        }

        var (path, anchor) = LinkTarget.Split(url);
        return path.EndsWith(".md", StringComparison.Ordinal) ? path[..^3] + ".html" + anchor : url;
    }

    private List<string> ExpandDirectives(string[] lines, string fullPath, string display, List<BuildError> errors)
    {
        var blocks = new List<string>();
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..(trimmed.Length - trimmed.TrimStart(trimmed[0]).Length)];
                continue;
            }

            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim() == new string(fence[0], trimmed.Trim().Length))
                {
                    fence = null;
                }

                continue;
            }

            if (!Directive.LooksLikeDirective(lines[i]))
            {
                continue;
            }

            var indent = lines[i][..(lines[i].Length - trimmed.Length)];
            try
            {
                var directive = Directive.Parse(lines[i], new SourceLocation(display, i + 1));
                blocks.Add(includes.Render(directive, fullPath));
                lines[i] = $"{indent}{PlaceholderPrefix}{blocks.Count - 1}-->";
            }
            catch (BuildErrorException e)
            {
                errors.Add(e.Error);
                lines[i] = "";
            }
        }

        return blocks;
    }

    private string RenderHtml(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        var fences = renderer.ObjectRenderers.FindExact<CodeBlockRenderer>();
        if (fences is not null)
        {
            renderer.ObjectRenderers.Replace<CodeBlockRenderer>(new FencedCSharpRenderer(fences, highlighter));
        }

        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static string CheckpointBox(FrontMatter frontMatter)
    {
        if (frontMatter.Checkpoint is null && frontMatter.Files.Count == 0)
        {
            return "";
        }

        var html = new StringBuilder("<aside class=\"checkpoint\" aria-label=\"Checkpoint\">");
        if (frontMatter.Checkpoint is not null)
        {
            html.Append("<p><span class=\"checkpoint-label\">Checkpoint</span> <code>")
                .Append(WebUtility.HtmlEncode(frontMatter.Checkpoint)).Append("</code></p>");
        }

        if (frontMatter.Files.Count > 0)
        {
            // The list can be long (part 5's chapters name a dozen files): it stays folded until asked for.
            html.Append("<details class=\"checkpoint-files-box\"><summary class=\"checkpoint-label\">Files this chapter touches (")
                .Append(frontMatter.Files.Count).Append(")</summary><ul class=\"checkpoint-files\">");
            foreach (var file in frontMatter.Files)
            {
                html.Append("<li><code>").Append(WebUtility.HtmlEncode(file)).Append("</code></li>");
            }

            html.Append("</ul></details>");
        }

        return html.Append("</aside>\n").ToString();
    }

    /// <summary>Colours fenced <c>csharp</c> blocks with Roslyn; leaves every other code block to Markdig.</summary>
    private sealed class FencedCSharpRenderer(CodeBlockRenderer fallback, CSharpHighlighter highlighter) : HtmlObjectRenderer<CodeBlock>
    {
        protected override void Write(HtmlRenderer renderer, CodeBlock obj)
        {
            if (obj is not FencedCodeBlock { Info: "csharp" or "cs" or "c#" } fenced)
            {
                fallback.Write(renderer, obj);
                return;
            }

            var code = string.Join('\n', fenced.Lines.Lines.Take(fenced.Lines.Count).Select(static l => l.Slice.ToString()));
            var lines = highlighter.HighlightCode(code);
            renderer.Write("<pre class=\"code\"><code class=\"language-csharp\">");
            for (var i = 0; i < lines.Count; i++)
            {
                renderer.Write("<span class=\"line\">").Write(lines[i]).Write(i + 1 < lines.Count ? "\n" : "").Write("</span>");
            }

            renderer.WriteLine("</code></pre>");
        }
    }
}
