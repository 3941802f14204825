using System.Diagnostics;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Book;

/// <summary>Where the book's sources are and where the site goes.</summary>
/// <param name="RepositoryRoot">The repository root; error messages name files relative to it.</param>
/// <param name="ChaptersDirectory">The directory holding <c>toc.yml</c> and the chapters.</param>
/// <param name="OutputDirectory">The directory the site is written to.</param>
/// <param name="Scenes">The scenes figures, players and outputs name; <see langword="null"/> for the book's own.</param>
internal sealed record BookBuildOptions(string RepositoryRoot, string ChaptersDirectory, string OutputDirectory, Scenes.SceneCatalog? Scenes = null);

/// <summary>What a successful build produced.</summary>
/// <param name="OutputDirectory">The site's directory.</param>
/// <param name="Pages">The number of HTML pages.</param>
/// <param name="Snippets">The number of code snippets included from the source.</param>
/// <param name="Bytes">The site's total size.</param>
/// <param name="Elapsed">How long the build took.</param>
internal sealed record BookBuildResult(string OutputDirectory, int Pages, int Snippets, long Bytes, TimeSpan Elapsed);

/// <summary>Builds the book's static site: chapters, cover, print page, search index and assets.</summary>
/// <remarks>
/// The build is all-or-nothing: every error found (missing files and regions, malformed includes, broken links
/// and anchors, duplicate ids) is collected and reported together, and no site is written unless there are none.
/// </remarks>
internal static class SiteBuilder
{
    /// <summary>The file that marks a directory as a site this builder wrote, and so may replace.</summary>
    public const string Marker = ".book-site";

    private static readonly string[] Assets = ["book.css", "book.js", "search.js", "theme.js", "favicon.svg"];

    /// <summary>Builds the site.</summary>
    /// <exception cref="BookBuildException">The book has errors; nothing is written.</exception>
    public static BookBuildResult Build(BookBuildOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var root = Path.GetFullPath(options.RepositoryRoot);
        var errors = new List<BuildError>();
        var chapterFiles = TableOfContents.Read(Path.GetFullPath(options.ChaptersDirectory), root, errors);

        using var highlighter = new CSharpHighlighter(root);
        var includes = new IncludeRenderer(root, highlighter, options.Scenes ?? Scenes.SceneCatalog.Default);
        var renderer = new ChapterRenderer(root, includes, highlighter);
        var chapters = chapterFiles.Select(file => renderer.Render(file, errors)).ToList();

        var parser = new HtmlParser();
        var articles = chapters.ToDictionary(static c => c.FullPath, c => Parse(parser, c.ArticleHtml));
        var ids = articles.ToDictionary(static a => a.Key, static a => a.Value.QuerySelectorAll("[id]").Select(static e => e.Id!).ToHashSet());
        LinkChecker.Check(chapters, ids, errors);
        ThrowIfAny(errors);

        var pages = new Dictionary<string, string>();
        for (var i = 0; i < chapters.Count; i++)
        {
            var chapter = chapters[i];
            var previous = i == 0 ? new PageLink(PageTemplate.CoverPage, "Contents") : Link(chapters[i - 1]);
            var next = i == chapters.Count - 1 ? new PageLink(PageTemplate.PrintPage, "The whole book on one page") : Link(chapters[i + 1]);
            pages[chapter.PageName] = PageTemplate.Render(chapter.NumberedTitle, chapter.PageName, chapters, chapter.ArticleHtml, previous, next);
            CheckPage(parser, pages[chapter.PageName], chapter.PageName,
                (id, message) => new BuildError(chapter.DisplayPath, chapter.LineOfId(id), message),
                (url, message) => new BuildError(chapter.DisplayPath, LineOfResource(chapter, url), message), errors);
        }

        pages[PageTemplate.CoverPage] = PageTemplate.Render("Contents", PageTemplate.CoverPage, chapters, PageTemplate.Cover(chapters),
            null, chapters.Count > 0 ? Link(chapters[0]) : null);
        pages[PageTemplate.PrintPage] = PageTemplate.Render("The whole book", PageTemplate.PrintPage, chapters,
            PrintPage.Article(chapters, articles), chapters.Count > 0 ? Link(chapters[^1]) : null, null);
        // The generated pages only repeat the chapters' ids (prefixed), so check them once the chapters are clean.
        foreach (var generated in errors.Count > 0 ? [] : new[] { PageTemplate.CoverPage, PageTemplate.PrintPage })
        {
            var toc = RepositoryPaths.Relative(root, Path.Combine(options.ChaptersDirectory, TableOfContents.FileName));
            CheckPage(parser, pages[generated], generated, (_, message) => new BuildError(toc, 1, message),
                (_, message) => new BuildError(toc, 1, message), errors);
        }

        ThrowIfAny(errors);

        var sections = chapters.SelectMany(c => SearchIndex.Sections(c.FrontMatter.Title, c.PageName, articles[c.FullPath]));
        var output = PrepareOutput(Path.GetFullPath(options.OutputDirectory));
        foreach (var (name, html) in pages)
        {
            File.WriteAllText(Path.Combine(output, name), html);
        }

        File.WriteAllText(Path.Combine(output, SearchIndex.FileName), SearchIndex.Script(sections));
        WriteAssets(output);
        var bytes = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Sum(static f => new FileInfo(f).Length);
        return new BookBuildResult(output, pages.Count, includes.SnippetCount, bytes, clock.Elapsed);
    }

