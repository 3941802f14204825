namespace Book;

/// <summary>How a line of the new snippet shows in a diff.</summary>
internal enum DiffLineKind
{
    /// <summary>The line is new: marked.</summary>
    Added,

    /// <summary>The line is unchanged and near a change: shown greyed.</summary>
    Context,

    /// <summary>The line is unchanged and far from any change: folded away.</summary>
    Folded,
}

/// <summary>A line diff of two snippets by longest common subsequence, seen from the new snippet.</summary>
/// <remarks>
/// The classic dynamic program: <c>common[i, j]</c> is the length of the longest common subsequence of the old
/// lines from <c>i</c> and the new lines from <c>j</c>. Walking it from the start pairs up unchanged lines; a new line
/// left unpaired was added. Regions are tens of lines, so the quadratic table is small.
/// </remarks>
internal static class LineDiff
{
    /// <summary>Returns, for each line of <paramref name="updated"/>, whether it is unchanged from <paramref name="original"/>.</summary>
    public static bool[] Unchanged(IReadOnlyList<string> original, IReadOnlyList<string> updated)
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

        var unchanged = new bool[updated.Count];
        for (int i = 0, j = 0; i < original.Count && j < updated.Count;)
        {
            if (original[i] == updated[j])
            {
                unchanged[j] = true;
                i++;
                j++;
            }
            else if (common[i + 1, j] >= common[i, j + 1])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return unchanged;
    }

    /// <summary>
    /// Classifies each line of <paramref name="updated"/>: added lines, unchanged lines within
    /// <paramref name="context"/> lines of an added one, and the unchanged rest, which folds away. With no added
    /// line at all, every line is context.
    /// </summary>
    public static DiffLineKind[] Classify(IReadOnlyList<string> original, IReadOnlyList<string> updated, int context = 3)
    {
        var unchanged = Unchanged(original, updated);
        var kinds = new DiffLineKind[updated.Count];
        var anyAdded = Array.IndexOf(unchanged, false) >= 0;
        for (var j = 0; j < kinds.Length; j++)
        {
            kinds[j] = !unchanged[j] ? DiffLineKind.Added
                : !anyAdded || NearAddedLine(unchanged, j, context) ? DiffLineKind.Context
                : DiffLineKind.Folded;
        }

        return kinds;
    }

    private static bool NearAddedLine(bool[] unchanged, int line, int context)
    {
        var from = Math.Max(0, line - context);
        var to = Math.Min(unchanged.Length - 1, line + context);
        for (var k = from; k <= to; k++)
        {
            if (!unchanged[k])
            {
                return true;
            }
        }

        return false;
    }
}
