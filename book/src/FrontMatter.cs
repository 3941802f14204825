using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Book;

/// <summary>A chapter's YAML front matter: its title, its part, its checkpoint command and the files it touches.</summary>
/// <param name="Title">The chapter's title.</param>
/// <param name="Part">The part the chapter belongs to (<c>"2"</c>, <c>"lsm"</c>), if any.</param>
/// <param name="Checkpoint">The command that checks the chapter's code, if any.</param>
/// <param name="Files">The files the chapter touches, relative to the repository root.</param>
internal sealed record FrontMatter(string Title, string? Part, string? Checkpoint, IReadOnlyList<string> Files)
{
    private static readonly string[] Keys = ["title", "part", "checkpoint", "files"];

    /// <summary>
    /// Reads the front matter at the top of <paramref name="lines"/>, adding an error for each problem (with the
    /// chapter line it is on) to <paramref name="errors"/>.
    /// </summary>
    public static FrontMatter Read(string[] lines, string chapterFile, string repositoryRoot, List<BuildError> errors)
    {
        var fallback = new FrontMatter(Path.GetFileNameWithoutExtension(chapterFile), null, null, []);
        var close = lines.Length > 0 && lines[0].TrimEnd() == "---"
            ? Array.FindIndex(lines, 1, static l => l.TrimEnd() is "---" or "...")
            : -1;
        if (close < 0)
        {
            errors.Add(new BuildError(chapterFile, 1, "missing front matter: the chapter must start with a '---' block holding at least 'title'"));
            return fallback;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(string.Join('\n', lines[1..close])));
        }
        catch (YamlException e)
        {
            errors.Add(new BuildError(chapterFile, (int)e.Start.Line + 1, $"front matter is not valid YAML: {e.Message}"));
            return fallback;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            errors.Add(new BuildError(chapterFile, 2, "front matter must be a mapping with at least 'title'"));
            return fallback;
        }

        string? title = null, part = null, checkpoint = null;
        var files = new List<string>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var line = LineOf(keyNode);
            switch (key)
            {
                case "title":
                    title = Scalar(value, key, chapterFile, errors);
                    break;
                case "part":
                    part = Scalar(value, key, chapterFile, errors);
                    break;
                case "checkpoint":
                    checkpoint = Scalar(value, key, chapterFile, errors);
                    break;
                case "files" when value is YamlSequenceNode sequence:
                    foreach (var item in sequence.Children)
                    {
                        var file = Scalar(item, key, chapterFile, errors);
                        if (file is null)
                        {
                            continue;
                        }

                        if (!File.Exists(Path.Combine(repositoryRoot, file)) && !Directory.Exists(Path.Combine(repositoryRoot, file)))
                        {
                            errors.Add(new BuildError(chapterFile, LineOf(item), $"file listed in 'files' does not exist: {file}"));
                        }

                        files.Add(file);
                    }

                    break;
                case "files":
                    errors.Add(new BuildError(chapterFile, line, "'files' must be a list of repository-relative paths"));
                    break;
                default:
                    errors.Add(new BuildError(chapterFile, line, $"unknown front matter key '{key}' (known: {string.Join(", ", Keys)})"));
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add(new BuildError(chapterFile, 1, "front matter has no 'title'"));
            return fallback with { Part = part, Checkpoint = checkpoint, Files = files };
        }

        return new FrontMatter(title, part, checkpoint, files);
    }

    /// <summary>The chapter line of a node: YAML lines count from the line after the opening <c>---</c>.</summary>
    private static int LineOf(YamlNode node) => (int)node.Start.Line + 1;

    private static string? Scalar(YamlNode node, string key, string chapterFile, List<BuildError> errors)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } text })
        {
            return text;
        }

        errors.Add(new BuildError(chapterFile, LineOf(node), $"'{key}' must be a non-empty text"));
        return null;
    }
}
