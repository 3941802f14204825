using System.Text.RegularExpressions;

namespace Book;

/// <summary>
/// A block directive on a line of its own: <c>[!code-LANG[](path#region "diff:path#region nodoc")]</c>,
/// <c>[!benchmark-KIND[](path#id)]</c>, or a scene: <c>[!figure[caption](name)]</c>, <c>[!player[caption](name)]</c>,
/// <c>[!output[caption](name)]</c>. Paths are relative to the chapter.
/// </summary>
/// <param name="Kind">
/// What the directive shows: <c>code</c>, a benchmark kind (<c>table</c>, <c>chart</c>, <c>lines</c>, <c>ratios</c>, <c>machine</c>),
/// or a scene kind (<c>figure</c>, <c>player</c>, <c>output</c>).
/// </param>
/// <param name="Language">For code, the language after <c>code-</c>; otherwise empty.</param>
/// <param name="Path">The target file, relative to the chapter; for a scene, the scene's name.</param>
/// <param name="Fragment">The region or id after <c>#</c>, or <see langword="null"/> when there is none.</param>
/// <param name="DiffPath">For a change, the earlier file, relative to the chapter.</param>
/// <param name="DiffFragment">For a change, the earlier region.</param>
/// <param name="Location">The chapter line that holds the directive.</param>
internal sealed partial record Directive(
    string Kind, string Language, string Path, string? Fragment, string? DiffPath, string? DiffFragment,
    SourceLocation Location)
{
    /// <summary>The benchmark directives.</summary>
    public static readonly IReadOnlyList<string> BenchmarkKinds = ["table", "chart", "lines", "ratios", "machine"];

    /// <summary>The scene directives: each runs a scene of <c>book/scenes</c> at build time.</summary>
    public static readonly IReadOnlyList<string> SceneKinds = ["figure", "player", "output"];

    /// <summary>Gets the text between the square brackets: a scene's caption (empty for code and benchmarks).</summary>
    public string Caption { get; init; } = "";

    /// <summary>Gets whether a code include leaves out XML doc comments (the <c>nodoc</c> option).</summary>
    public bool WithoutDocs { get; init; }

    /// <summary>Whether a chapter line is meant as a directive (well formed or not).</summary>
    public static bool LooksLikeDirective(string line) => Start().IsMatch(line);

    /// <summary>Parses a line that <see cref="LooksLikeDirective"/>.</summary>
    /// <exception cref="BuildErrorException">The line is not a well-formed directive.</exception>
    public static Directive Parse(string line, SourceLocation location)
    {
        var match = Whole().Match(line);
        if (!match.Success)
        {
            throw Malformed(location, "expected [!code-LANG[](path#region)], [!code-LANG[](path#region \"diff:path#region nodoc\")], [!benchmark-KIND[](path#id)] or [!figure|player|output[caption](scene)] alone on its line");
        }

        if (match.Groups["scene"].Success)
        {
            return ParseScene(match, location);
        }

        var (path, fragment) = SplitTarget(match.Groups["target"].Value, location);
        var option = match.Groups["option"];
        string? diffPath = null, diffFragment = null;
        var withoutDocs = false;
        foreach (var word in option.Success ? option.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [])
        {
            if (match.Groups["benchmark"].Success || !(word == "nodoc" || word.StartsWith("diff:", StringComparison.Ordinal)))
            {
                throw Malformed(location, $"unknown option \"{word}\" (only code includes take \"diff:path#region\" and \"nodoc\")");
            }

            if (word == "nodoc")
            {
                withoutDocs = true;
            }
            else
            {
                (diffPath, diffFragment) = SplitTarget(word["diff:".Length..], location);
            }
        }

        if (match.Groups["benchmark"].Success)
        {
            var kind = match.Groups["benchmark"].Value;
            if (!BenchmarkKinds.Contains(kind))
            {
                throw Malformed(location, $"unknown benchmark directive 'benchmark-{kind}' (known: {string.Join(", ", BenchmarkKinds)})");
            }

            if (fragment is null && kind is "table" or "chart" or "lines")
            {
                throw Malformed(location, $"benchmark-{kind} needs an id: path#id");
            }

            return new Directive(kind, "", path, fragment, null, null, location);
        }

        return new Directive("code", match.Groups["language"].Value, path, fragment, diffPath, diffFragment, location) { WithoutDocs = withoutDocs };
    }

    private static Directive ParseScene(Match match, SourceLocation location)
    {
        var kind = match.Groups["scene"].Value;
        var name = match.Groups["target"].Value;
        if (match.Groups["option"].Success)
        {
            throw Malformed(location, $"unknown option \"{match.Groups["option"].Value}\" ({kind} takes none)");
        }

        if (!SceneName().IsMatch(name))
        {
            throw Malformed(location, $"'{name}' is not a scene name (lowercase letters, digits and dashes)");
        }

        var caption = match.Groups["caption"].Value.Trim();
        if (caption.Length == 0 && kind != "output")
        {
            throw Malformed(location, $"a {kind} needs a caption: [!{kind}[what it shows]({name})]");
        }

        return new Directive(kind, "", name, null, null, null, location) { Caption = caption };
    }

    private static (string Path, string? Fragment) SplitTarget(string target, SourceLocation location)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
        {
            return (target, null);
        }

        var (path, fragment) = (target[..hash], target[(hash + 1)..]);
        if (path.Length == 0)
        {
            throw Malformed(location, $"no file before '#' in '{target}'");
        }

        if (fragment.Length == 0)
        {
            throw Malformed(location, $"empty region name after '#' in '{target}'");
        }

        return (path, fragment);
    }

    private static BuildErrorException Malformed(SourceLocation location, string detail) =>
        new(location.Error($"malformed include: {detail}"));

    [GeneratedRegex(@"^\s*\[!(code|benchmark|figure|player|output)")]
    private static partial Regex Start();

    [GeneratedRegex("""^\s*\[!(?:code-(?<language>[A-Za-z0-9+#-]+)|benchmark-(?<benchmark>[a-z]+)|(?<scene>figure|player|output))\[(?<caption>[^\]]*)\]\((?<target>[^\s()"]+)(?:\s+"(?<option>[^"]*)")?\)\]\s*$""")]
    private static partial Regex Whole();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SceneName();
}
