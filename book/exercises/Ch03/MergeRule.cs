namespace Exercises.Ch03;

/// <summary>
/// Part 2's stacking rule on list lengths alone, with the factor as a parameter: what a trace of single-update
/// batches with distinct keys would do, without storing the updates.
/// </summary>
public static class MergeRule
{
    /// <summary>
    /// Pushes <paramref name="batches"/> lists of one update each, merging while the last list is shorter than
    /// <paramref name="factor"/> times the new one.
    /// </summary>
    /// <param name="factor">The factor part 2 writes as <c>2</c>.</param>
    /// <param name="batches">How many single-update lists to push.</param>
    /// <returns>
    /// The most lists held at once (what a look-up must search) and the updates copied by merges, per update.
    /// </returns>
    public static (int MostLists, double CopiedPerUpdate) Run(int factor, int batches)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batches);
        var lists = new List<long>();
        int mostLists = 0;
        long copied = 0;
        for (int b = 0; b < batches; b++)
        {
            #region rule
            long list = 1;
            while (lists.Count > 0 && lists[^1] < factor * list)
            {
                // A merge copies both lists into a new one.
                list += lists[^1];
                copied += list;
                lists.RemoveAt(lists.Count - 1);
            }

            lists.Add(list);
            #endregion
            mostLists = Math.Max(mostLists, lists.Count);
        }

        return (mostLists, (double)copied / batches);
    }

    /// <summary>Returns the list lengths, largest first, after pushing <paramref name="batches"/> single updates.</summary>
    /// <param name="factor">The merge factor.</param>
    /// <param name="batches">How many single-update lists to push.</param>
    public static long[] LengthsAfter(int factor, int batches)
    {
        var lists = new List<long>();
        for (int b = 0; b < batches; b++)
        {
            long list = 1;
            while (lists.Count > 0 && lists[^1] < factor * list)
            {
                list += lists[^1];
                lists.RemoveAt(lists.Count - 1);
            }

            lists.Add(list);
        }

        return [.. lists];
    }
}
