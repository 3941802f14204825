namespace Traces.Culture.Tests;

/// <summary>The strings that culture-aware comparison folds together or reorders, and their ordinal order.</summary>
internal static class Strings
{
    /// <summary>
    /// Nine distinct strings: a soft hyphen and a NUL that cultures ignore; the Turkish i's, which tr-TR orders
    /// (and folds) differently; a precomposed é and its decomposed spelling, which cultures treat as equal.
    /// </summary>
    public static readonly string[] Tricky =
    [
        "k", "k\u00AD", "k\0", "\u0131", "I", "i", "\u0130", "e\u0301", "\u00E9",
    ];

    /// <summary>The four keys of the defect report: culture-aware comparison made one key of the first three.</summary>
    public static readonly string[] FourKeys = ["k", "k\u00AD", "k\0", "l"];

    /// <summary>The cultures the tests run under.</summary>
    public static readonly string[] Cultures = ["en-US", "tr-TR"];

    /// <summary>Returns the strings in ordinal order.</summary>
    public static string[] Ordinal(IEnumerable<string> strings)
    {
        var sorted = strings.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }

    /// <summary>Renders a string with its non-ASCII characters escaped, for failure messages.</summary>
    public static string Escape(string s) =>
        string.Concat(s.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
