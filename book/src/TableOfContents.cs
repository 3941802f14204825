using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Book;

/// <summary>The chapter order, read from <c>book/chapters/toc.yml</c>: a YAML list of chapter file names.</summary>
internal static class TableOfContents
{
    /// <summary>The file name of the table of contents, in the chapters directory.</summary>
    public const string FileName = "toc.yml";

    /// <summary>Returns the full paths of the chapters in order, adding an error for each entry that cannot be used.</summary>
    public static IReadOnlyList<string> Read(string chaptersDirectory, string repositoryRoot, List<BuildError> errors)
    {
        var path = Path.Combine(chaptersDirectory, FileName);
        var display = RepositoryPaths.Relative(repositoryRoot, path);
        if (!File.Exists(path))
        {
            errors.Add(new BuildError(display, 1, "file not found: the table of contents lists the chapters in order"));
            return [];
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(RepositoryPaths.ReadText(path)));
        }
        catch (YamlException e)
        {
            errors.Add(new BuildError(display, (int)e.Start.Line, $"not valid YAML: {e.Message}"));
            return [];
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode sequence)
        {
            errors.Add(new BuildError(display, 1, "expected a list of chapter files, one '- NN-slug.md' per line"));
            return [];
        }

        var chapters = new List<string>();
        foreach (var item in sequence.Children)
        {
            var line = (int)item.Start.Line;
            if (item is not YamlScalarNode { Value: { Length: > 0 } name } || !name.EndsWith(".md", StringComparison.Ordinal))
            {
                errors.Add(new BuildError(display, line, "each entry must be a chapter file name ending in .md"));
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(chaptersDirectory, name));
            if (!File.Exists(full))
            {
                errors.Add(new BuildError(display, line, $"file not found: {RepositoryPaths.Relative(repositoryRoot, full)}"));
            }
            else if (chapters.Contains(full))
            {
                errors.Add(new BuildError(display, line, $"chapter listed twice: {name}"));
            }
            else
            {
                chapters.Add(full);
            }
        }

        return chapters;
    }
}
