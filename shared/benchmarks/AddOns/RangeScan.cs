namespace Traces.Benchmarks;

/// <summary>
/// Builds a store from <paramref name="entries"/> (not measured) and returns its range scan (measured): given
/// inclusive bounds, the number of entries with a key between them, visited in key order.
/// </summary>
/// <param name="entries">The entries, in arrival order; keys are distinct and compare ordinally.</param>
public delegate Func<string, string, long> RangeScanFactory(KeyValuePair<string, string>[] entries);

/// <summary>The scan workload's baselines: what a C# programmer would scan a key range of instead of an LSM store.</summary>
public static class RangeScanBaselines
{
    /// <summary>The name of the <see cref="SortedSet{T}.GetViewBetween"/> range view.</summary>
    public const string SortedSetView = "sortedset-view";

    /// <summary>The name of the binary search over a sorted array, the floor.</summary>
    public const string SortedArray = "sorted-array";

    /// <summary>Gets the baselines' names, in table order.</summary>
    public static IReadOnlyList<string> Names { get; } = [SortedSetView, SortedArray];

    /// <summary>
    /// What a C# programmer would write: the entries in a <see cref="SortedSet{T}"/> ordered by key, and a range
    /// scan that enumerates <see cref="SortedSet{T}.GetViewBetween"/> of two probe entries carrying the bounds.
    /// </summary>
    /// <remarks>
    /// The view descends the red-black tree to the lower bound and stops after the upper, so a scan costs the
    /// descent and the entries it visits, as the store's does. The view and its enumerator are allocated per scan;
    /// that is what the API costs. A lower bound above the upper one makes <c>GetViewBetween</c> throw, so such a
    /// range is answered as empty before asking it.
    /// </remarks>
    /// <param name="entries">The entries.</param>
    public static Func<string, string, long> SortedSetViewScan(KeyValuePair<string, string>[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var store = new SortedSet<KeyValuePair<string, string>>(entries, KeyOrdinalComparer.Instance);
        return (lower, upper) =>
        {
            if (string.CompareOrdinal(lower, upper) > 0)
            {
                return 0;
            }

            long count = 0;
            foreach (var _ in store.GetViewBetween(new(lower, ""), new(upper, "")))
            {
                count++;
            }

            return count;
        };
    }

    /// <summary>The floor: entries sorted into an array once, a binary search for the lower bound, a walk to the upper.</summary>
    /// <param name="entries">The entries.</param>
    public static Func<string, string, long> SortedArraySearch(KeyValuePair<string, string>[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var keys = new string[entries.Length];
        var values = new string[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            (keys[i], values[i]) = entries[i];
        }

        Array.Sort(keys, values, StringComparer.Ordinal);
        return (lower, upper) =>
        {
            int start = Array.BinarySearch(keys, lower, StringComparer.Ordinal);
            long count = 0;
            for (int i = start < 0 ? ~start : start; i < keys.Length && string.CompareOrdinal(keys[i], upper) <= 0; i++)
            {
                count++;
            }

            return count;
        };
    }
}

/// <summary>Orders entries by key alone, ordinally: a sorted set of entries is then a map from key to value.</summary>
internal sealed class KeyOrdinalComparer : IComparer<KeyValuePair<string, string>>
{
    /// <summary>Gets the comparer.</summary>
    public static KeyOrdinalComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(KeyValuePair<string, string> x, KeyValuePair<string, string> y) => string.CompareOrdinal(x.Key, y.Key);
}
