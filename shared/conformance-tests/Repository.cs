namespace Traces.Conformance.Tests;

/// <summary>Paths into the clone these tests were built from.</summary>
internal static class Repository
{
    /// <summary>Gets the clone's root: the nearest directory above the test assembly holding <c>Series.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Series.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Series.sln above {AppContext.BaseDirectory}.");
    }
}
