using System.Text;
using System.Text.Json;
using AngleSharp.Dom;

namespace Book;

/// <summary>One searchable section: a chapter's text from one heading to the next.</summary>
/// <param name="Chapter">The chapter's title.</param>
/// <param name="Section">The heading's text (the chapter title for the text before the first heading).</param>
/// <param name="Url">The page and anchor that show the section.</param>
/// <param name="Text">The section's text, whitespace collapsed.</param>
internal sealed record SearchSection(string Chapter, string Section, string Url, string Text);

/// <summary>Builds the full-text search index: a script that assigns the sections to <c>window.bookSearchIndex</c>.</summary>
/// <remarks>A script, not a JSON file fetched at run time, because pages opened from <c>file://</c> cannot fetch.</remarks>
internal static class SearchIndex
{
    /// <summary>The index's file name in the site.</summary>
    public const string FileName = "search-index.js";

    /// <summary>Splits a chapter's article into sections at its <c>h1</c>-<c>h3</c> headings.</summary>
    public static IEnumerable<SearchSection> Sections(string chapterTitle, string pageName, IElement article)
    {
        var section = chapterTitle;
        var url = pageName;
        var text = new StringBuilder();
        foreach (var node in article.ChildNodes)
        {
            if (node is IElement { LocalName: "h1" or "h2" or "h3" } heading)
            {
                if (text.Length > 0)
                {
                    yield return new SearchSection(chapterTitle, section, url, Collapse(text.ToString()));
                }

                text.Clear();
                section = heading.TextContent.Trim();
                url = heading.Id is { Length: > 0 } id ? $"{pageName}#{id}" : pageName;
                continue;
            }

            text.Append(' ');
            AppendText(node, text);
        }

        if (text.Length > 0 || section != chapterTitle)
        {
            yield return new SearchSection(chapterTitle, section, url, Collapse(text.ToString()));
        }
    }

    /// <summary>Returns the script that holds <paramref name="sections"/>.</summary>
    public static string Script(IEnumerable<SearchSection> sections) =>
        "window.bookSearchIndex = " + JsonSerializer.Serialize(
            sections.Select(static s => new Dictionary<string, string> { ["c"] = s.Chapter, ["s"] = s.Section, ["u"] = s.Url, ["t"] = s.Text })) + ";\n";

    /// <summary>Elements whose text stands apart from its neighbours: a space goes before and after each.</summary>
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "caption", "thead", "tbody", "div", "pre",
        "figure", "figcaption", "blockquote", "aside", "details", "summary", "h4", "h5", "h6", "br", "hr", "output",
    };

    /// <summary>
    /// Appends the text a reader sees in <paramref name="node"/>: words in neighbouring blocks (list items, table
    /// cells, code lines) kept apart by a space, and pictures left out (their labels are figures, not prose).
    /// </summary>
    private static void AppendText(INode node, StringBuilder text)
    {
        switch (node)
        {
            case IText t:
                text.Append(t.Data);
                break;
            case IElement { LocalName: "svg" or "script" or "style" or "button" or "input" }:
                break;
            case IElement element:
                var block = Blocks.Contains(element.LocalName) || element.ClassList.Contains("line");
                if (block)
                {
                    text.Append(' ');
                }

                foreach (var child in element.ChildNodes)
                {
                    AppendText(child, text);
                }

                if (block)
                {
                    text.Append(' ');
                }

                break;
        }
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
