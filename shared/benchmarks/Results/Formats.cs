using System.Globalization;

namespace Traces.Benchmarks;

/// <summary>How the tables print numbers: three significant digits, with a unit prefix for rates.</summary>
public static class Formats
{
    /// <summary>The cell of a figure that was not measured (a failure, or not applicable).</summary>
    public const string Missing = "—";

    /// <summary>Formats a rate per second, e.g. <c>1.23 M</c>.</summary>
    /// <param name="perSecond">The rate.</param>
    public static string Rate(double perSecond) => perSecond switch
    {
        >= 1e9 => Significant(perSecond / 1e9) + " G",
        >= 1e6 => Significant(perSecond / 1e6) + " M",
        >= 1e3 => Significant(perSecond / 1e3) + " K",
        _ => Significant(perSecond),
    };

    /// <summary>Formats a plain number to three significant digits, e.g. <c>24.3</c> or <c>1250</c>.</summary>
    /// <param name="value">The value.</param>
    public static string Significant(double value)
    {
        double magnitude = Math.Abs(value);
        string format = magnitude >= 100 ? "0" : magnitude >= 10 ? "0.#" : "0.##";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }
}
