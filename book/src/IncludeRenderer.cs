using System.Net;
using System.Text;

namespace Book;

/// <summary>Turns a directive into the HTML that replaces it: a code snippet, a change, or benchmark results.</summary>
internal sealed class IncludeRenderer(string repositoryRoot, CSharpHighlighter highlighter)
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
            _ => Benchmark(directive, directory),
        };
    }

    private string Code(Directive directive, string directory)
    {
        var snippet = Read(directory, directive.Path, directive.Fragment, directive.Location);
        var csharp = directive.Language is "csharp" or "cs";
        var lines = csharp ? highlighter.HighlightLines(snippet) : snippet.Lines.Select(static l => CSharpHighlighter.Plain(l.Text)).ToArray();
        string caption;
        DiffLineKind[]? kinds = null;
        if (directive.DiffPath is null)
        {
            caption = Caption(snippet.DisplayPath, snippet.Region);
        }
        else
        {
            var earlier = Read(directory, directive.DiffPath, directive.DiffFragment, directive.Location);
            kinds = LineDiff.Classify(earlier.Lines.Select(static l => l.Text).ToArray(), snippet.Lines.Select(static l => l.Text).ToArray());
            caption = $"{Caption(snippet.DisplayPath, snippet.Region)} <span class=\"code-diff\">changed from {Encode(earlier.Label)}</span>";
        }

        SnippetCount++;
        var html = new StringBuilder();
        html.Append("<figure class=\"code-include").Append(kinds is null ? "" : " code-change").Append("\"><figcaption>")
            .Append(caption).Append("</figcaption><pre class=\"code\" data-source=\"").Append(Encode(snippet.Label))
            .Append("\"><code class=\"language-").Append(Encode(directive.Language)).Append("\">");
        for (var i = 0; i < lines.Count; i++)
        {
            var kind = kinds?[i];
            if (kind == DiffLineKind.Folded && (i == 0 || kinds![i - 1] != DiffLineKind.Folded))
            {
                var run = 1;
                while (i + run < lines.Count && kinds![i + run] == DiffLineKind.Folded)
                {
                    run++;
                }

                html.Append("<span class=\"fold\" data-lines=\"").Append(run).Append("\">");
            }

            html.Append("<span class=\"line").Append(kind switch
            {
                DiffLineKind.Added => " added",
                DiffLineKind.Context => " context",
                DiffLineKind.Folded => " folded",
                _ => "",
            }).Append("\">").Append(lines[i]).Append(i + 1 < lines.Count ? "\n" : "").Append("</span>");
            if (kind == DiffLineKind.Folded && (i + 1 == lines.Count || kinds![i + 1] != DiffLineKind.Folded))
            {
                html.Append("</span>");
            }
        }

        return html.Append("</code></pre></figure>").ToString();
    }

    private Snippet Read(string directory, string path, string? region, SourceLocation at)
    {
        var full = Path.GetFullPath(Path.Combine(directory, path));
        return RegionReader.Read(full, RepositoryPaths.Relative(repositoryRoot, full), region, at);
    }

    private string Benchmark(Directive directive, string directory)
    {
        var full = Path.GetFullPath(Path.Combine(directory, directive.Path));
        if (!resultsByFile.TryGetValue(full, out var results))
        {
            if (!File.Exists(full))
            {
                throw new BuildErrorException(directive.Location.Error($"file not found: {RepositoryPaths.Relative(repositoryRoot, full)}"));
            }

            results = BenchmarkResults.Load(full, RepositoryPaths.Relative(repositoryRoot, full));
            resultsByFile[full] = results;
        }

        return directive.Kind switch
        {
            "table" => BenchmarkHtml.Table(results, directive.Fragment!, directive.Location),
            "chart" => BenchmarkHtml.Chart(results, directive.Fragment!, directive.Location),
            "ratios" => BenchmarkHtml.Ratios(results),
            _ => BenchmarkHtml.Machine(results),
        };
    }

    private static string Caption(string path, string? region) =>
        $"<span class=\"code-file\">{Encode(path)}</span>" + (region is null ? "" : $"<span class=\"code-region\">#{Encode(region)}</span>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
