using System.Text.RegularExpressions;

namespace Book;

/// <summary>Small helpers to take a link apart.</summary>
internal static partial class LinkTarget
{
    /// <summary>Whether <paramref name="url"/> has a scheme (<c>https:</c>, <c>mailto:</c>): it leaves the book.</summary>
    public static bool IsExternal(string url) => Scheme().IsMatch(url);

    /// <summary>Splits <c>path#anchor</c> into the path and the anchor with its <c>#</c> (or an empty anchor).</summary>
    public static (string Path, string Anchor) Split(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (url, "") : (url[..hash], url[hash..]);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();
}
