namespace Book;

/// <summary>A place in a file: the file relative to the repository root and a 1-based line.</summary>
/// <param name="File">The file, relative to the repository root, with forward slashes.</param>
/// <param name="Line">The 1-based line.</param>
internal readonly record struct SourceLocation(string File, int Line)
{
    /// <summary>Builds the error for this place.</summary>
    public BuildError Error(string message) => new(File, Line, message);

    /// <summary>Formats the place as <c>file:line</c>.</summary>
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>One line of a snippet: its text after dedenting, and where it came from.</summary>
/// <param name="SourceLine">The 1-based line number in the source file.</param>
/// <param name="Dedent">How many leading characters were removed from the source line.</param>
/// <param name="Text">The text shown.</param>
internal readonly record struct SnippetLine(int SourceLine, int Dedent, string Text);

/// <summary>The lines of a region (or a whole file) as they appear in the book.</summary>
/// <param name="FullPath">The source file's absolute path.</param>
/// <param name="DisplayPath">The source file relative to the repository root.</param>
/// <param name="Region">The region's name, or <see langword="null"/> for a whole file.</param>
/// <param name="Lines">The lines, marker lines dropped and dedented.</param>
internal sealed record Snippet(string FullPath, string DisplayPath, string? Region, IReadOnlyList<SnippetLine> Lines)
{
    /// <summary>Gets the snippet's text: its lines joined by <c>\n</c>.</summary>
    public string Text => string.Join('\n', Lines.Select(static l => l.Text));

    /// <summary>Gets the label a reader sees: <c>path#region</c>, or just the path.</summary>
    public string Label => Region is null ? DisplayPath : $"{DisplayPath}#{Region}";

    /// <summary>Returns the snippet without its XML doc comment lines (those starting with <c>///</c>).</summary>
    public Snippet WithoutDocComments() =>
        this with { Lines = Lines.Where(static l => !l.Text.TrimStart().StartsWith("///", StringComparison.Ordinal)).ToArray() };
}
