namespace Book;

/// <summary>A link written in a chapter, with the line it is on.</summary>
/// <param name="Url">The link target as written.</param>
/// <param name="Line">The 1-based chapter line.</param>
internal readonly record struct ChapterLink(string Url, int Line);

/// <summary>A chapter, rendered: its front matter, its article HTML and what the link checks need.</summary>
/// <param name="FullPath">The Markdown file.</param>
/// <param name="DisplayPath">The Markdown file relative to the repository root.</param>
/// <param name="FrontMatter">The front matter.</param>
/// <param name="ArticleHtml">The chapter's HTML, title and checkpoint box included.</param>
/// <param name="Links">Every link the chapter writes.</param>
/// <param name="HeadingLines">The chapter line of each heading, by the heading's id.</param>
internal sealed record Chapter(
    string FullPath, string DisplayPath, FrontMatter FrontMatter, string ArticleHtml,
    IReadOnlyList<ChapterLink> Links, IReadOnlyDictionary<string, int> HeadingLines)
{
    /// <summary>Gets the chapter's name without extension: <c>03-sorted</c>.</summary>
    public string Slug => Path.GetFileNameWithoutExtension(FullPath);

    /// <summary>Gets the chapter's page in the site: <c>03-sorted.html</c>.</summary>
    public string PageName => Slug + ".html";

    /// <summary>Gets the chapter's number, from its file name (<c>03-sorted.md</c> is chapter 3), or <see langword="null"/>.</summary>
    public int? Number => NumberOf(FullPath);

    /// <summary>Gets the title as the contents and the page links show it: <c>3. Part 2: sorted lists</c>.</summary>
    public string NumberedTitle => Number is { } number ? $"{number}. {FrontMatter.Title}" : FrontMatter.Title;

    /// <summary>Returns the number a chapter file's name starts with (<c>03-sorted.md</c>: 3), or <see langword="null"/>.</summary>
    public static int? NumberOf(string path)
    {
        var name = Path.GetFileName(path);
        var digits = name.Length - name.TrimStart("0123456789".ToCharArray()).Length;
        return digits > 0 && int.TryParse(name.AsSpan(0, digits), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    /// <summary>Returns the chapter line that defines <paramref name="id"/>, or 1 when no line does.</summary>
    public int LineOfId(string id) =>
        HeadingLines.TryGetValue(id, out var line) ? line : LineContaining($"id=\"{id}\"", $"{{#{id}");

    /// <summary>Returns the first chapter line that holds any of <paramref name="texts"/>, or 1 when none does.</summary>
    public int LineContaining(params string[] texts)
    {
        var lines = RepositoryPaths.ReadText(FullPath).Split('\n');
        var found = Array.FindIndex(lines, l => texts.Any(t => l.Contains(t, StringComparison.Ordinal)));
        return found < 0 ? 1 : found + 1;
    }
}
