namespace Book;

/// <summary>Finds the repository and names files relative to it, the way error messages show them.</summary>
internal static class RepositoryPaths
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "Series.sln";

    /// <summary>Walks up from <paramref name="start"/> to the first directory that holds <see cref="SolutionFileName"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No ancestor holds the solution file.</exception>
    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No directory above '{start}' holds {SolutionFileName}.");
    }

    /// <summary>Returns <paramref name="path"/> relative to <paramref name="root"/>, with forward slashes.</summary>
    public static string Relative(string root, string path) =>
        Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>Reads a text file with line endings normalised to <c>\n</c>.</summary>
    public static string ReadText(string path) =>
        File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
}
