namespace Book;

/// <summary>Cuts a named <c>#region</c> out of a source file, docfx style.</summary>
/// <remarks>
/// A region runs from its <c>#region name</c> line to the matching <c>#endregion</c>; regions nest. The marker lines
/// of the region and of any region inside it are dropped, blank lines at either end are trimmed, and the rest is
/// dedented by the smallest indentation of its non-blank lines. A file is checked whole on every read: a region
/// without a name or an <c>#endregion</c>, a stray <c>#endregion</c> and a name used twice are all errors, pinned
/// to the source line that causes them.
/// </remarks>
internal static class RegionReader
{
    private sealed record RegionSpan(string Name, int StartLine, int EndLine);

    /// <summary>Reads region <paramref name="region"/> (or the whole file when it is <see langword="null"/>).</summary>
    /// <param name="fullPath">The source file.</param>
    /// <param name="displayPath">The source file as error messages name it.</param>
    /// <param name="region">The region's name, or <see langword="null"/> for the whole file.</param>
    /// <param name="includedFrom">The include that asks for it: errors about the request are reported there.</param>
    /// <exception cref="BuildErrorException">The file is missing, the region is missing, empty or ambiguous, or the
    /// file's region markers do not balance.</exception>
    public static Snippet Read(string fullPath, string displayPath, string? region, SourceLocation includedFrom)
    {
        if (!File.Exists(fullPath))
        {
            throw new BuildErrorException(includedFrom.Error($"file not found: {displayPath}"));
        }

        var lines = RepositoryPaths.ReadText(fullPath).Split('\n');
        var regions = FindRegions(lines, displayPath, includedFrom);
        int first, last;
        if (region is null)
        {
            (first, last) = (0, lines.Length - 1);
        }
        else
        {
            var span = regions.Find(r => r.Name == region)
                ?? throw new BuildErrorException(includedFrom.Error($"region '{region}' not found in {displayPath}"));
            (first, last) = (span.StartLine + 1, span.EndLine - 1);
        }

        var kept = new List<(int Number, string Text)>();
        for (var i = first; i <= last; i++)
        {
            if (!IsMarker(lines[i]))
            {
                kept.Add((i + 1, lines[i].TrimEnd()));
            }
        }

        var start = kept.FindIndex(static l => l.Text.Length > 0);
        if (start < 0)
        {
            var where = region is null
                ? includedFrom.Error($"file {displayPath} is empty")
                : new BuildError(displayPath, regions.Find(r => r.Name == region)!.StartLine + 1,
                    $"region '{region}' is empty (included from {includedFrom})");
            throw new BuildErrorException(where);
        }

        var end = kept.FindLastIndex(static l => l.Text.Length > 0);
        kept = kept.GetRange(start, end - start + 1);
        var indent = kept.Where(static l => l.Text.Length > 0).Min(static l => Indentation(l.Text));
        var snippetLines = kept
            .Select(l => l.Text.Length == 0 ? new SnippetLine(l.Number, 0, "") : new SnippetLine(l.Number, indent, l.Text[indent..]))
            .ToArray();
        return new Snippet(fullPath, displayPath, region, snippetLines);
    }

    private static List<RegionSpan> FindRegions(string[] lines, string displayPath, SourceLocation includedFrom)
    {
        var open = new Stack<(string Name, int Line)>();
        var found = new List<RegionSpan>();
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (IsRegionStart(trimmed))
            {
                var name = trimmed["#region".Length..].Trim();
                if (name.Length == 0)
                {
                    throw new BuildErrorException(new BuildError(displayPath, i + 1,
                        $"#region without a name (included from {includedFrom})"));
                }

                open.Push((name, i));
            }
            else if (IsRegionEnd(trimmed))
            {
                if (open.Count == 0)
                {
                    throw new BuildErrorException(new BuildError(displayPath, i + 1,
                        $"#endregion without a #region (included from {includedFrom})"));
                }

                var (name, startLine) = open.Pop();
                var earlier = found.Find(r => r.Name == name);
                if (earlier is not null)
                {
                    throw new BuildErrorException(new BuildError(displayPath, startLine + 1,
                        $"duplicate region '{name}' (first at line {earlier.StartLine + 1}; included from {includedFrom})"));
                }

                found.Add(new RegionSpan(name, startLine, i));
            }
        }

        if (open.Count > 0)
        {
            var (name, line) = open.Pop();
            throw new BuildErrorException(new BuildError(displayPath, line + 1,
                $"region '{name}' has no #endregion (included from {includedFrom})"));
        }

        return found;
    }

    private static bool IsMarker(string line)
    {
        var trimmed = line.Trim();
        return IsRegionStart(trimmed) || IsRegionEnd(trimmed);
    }

    private static bool IsRegionStart(string trimmed) =>
        trimmed.StartsWith("#region", StringComparison.Ordinal)
        && (trimmed.Length == "#region".Length || char.IsWhiteSpace(trimmed["#region".Length]));

    private static bool IsRegionEnd(string trimmed) =>
        trimmed.StartsWith("#endregion", StringComparison.Ordinal)
        && (trimmed.Length == "#endregion".Length || char.IsWhiteSpace(trimmed["#endregion".Length]));

    private static int Indentation(string line)
    {
        var n = 0;
        while (n < line.Length && char.IsWhiteSpace(line[n]))
        {
            n++;
        }

        return n;
    }
}
