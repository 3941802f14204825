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
    /// <summary>The name of the <see cref="SortedDictionary{TKey, TValue}"/> range walk.</summary>
    public const string SortedDictionary = "sorteddictionary-walk";

    /// <summary>The name of the binary search over a sorted array, the floor.</summary>
    public const string SortedArray = "sorted-array";

    /// <summary>Gets the baselines' names, in table order.</summary>
    public static IReadOnlyList<string> Names { get; } = [SortedDictionary, SortedArray];

    /// <summary>
    /// A <see cref="SortedDictionary{TKey, TValue}"/>, which cannot seek: a range walk enumerates from the smallest
    /// key, skips up to the lower bound and stops after the upper.
    /// </summary>
    /// <param name="entries">The entries.</param>
    public static Func<string, string, long> SortedDictionaryWalk(KeyValuePair<string, string>[] entries)
    {
        var store = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            store[key] = value;
        }

        return (lower, upper) =>
        {
            long count = 0;
            foreach (var (key, _) in store)
            {
                if (string.CompareOrdinal(key, upper) > 0)
                {
                    break;
                }

                if (string.CompareOrdinal(key, lower) >= 0)
                {
                    count++;
                }
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
