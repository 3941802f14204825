using System.Text.RegularExpressions;

namespace Book;

/// <summary>
/// A block directive on a line of its own: <c>[!code-LANG[](path#region "diff:path#region")]</c> or
/// <c>[!benchmark-KIND[](path#id)]</c>. Paths are relative to the chapter.
/// </summary>
/// <param name="Kind">What the directive shows: <c>code</c>, or a benchmark kind (<c>table</c>, <c>chart</c>, <c>ratios</c>, <c>machine</c>).</param>
/// <param name="Language">For code, the language after <c>code-</c>; otherwise empty.</param>
/// <param name="Path">The target file, relative to the chapter.</param>
/// <param name="Fragment">The region or id after <c>#</c>, or <see langword="null"/> when there is none.</param>
/// <param name="DiffPath">For a change, the earlier file, relative to the chapter.</param>
/// <param name="DiffFragment">For a change, the earlier region.</param>
/// <param name="Location">The chapter line that holds the directive.</param>
internal sealed partial record Directive(
    string Kind, string Language, string Path, string? Fragment, string? DiffPath, string? DiffFragment,
    SourceLocation Location)
{
    /// <summary>The benchmark directives.</summary>
    public static readonly IReadOnlyList<string> BenchmarkKinds = ["table", "chart", "ratios", "machine"];

    /// <summary>Whether a chapter line is meant as a directive (well formed or not).</summary>
    public static bool LooksLikeDirective(string line) => Start().IsMatch(line);

    /// <summary>Parses a line that <see cref="LooksLikeDirective"/>.</summary>
    /// <exception cref="BuildErrorException">The line is not a well-formed directive.</exception>
    public static Directive Parse(string line, SourceLocation location)
    {
        var match = Whole().Match(line);
        if (!match.Success)
        {
            throw Malformed(location, "expected [!code-LANG[](path#region)], [!code-LANG[](path#region \"diff:path#region\")] or [!benchmark-KIND[](path#id)] alone on its line");
        }

        var (path, fragment) = SplitTarget(match.Groups["target"].Value, location);
        var option = match.Groups["option"];
        string? diffPath = null, diffFragment = null;
        if (option.Success)
        {
            if (!option.Value.StartsWith("diff:", StringComparison.Ordinal) || match.Groups["benchmark"].Success)
            {
                throw Malformed(location, $"unknown option \"{option.Value}\" (only code includes take \"diff:path#region\")");
            }

            (diffPath, diffFragment) = SplitTarget(option.Value["diff:".Length..], location);
        }

        if (match.Groups["benchmark"].Success)
        {
            var kind = match.Groups["benchmark"].Value;
            if (!BenchmarkKinds.Contains(kind))
            {
                throw Malformed(location, $"unknown benchmark directive 'benchmark-{kind}' (known: {string.Join(", ", BenchmarkKinds)})");
            }

            if (fragment is null && kind is "table" or "chart")
            {
                throw Malformed(location, $"benchmark-{kind} needs an id: path#id");
            }

            return new Directive(kind, "", path, fragment, null, null, location);
        }

        return new Directive("code", match.Groups["language"].Value, path, fragment, diffPath, diffFragment, location);
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

    [GeneratedRegex(@"^\s*\[!(code|benchmark)")]
    private static partial Regex Start();

    [GeneratedRegex("""^\s*\[!(?:code-(?<language>[A-Za-z0-9+#-]+)|benchmark-(?<benchmark>[a-z]+))\[[^\]]*\]\((?<target>[^\s()"]+)(?:\s+"(?<option>[^"]*)")?\)\]\s*$""")]
    private static partial Regex Whole();
}
