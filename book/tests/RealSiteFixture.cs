namespace Book.Tests;

/// <summary>The real book, built once per test run into a temp directory, for the snippet and browser tests.</summary>
public sealed class RealSiteFixture : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("book-real-site").FullName;

    public RealSiteFixture()
    {
        var root = TestPaths.RepositoryRoot;
        Result = SiteBuilder.Build(new BookBuildOptions(root, Path.Combine(root, "book", "chapters"), Path.Combine(directory, "_site")));
    }

    internal BookBuildResult Result { get; }

    public string Output => Result.OutputDirectory;

    public void Dispose() => Directory.Delete(directory, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class RealSiteCollection : ICollectionFixture<RealSiteFixture>
{
    public const string Name = "real site";
}
