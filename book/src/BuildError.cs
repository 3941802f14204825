namespace Book;

/// <summary>One reason the book cannot be built, pinned to the line of the file that causes it.</summary>
/// <param name="File">The file, relative to the repository root, with forward slashes.</param>
/// <param name="Line">The 1-based line in <paramref name="File"/>.</param>
/// <param name="Message">What is wrong, in words an author can act on.</param>
internal sealed record BuildError(string File, int Line, string Message)
{
    /// <summary>Formats the error the way compilers do, so editors can jump to it: <c>file:line: message</c>.</summary>
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>Thrown where one include, directive or file cannot be used; the builder collects these.</summary>
internal sealed class BuildErrorException(BuildError error) : Exception(error.ToString())
{
    /// <summary>Gets the error.</summary>
    public BuildError Error { get; } = error;
}

/// <summary>Thrown when a build ends with errors; holds all of them, in the order they were found.</summary>
internal sealed class BookBuildException(IReadOnlyList<BuildError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    /// <summary>Gets the errors.</summary>
    public IReadOnlyList<BuildError> Errors { get; } = errors;
}
