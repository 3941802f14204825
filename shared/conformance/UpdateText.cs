using System.Globalization;
using System.Text;

namespace Traces.Conformance;

/// <summary>The one way the suite prints updates: compactly, culture-invariantly, and side by side on failure.</summary>
/// <remarks>
/// An update prints as <c>(k=1, v=7, t=(4, 1), +2)</c>: every field named, the diff signed so that retractions stand
/// out. Every message of the suite (the checker's, the hand-written cases', the random runs' logs) goes through
/// this class, so a reader learns one notation.
/// </remarks>
public static class UpdateText
{
    /// <summary>Formats one update as <c>(k=…, v=…, t=…, ±diff)</c>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="update">The update.</param>
    public static string Of<TKey, TVal, TTime, TDiff>(Update<TKey, TVal, TTime, TDiff> update)
    {
        string diff = Text(update.Diff);

        // A positive diff gets its sign too: "+2" beside "-1" reads as an insertion and a retraction.
        if (diff.Length > 0 && diff[0] != '-' && diff != "0")
        {
            diff = "+" + diff;
        }

        return $"(k={Text(update.Key)}, v={Text(update.Val)}, t={Text(update.Time)}, {diff})";
    }

    /// <summary>Formats updates separated by commas, or <c>nothing</c> when there are none.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="updates">The updates.</param>
    public static string List<TKey, TVal, TTime, TDiff>(IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var text = new StringBuilder();
        foreach (var update in updates)
        {
            text.Append(text.Length == 0 ? "" : ", ").Append(Of(update));
        }

        return text.Length == 0 ? "nothing" : text.ToString();
    }

    /// <summary>
    /// Formats two answers to the same question on two lines, each indented and labelled, labels padded so the
    /// answers line up: <c>"  model: …"</c> then <c>"  trace: …"</c>. The text starts with a line break.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="wantLabel">What the first answer is, e.g. <c>model</c>.</param>
    /// <param name="want">The answer the trace should have given.</param>
    /// <param name="haveLabel">What the second answer is, e.g. <c>trace</c>.</param>
    /// <param name="have">The answer the trace gave.</param>
    public static string SideBySide<TKey, TVal, TTime, TDiff>(
        string wantLabel,
        IEnumerable<Update<TKey, TVal, TTime, TDiff>> want,
        string haveLabel,
        IEnumerable<Update<TKey, TVal, TTime, TDiff>> have)
    {
        ArgumentNullException.ThrowIfNull(wantLabel);
        ArgumentNullException.ThrowIfNull(haveLabel);
        int width = Math.Max(wantLabel.Length, haveLabel.Length) + 1;
        return "\n  " + (wantLabel + ":").PadRight(width) + " " + List(want)
            + "\n  " + (haveLabel + ":").PadRight(width) + " " + List(have);
    }

    /// <summary>Formats the model's answer and the trace's, a line each: <c>"  model: …"</c> then <c>"  trace: …"</c>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="model">The model's answer.</param>
    /// <param name="trace">The trace's answer.</param>
    public static string ModelAndTrace<TKey, TVal, TTime, TDiff>(
        IEnumerable<Update<TKey, TVal, TTime, TDiff>> model,
        IEnumerable<Update<TKey, TVal, TTime, TDiff>> trace) =>
        SideBySide("model", model, "trace", trace);

    // Numbers print the same on every machine: the invariant culture, whatever the current one is.
    private static string Text<T>(T value) =>
        value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "null";
}
