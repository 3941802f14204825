using System.Net;
using System.Text;
using Book.Scenes;

namespace Book;

/// <summary>Turns a directive into the HTML that replaces it: a code snippet, a change, benchmark results, or a scene.</summary>
internal sealed class IncludeRenderer(string repositoryRoot, CSharpHighlighter highlighter, SceneCatalog scenes)
{
    private readonly Dictionary<string, BenchmarkResults> resultsByFile = [];

    /// <summary>Gets the number of code snippets rendered so far.</summary>
    public int SnippetCount { get; private set; }

    /// <summary>Renders <paramref name="directive"/>, found in the chapter at <paramref name="chapterPath"/>.</summary>
    /// <exception cref="BuildErrorException">What it points at is missing or unusable.</exception>
    public string Render(Directive directive, string chapterPath)
    {
        ArgumentNullException.ThrowIfNull(directive);
        var directory = Path.GetDirectoryName(chapterPath)!;
        return directive.Kind switch
        {
            "code" => Code(directive, directory),
            "figure" or "player" or "output" => Scene(directive),
            _ => Benchmark(directive, directory),
        };
    }

    private string Code(Directive directive, string directory)
    {
        var snippet = Read(directory, directive.Path, directive.Fragment, directive.Location, directive.WithoutDocs);
        string caption;
        IReadOnlyList<DiffLine> script;
        Snippet? earlier = null;
        if (directive.DiffPath is null)
        {
            caption = Caption(snippet.DisplayPath, snippet.Region);
            script = [.. Enumerable.Range(0, snippet.Lines.Count).Select(static i => new DiffLine(DiffLineKind.Context, i))];
        }
        else
        {
            earlier = Read(directory, directive.DiffPath, directive.DiffFragment, directive.Location, directive.WithoutDocs);
            script = LineDiff.Script([.. earlier.Lines.Select(static l => l.Text)], [.. snippet.Lines.Select(static l => l.Text)]);
            caption = $"{Caption(snippet.DisplayPath, snippet.Region)} <span class=\"code-diff\">changed from {Encode(earlier.Label)}</span>";
        }

        var lines = Highlight(directive, snippet);
        var removedLines = earlier is null ? [] : Highlight(directive, earlier);
        SnippetCount++;
        var html = new StringBuilder();
        html.Append("<figure class=\"code-include").Append(earlier is null ? "" : " code-change").Append("\"><figcaption>")
            .Append(caption).Append("</figcaption><pre class=\"code\" data-source=\"").Append(Encode(snippet.Label))
            .Append(directive.WithoutDocs ? "\" data-without-docs=\"" : "").Append("\"><code class=\"language-").Append(Encode(directive.Language)).Append("\">");
        for (var i = 0; i < script.Count; i++)
        {
            var (kind, index) = script[i];
            var folded = kind == DiffLineKind.Folded;
            if (folded && (i == 0 || script[i - 1].Kind != DiffLineKind.Folded))
            {
                var run = 1;
                while (i + run < script.Count && script[i + run].Kind == DiffLineKind.Folded)
                {
                    run++;
                }

                html.Append("<span class=\"fold\" data-lines=\"").Append(run).Append("\">");
            }

            var text = kind == DiffLineKind.Removed ? removedLines[index] : lines[index];
            html.Append("<span class=\"line").Append(earlier is null ? "" : kind switch
            {
                DiffLineKind.Added => " added",
                DiffLineKind.Removed => " removed",
                DiffLineKind.Folded => " folded",
                _ => " context",
            }).Append('"').Append(kind == DiffLineKind.Removed ? " aria-label=\"removed\"" : "").Append('>')
                .Append(text).Append(i + 1 < script.Count ? "\n" : "").Append("</span>");
            if (folded && (i + 1 == script.Count || script[i + 1].Kind != DiffLineKind.Folded))
            {
                html.Append("</span>");
            }
        }

        return html.Append("</code></pre></figure>").ToString();
    }

    private IReadOnlyList<string> Highlight(Directive directive, Snippet snippet) =>
        directive.Language is "csharp" or "cs"
            ? highlighter.HighlightLines(snippet)
            : snippet.Lines.Select(static l => CSharpHighlighter.Plain(l.Text)).ToArray();

    /// <summary>Runs the scene a figure, player or output directive names and renders what it produced.</summary>
    private string Scene(Directive directive)
    {
        try
        {
            return directive.Kind switch
            {
                "figure" => SceneHtml.Figure(directive.Path, directive.Caption, scenes.DrawFigure(directive.Path)),
                "player" => SceneHtml.Player(directive.Path, directive.Caption, scenes.RecordPlayer(directive.Path)),
                _ => SceneHtml.Output(directive.Path, directive.Caption, scenes.RunSample(directive.Path), directive.Location),
            };
        }
        catch (Exception e) when (e is SceneFailedException or KeyNotFoundException)
        {
            throw new BuildErrorException(directive.Location.Error(e.Message));
        }
    }

    private Snippet Read(string directory, string path, string? region, SourceLocation at, bool withoutDocs)
    {
        var full = Path.GetFullPath(Path.Combine(directory, path));
        var snippet = RegionReader.Read(full, RepositoryPaths.Relative(repositoryRoot, full), region, at);
        if (withoutDocs)
        {
            snippet = snippet.WithoutDocComments();
        }

        CodeColumn.Check(snippet);
        return snippet;
    }

    private string Benchmark(Directive directive, string directory)
    {
        var full = Path.GetFullPath(Path.Combine(directory, directive.Path));
        var display = RepositoryPaths.Relative(repositoryRoot, full);
        if (!resultsByFile.TryGetValue(full, out var results))
        {
            if (!File.Exists(full))
            {
                throw new BuildErrorException(directive.Location.Error($"file not found: {display}"));
            }

            results = BenchmarkResults.Load(full, display);
            resultsByFile[full] = results;
        }

        return directive.Kind switch
        {
            "table" => BenchmarkHtml.Table(results, directive.Fragment!, directive.Location),
            "chart" => BenchmarkHtml.Chart(results, directive.Fragment!, directive.Location),
            "lines" => LineChartSvg.Render(results, display, directive.Fragment!, directive.Location),
            "ratios" => BenchmarkHtml.Ratios(results),
            _ => BenchmarkHtml.Machine(results),
        };
    }

    private static string Caption(string path, string? region) =>
        $"<span class=\"code-file\">{Encode(path)}</span>" + (region is null ? "" : $"<span class=\"code-region\">#{Encode(region)}</span>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
