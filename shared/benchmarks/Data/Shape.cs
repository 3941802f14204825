using System.Globalization;

namespace Traces.Benchmarks;

/// <summary>
/// The shape of a data set: <see cref="Keys"/> × <see cref="Vals"/> distinct records, each with
/// <see cref="Times"/> updates.
/// </summary>
/// <param name="Keys">The number of distinct keys.</param>
/// <param name="Vals">The number of distinct values per key.</param>
/// <param name="Times">The number of updates (at distinct times) per record.</param>
public readonly record struct Shape(int Keys, int Vals, int Times = 1)
{
    /// <summary>Gets the number of updates in the data set.</summary>
    public int Updates => checked(Keys * Vals * Times);

    /// <summary>Formats a count the way the tables do: <c>1M</c>, <c>1K</c>, <c>250</c>.</summary>
    /// <param name="count">The count.</param>
    public static string Abbreviate(int count) => count switch
    {
        >= 1_000_000 when count % 1_000_000 == 0 => (count / 1_000_000).ToString(CultureInfo.InvariantCulture) + "M",
        >= 1_000 when count % 1_000 == 0 => (count / 1_000).ToString(CultureInfo.InvariantCulture) + "K",
        _ => count.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Returns the shape as <c>keys x vals</c>, with <c>x times</c> when there is more than one.</summary>
    public override string ToString() =>
        Times == 1 ? $"{Abbreviate(Keys)}x{Abbreviate(Vals)}" : $"{Abbreviate(Keys)}x{Abbreviate(Vals)}x{Abbreviate(Times)}";
}
