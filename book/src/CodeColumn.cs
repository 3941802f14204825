namespace Book;

/// <summary>The width of the code column, and the check that no included line is wider.</summary>
/// <remarks>
/// At 1280 px the stylesheet gives code blocks room for <see cref="Characters"/> characters of the code font
/// (<c>--code-columns</c> in <c>book.css</c>; the browser test measures it). A wider line would hide behind a
/// sideways scroll, so the build refuses it and names the source line to wrap.
/// </remarks>
internal static class CodeColumn
{
    /// <summary>How many characters a code line may hold.</summary>
    public const int Characters = 100;

    /// <summary>Checks every line of <paramref name="snippet"/> against the code column.</summary>
    /// <exception cref="BuildErrorException">A line is wider; the error names the source file and line.</exception>
    public static void Check(Snippet snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        foreach (var line in snippet.Lines)
        {
            if (line.Text.Length > Characters)
            {
                throw new BuildErrorException(new BuildError(snippet.DisplayPath, line.SourceLine,
                    $"line is {line.Text.Length} characters as included in the book, wider than the code column ({Characters}); wrap it"));
            }
        }
    }
}
