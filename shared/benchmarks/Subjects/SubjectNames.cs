namespace Traces.Benchmarks;

/// <summary>The names of the baselines and floors, and how native fast paths are named after their part.</summary>
public static class SubjectNames
{
    /// <summary><c>Dictionary&lt;K, List&lt;(V, T, R)&gt;&gt;</c>.</summary>
    public const string Dictionary = "dictionary";

    /// <summary><c>SortedDictionary&lt;K, SortedDictionary&lt;V, List&lt;(T, R)&gt;&gt;&gt;</c>.</summary>
    public const string NestedSortedDictionary = "nested-sorteddictionary";

    /// <summary><c>ImmutableSortedDictionary&lt;K, ImmutableList&lt;(V, T, R)&gt;&gt;</c>.</summary>
    public const string ImmutableSortedDictionary = "immutable-sorteddictionary";

    /// <summary>The insert floor: sorting the same updates in one array.</summary>
    public const string ArraySort = "array-sort";

    /// <summary>The merge floor: a plain two-way merge of two sorted arrays.</summary>
    public const string MergeFloor = "merge-floor";

    /// <summary>The baselines, in table order.</summary>
    public static IReadOnlyList<string> Baselines { get; } = [Dictionary, NestedSortedDictionary, ImmutableSortedDictionary];

    /// <summary>Returns the name of <paramref name="part"/>'s native batched look-up.</summary>
    /// <param name="part">The registered trace's name.</param>
    public static string NativeLookup(string part) => part + "-native";

    /// <summary>Returns the name of <paramref name="part"/> read through its cursor, the contract's read path.</summary>
    /// <param name="part">The registered trace's name.</param>
    public static string CursorLookup(string part) => part + "-cursor";

    /// <summary>Returns the name of <paramref name="part"/>'s native merge.</summary>
    /// <param name="part">The registered trace's name.</param>
    public static string NativeMerge(string part) => part + "-merger";

    /// <summary>Returns whether <paramref name="name"/> belongs to a baseline or a floor.</summary>
    /// <param name="name">The name.</param>
    public static bool IsReserved(string name) =>
        name is Dictionary or NestedSortedDictionary or ImmutableSortedDictionary or ArraySort or MergeFloor;
}
