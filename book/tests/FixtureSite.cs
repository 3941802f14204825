namespace Book.Tests;

/// <summary>A copy of <c>fixtures/site</c> in a temp directory, to build as it is or after breaking one file.</summary>
internal sealed class FixtureSite : IDisposable
{
    public FixtureSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "book-fixture-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(TestPaths.RepositoryRoot, "book", "tests", "fixtures", "site");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Root { get; }

    public string Output => Path.Combine(Root, "_site");

    public void Write(string relativePath, string text) => File.WriteAllText(Path.Combine(Root, relativePath), text);

    public void Replace(string relativePath, string oldText, string newText)
    {
        var path = Path.Combine(Root, relativePath);
        var text = File.ReadAllText(path);
        text.Should().Contain(oldText, "the fixture must contain the text a test replaces");
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public BookBuildResult Build() =>
        SiteBuilder.Build(new BookBuildOptions(Root, Path.Combine(Root, "chapters"), Output, Scenes.FixtureScenes.Catalog));

    /// <summary>Builds, expecting failure, and returns the errors as <c>file:line: message</c> lines.</summary>
    public IReadOnlyList<string> BuildErrors()
    {
        var build = () => Build();
        var errors = build.Should().Throw<BookBuildException>().Which.Errors.Select(static e => e.ToString()).ToList();
        Directory.Exists(Output).Should().BeFalse("a failed build writes no site");
        return errors;
    }

    public string Page(string name) => File.ReadAllText(Path.Combine(Output, name));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

internal static class TestPaths
{
    public static string RepositoryRoot { get; } = RepositoryPaths.FindRoot(AppContext.BaseDirectory);
}
