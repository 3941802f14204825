using System.Globalization;
using Traces;
using Traces.Sorted;

namespace Book.Scenes.Contract;

/// <summary>Chapter 1's sample: a real trace accumulated at a few times before and after <c>AdvanceBy</c>.</summary>
public static class CompactionScenes
{
    /// <summary>The time type of the sample: pairs ordered coordinate by coordinate.</summary>
    private static Product<Timestamp, Timestamp> T(ulong outer, ulong inner) => new(outer, inner);

    /// <summary>The key every update of the sample is for.</summary>
    public const string Key = "k";

    /// <summary>The updates the sample adds: two values of one key, at partially ordered times.</summary>
    public static IReadOnlyList<Update<string, string, Product<Timestamp, Timestamp>, long>> Updates { get; } =
    [
        new(Key, "x", T(0, 0), +1), new(Key, "x", T(1, 0), +1), new(Key, "x", T(0, 1), -1),
        new(Key, "x", T(2, 0), +1), new(Key, "x", T(0, 4), +1),
        new(Key, "y", T(0, 0), +2), new(Key, "y", T(1, 1), -2), new(Key, "y", T(3, 1), +1),
    ];

    /// <summary>The times the sample accumulates at: four beyond the frontier, then two that are not.</summary>
    public static IReadOnlyList<Product<Timestamp, Timestamp>> Probes { get; } =
        [T(1, 3), T(3, 1), T(2, 4), T(4, 4), T(1, 1), T(0, 4)];

    /// <summary>
    /// Adds <see cref="Updates"/> to a <see cref="SortedTrace{TKey, TVal, TTime, TDiff}"/>, prints what it stores and
    /// the collection at each of <see cref="Probes"/>, advances it by <see cref="FrontierScenes.Frontier"/>, and prints
    /// both again: fewer updates, the same collection at every time beyond the frontier.
    /// </summary>
    [Scene("advance-by-accumulations")]
    public static void AdvanceByAccumulations(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var trace = new SortedTrace<string, string, Product<Timestamp, Timestamp>, long>();
        trace.Add(Updates);
        var before = trace.Get(Key).ToList();
        trace.AdvanceBy(FrontierScenes.Frontier);
        var after = trace.Get(Key).ToList();

        Print(output, $"stored before AdvanceBy ({before.Count} updates):", before);
        Print(output, $"stored after AdvanceBy {FrontierScenes.Frontier} ({after.Count} updates):", after);
        output.WriteLine();
        output.WriteLine("time     beyond?   x before  x after   y before  y after");
        foreach (var time in Probes)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{time,-9}{(FrontierScenes.Frontier.LessEqual(time) ? "yes" : "no"),-10}" +
                $"{Accumulate(before, "x", time),-10}{Accumulate(after, "x", time),-10}" +
                $"{Accumulate(before, "y", time),-10}{Accumulate(after, "y", time)}"));
        }
    }

    /// <summary>The count of <c>(<see cref="Key"/>, <paramref name="val"/>)</c> at <paramref name="time"/>: the sum of the diffs at times at most it.</summary>
    public static long Accumulate(
        IEnumerable<Update<string, string, Product<Timestamp, Timestamp>, long>> updates, string val, Product<Timestamp, Timestamp> time) =>
        updates.Where(u => string.Equals(u.Val, val, StringComparison.Ordinal) && u.Time.LessEqual(time)).Sum(u => u.Diff);

    private static void Print(TextWriter output, string title, List<Update<string, string, Product<Timestamp, Timestamp>, long>> updates)
    {
        output.WriteLine(title);
        foreach (var update in updates)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ({update.Key}, {update.Val}, {update.Time}, {update.Diff:+0;-0})"));
        }
    }
}
