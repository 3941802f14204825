namespace Traces.Benchmarks;

/// <summary>
/// The physical floors: no trace can index updates faster than sorting them, nor merge two sorted batches faster
/// than a plain two-way merge.
/// </summary>
public static class Floors
{
    /// <summary>Sorts updates by <c>(key, val, time)</c> with a struct comparer: <c>Array.Sort</c>'s introsort, no dispatch.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="updates">The updates, sorted in place.</param>
    public static void Sort<TKey>(Span<Update<TKey, long, Timestamp, long>> updates)
        where TKey : IComparable<TKey> =>
        updates.Sort(default(UpdateOrder<TKey, long, Timestamp, long>));

    /// <summary>
    /// Merges two runs sorted by <c>(key, val, time)</c> into <paramref name="output"/>, without consolidating.
    /// </summary>
    /// <param name="first">The first run.</param>
    /// <param name="second">The second run; on ties its updates go after the first's.</param>
    /// <param name="output">Room for both runs.</param>
    /// <returns>The number of updates written.</returns>
    #region merge-floor
    public static int Merge(ReadOnlySpan<LongUpdate> first, ReadOnlySpan<LongUpdate> second,
        Span<LongUpdate> output)
    {
        if (output.Length < first.Length + second.Length)
        {
            throw new ArgumentException("The output has no room for both runs.", nameof(output));
        }

        int i = 0, j = 0, written = 0;
        while (i < first.Length && j < second.Length)
        {
            output[written++] =
                UpdateOrder<long, long, Timestamp, long>.Compare(in second[j], in first[i]) < 0
                    ? second[j++]
                    : first[i++];
        }

        first[i..].CopyTo(output[written..]);
        written += first.Length - i;
        second[j..].CopyTo(output[written..]);
        return written + second.Length - j;
    }
    #endregion
}