    private static PageLink Link(Chapter chapter) => new(chapter.PageName, chapter.NumberedTitle);

    private static IElement Parse(HtmlParser parser, string articleHtml)
    {
        var document = parser.ParseDocument($"<article>{articleHtml}</article>");
        return document.QuerySelector("article")!;
    }

    /// <summary>
    /// Checks a finished page: every id is unique, and nothing is loaded from outside the site (an image, frame,
    /// script or stylesheet with a URL that has a scheme would be a request leaving it).
    /// </summary>
    private static void CheckPage(HtmlParser parser, string pageHtml, string pageName,
        Func<string, string, BuildError> duplicateId, Func<string, string, BuildError> externalResource, List<BuildError> errors)
    {
        var document = parser.ParseDocument(pageHtml);
        foreach (var duplicate in document.QuerySelectorAll("[id]").GroupBy(static e => e.Id!).Where(static g => g.Count() > 1))
        {
            errors.Add(duplicateId(duplicate.Key, $"duplicate id '{duplicate.Key}' on page {pageName}"));
        }

        foreach (var element in document.QuerySelectorAll("[src], link[href], object[data], [srcset], [poster]"))
        {
            var url = element.GetAttribute("src") ?? element.GetAttribute("href") ?? element.GetAttribute("data")
                ?? element.GetAttribute("srcset") ?? element.GetAttribute("poster")!;
            if (LinkTarget.IsExternal(url.Trim()))
            {
                errors.Add(externalResource(url, $"<{element.LocalName}> on page {pageName} loads {url} from outside the site; the book must be self-contained"));
            }
        }
    }

    /// <summary>The chapter line that writes <paramref name="url"/>, or failing that (a media link becomes an embed URL), names its host.</summary>
    private static int LineOfResource(Chapter chapter, string url)
    {
        var line = chapter.LineContaining(url);
        return line > 1 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) ? line : chapter.LineContaining(uri.Host);
    }

    private static void ThrowIfAny(List<BuildError> errors)
    {
        if (errors.Count > 0)
        {
            throw new BookBuildException(errors.Distinct().ToList());
        }
    }

    /// <summary>Empties the output directory, but only if it is empty or a site this builder wrote.</summary>
    private static string PrepareOutput(string output)
    {
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            if (!File.Exists(Path.Combine(output, Marker)))
            {
                throw new BookBuildException([new BuildError(output, 1,
                    $"the output directory is not empty and was not written by this builder (no {Marker} file); choose another --out")]);
            }

            Directory.Delete(output, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(output, "assets"));
        File.WriteAllText(Path.Combine(output, Marker), "Written by the book's site generator; the next build replaces this directory.\n");
        return output;
    }

    private static void WriteAssets(string output)
    {
        var assembly = typeof(SiteBuilder).Assembly;
        foreach (var asset in Assets)
        {
            using var stream = assembly.GetManifestResourceStream($"assets/{asset}")
                ?? throw new InvalidOperationException($"The generator was built without its asset {asset}.");
            using var file = File.Create(Path.Combine(output, "assets", asset));
            stream.CopyTo(file);
        }
    }
}
