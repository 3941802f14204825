using System.Net;
using System.Text;

namespace Book;

/// <summary>A link to a neighbouring page, for the previous/next navigation.</summary>
/// <param name="Href">The page.</param>
/// <param name="Title">Its title.</param>
internal sealed record PageLink(string Href, string Title);

/// <summary>The HTML shell every page shares: header with search and theme toggle, sidebar, article, prev/next.</summary>
/// <remarks>The shell's own ids start with <c>book-</c>, so they cannot collide with heading ids.</remarks>
internal static class PageTemplate
{
    /// <summary>The book's title.</summary>
    public const string BookTitle = "Collection traces in C#";

    /// <summary>The cover page's file name.</summary>
    public const string CoverPage = "index.html";

    /// <summary>The print page's file name.</summary>
    public const string PrintPage = "print.html";

    /// <summary>Renders a whole page.</summary>
    /// <param name="title">The page's title.</param>
    /// <param name="pageName">The page's file name (marks the current entry in the sidebar).</param>
    /// <param name="chapters">Every chapter, in order.</param>
    /// <param name="articleHtml">The main content.</param>
    /// <param name="previous">The previous page, if any.</param>
    /// <param name="next">The next page, if any.</param>
    public static string Render(string title, string pageName, IReadOnlyList<Chapter> chapters, string articleHtml, PageLink? previous, PageLink? next)
    {
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)} · {BookTitle}</title>
            <link rel="icon" href="assets/favicon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="assets/book.css">
            <script src="assets/theme.js"></script>
            </head>
            <body>
            <a class="skip-link" href="#book-main">Skip to the text</a>
            <header class="book-header">
            <button id="book-menu-toggle" type="button" aria-controls="book-sidebar" aria-expanded="false" aria-label="Show the table of contents">☰</button>
            <a class="book-title" href="{CoverPage}">{BookTitle}</a>
            <div class="book-search" role="search">
            <input id="book-search" type="search" placeholder="Search (press /)" aria-label="Search the book" autocomplete="off">
            <ol id="book-search-results" aria-label="Search results" hidden></ol>
            </div>
            <button id="book-theme-toggle" type="button" aria-label="Switch between light and dark theme">◐</button>
            </header>
            <div class="book-layout">
            <nav id="book-sidebar" class="book-sidebar" aria-label="Table of contents">
            <ol>

            """);
        html.Append(SidebarEntry(CoverPage, "Contents", null, pageName));
        foreach (var chapter in chapters)
        {
            html.Append(SidebarEntry(chapter.PageName, chapter.NumberedTitle, chapter.FrontMatter.Part, pageName));
        }

        html.Append(SidebarEntry(PrintPage, "The whole book on one page", null, pageName));
        html.Append("</ol>\n</nav>\n<main id=\"book-main\">\n<article class=\"chapter\">\n").Append(articleHtml).Append("\n</article>\n");
        if (previous is not null || next is not null)
        {
            html.Append("<nav class=\"chapter-nav\" aria-label=\"Previous and next chapter\">\n");
            if (previous is not null)
            {
                html.Append($"<a class=\"nav-prev\" rel=\"prev\" href=\"{previous.Href}\"><span aria-hidden=\"true\">← </span>{Encode(previous.Title)}</a>\n");
            }

            if (next is not null)
            {
                html.Append($"<a class=\"nav-next\" rel=\"next\" href=\"{next.Href}\">{Encode(next.Title)}<span aria-hidden=\"true\"> →</span></a>\n");
            }

            html.Append("</nav>\n");
        }

        html.Append($"""
            </main>
            </div>
            <script src="{SearchIndex.FileName}"></script>
            <script src="assets/search.js"></script>
            <script src="assets/book.js"></script>
            </body>
            </html>

            """);
        return html.ToString();
    }

    /// <summary>The cover page's article: the book's title and its chapters in order.</summary>
    public static string Cover(IReadOnlyList<Chapter> chapters)
    {
        var html = new StringBuilder($"<h1>{BookTitle}</h1>\n<p>The chapters, in reading order. Use the left and right arrow keys to move between them, and <kbd>/</kbd> to search.</p>\n<ul class=\"cover-chapters\">\n");
        foreach (var chapter in chapters)
        {
            html.Append($"<li><a href=\"{chapter.PageName}\">{Encode(chapter.NumberedTitle)}</a></li>\n");
        }

        return html.Append($"</ul>\n<p><a href=\"{PrintPage}\">The whole book on one page</a>, for printing.</p>\n").ToString();
    }

    private static string SidebarEntry(string href, string title, string? part, string current)
    {
        var aria = href == current ? " aria-current=\"page\"" : "";
        // Titles already say "Part 2: ..."; the part is kept as data for styles and scripts, not shown twice.
        var partData = part is null ? "" : $" data-part=\"{Encode(part)}\"";
        return $"<li{partData}><a href=\"{href}\"{aria}>{Encode(title)}</a></li>\n";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
