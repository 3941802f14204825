namespace Book;

/// <summary>How a line shows in a diff.</summary>
internal enum DiffLineKind
{
    /// <summary>The line is new: marked.</summary>
    Added,

    /// <summary>The line is unchanged and near a change: shown greyed.</summary>
    Context,

    /// <summary>The line is unchanged and far from any change: folded away.</summary>
    Folded,

    /// <summary>The line was in the earlier snippet and is gone: shown struck through.</summary>
    Removed,
}

/// <summary>One line of a diff: its kind and where it comes from.</summary>
/// <param name="Kind">How it shows.</param>
/// <param name="Index">Its index in the new snippet, or for a removed line in the earlier one.</param>
internal readonly record struct DiffLine(DiffLineKind Kind, int Index);

/// <summary>A line diff of two snippets by longest common subsequence.</summary>
/// <remarks>
/// The classic dynamic program: <c>common[i, j]</c> is the length of the longest common subsequence of the old
/// lines from <c>i</c> and the new lines from <c>j</c>. Walking it from the start pairs up unchanged lines; an old line
/// left unpaired was removed and a new one added. Where both happen at one place, the removed lines come first, as
/// in a unified diff. Regions are tens of lines, so the quadratic table is small.
/// </remarks>
internal static class LineDiff
{
    /// <summary>Returns, for each line of <paramref name="updated"/>, whether it is unchanged from <paramref name="original"/>.</summary>
    public static bool[] Unchanged(IReadOnlyList<string> original, IReadOnlyList<string> updated)
    {
        ArgumentNullException.ThrowIfNull(updated);
        var unchanged = new bool[updated.Count];
        foreach (var line in Edits(original, updated))
        {
            if (line.Kind == DiffLineKind.Context)
            {
                unchanged[line.Index] = true;
            }
        }

        return unchanged;
    }

    /// <summary>
    /// Classifies each line of <paramref name="updated"/>: added lines, unchanged lines within
    /// <paramref name="context"/> lines of an added one, and the unchanged rest, which folds away. With no added
    /// line at all, every line is context. Removed lines are left out; <see cref="Script"/> includes them.
    /// </summary>
    public static DiffLineKind[] Classify(IReadOnlyList<string> original, IReadOnlyList<string> updated, int context = 3) =>
        Script(original, updated, context).Where(static l => l.Kind != DiffLineKind.Removed).Select(static l => l.Kind).ToArray();

    /// <summary>
    /// The whole diff in reading order: every line of <paramref name="updated"/> (added, context or folded) with the
    /// lines of <paramref name="original"/> that are gone placed where they were. Unchanged lines within
    /// <paramref name="context"/> lines of a change are context; the rest fold. Without any change every line is
    /// context.
    /// </summary>
    public static IReadOnlyList<DiffLine> Script(IReadOnlyList<string> original, IReadOnlyList<string> updated, int context = 3)
    {
        var lines = Edits(original, updated);
        var changed = lines.Select(static l => l.Kind != DiffLineKind.Context).ToArray();
        if (Array.IndexOf(changed, true) < 0)
        {
            return lines;
        }

        // Distance to the nearest change, in lines of the script, from both directions.
        var near = new bool[lines.Count];
        for (int i = 0, last = int.MinValue / 2; i < lines.Count; i++)
        {
            last = changed[i] ? i : last;
            near[i] = i - last <= context;
        }

        for (int i = lines.Count - 1, next = int.MaxValue / 2; i >= 0; i--)
        {
            next = changed[i] ? i : next;
            near[i] |= next - i <= context;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (!changed[i] && !near[i])
            {
                lines[i] = lines[i] with { Kind = DiffLineKind.Folded };
            }
        }

        return lines;
    }

    /// <summary>The edit script: unchanged lines as context, the rest added or removed.</summary>
    private static List<DiffLine> Edits(IReadOnlyList<string> original, IReadOnlyList<string> updated)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(updated);
        var common = new int[original.Count + 1, updated.Count + 1];
        for (var i = original.Count - 1; i >= 0; i--)
        {
            for (var j = updated.Count - 1; j >= 0; j--)
            {
                common[i, j] = original[i] == updated[j]
                    ? common[i + 1, j + 1] + 1
                    : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var script = new List<DiffLine>(original.Count + updated.Count);
        int a = 0, b = 0;
        while (a < original.Count || b < updated.Count)
        {
            if (a < original.Count && b < updated.Count && original[a] == updated[b])
            {
                script.Add(new DiffLine(DiffLineKind.Context, b));
                a++;
                b++;
            }
            else if (b == updated.Count || (a < original.Count && common[a + 1, b] >= common[a, b + 1]))
            {
                script.Add(new DiffLine(DiffLineKind.Removed, a++));
            }
            else
            {
                script.Add(new DiffLine(DiffLineKind.Added, b++));
            }
        }

        return script;
    }
}
