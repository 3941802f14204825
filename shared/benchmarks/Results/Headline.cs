using System.Globalization;

namespace Traces.Benchmarks;

/// <summary>What a headline figure is: a ratio of two measurements, or bytes retained per update.</summary>
public enum HeadlineKind
{
    /// <summary>One measured time (or byte count) divided by another; printed as <c>ratio name value (target …)</c>.</summary>
    Ratio,

    /// <summary>Bytes retained per update; printed as <c>bytes-per-update name value (target …)</c>.</summary>
    BytesPerUpdate,
}

/// <summary>One headline figure of a run, its target and whether it met it.</summary>
/// <param name="Kind">A ratio or bytes per update.</param>
/// <param name="Name">The name, e.g. <c>part5-load/array-sort</c> or <c>part5-snapshot-1Mx1</c>.</param>
/// <param name="Value">The measured value.</param>
/// <param name="AtMost">Whether the target is an upper bound (<c>&lt;=</c>) rather than a lower one (<c>&gt;=</c>).</param>
/// <param name="Bound">The target's bound.</param>
public sealed record Headline(HeadlineKind Kind, string Name, double Value, bool AtMost, double Bound)
{
    /// <summary>Gets the target as text, e.g. <c>&lt;= 2</c>.</summary>
    public string Target => (AtMost ? "<= " : ">= ") + Bound.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Gets whether the value meets the target.</summary>
    public bool Met => AtMost ? Value <= Bound : Value >= Bound;

    /// <summary>Gets the value as printed: two decimals below 10, one above, trailing zeros dropped.</summary>
    public string FormattedValue => Value.ToString(Math.Abs(Value) >= 10 ? "0.#" : "0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// Gets the summary line a run prints: the kind, the name, the value, the target and whether the value met it,
    /// e.g. <c>ratio part5-load/array-sort 1.7 (target &lt;= 2; met)</c>.
    /// </summary>
    public string Line => Compose(note: null);

    /// <summary>
    /// Returns the line a run at <paramref name="sizes"/> prints: <see cref="Line"/>, and, at any sizes but
    /// <see cref="WorkloadSizes.Full"/> (the ones the targets are stated for), a note that the figure is not
    /// comparable with the full run's, e.g.
    /// <c>ratio part5-merge/merge-floor 2.43 (target &lt;= 2; missed; quick sizes, not comparable with the full run)</c>.
    /// </summary>
    /// <param name="sizes">The sizes the run used.</param>
    public string LineAt(WorkloadSizes sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (ReferenceEquals(sizes, WorkloadSizes.Full))
        {
            return Line;
        }

        // Smaller sizes change what is measured (caches hold more of the data, fixed costs weigh more, fewer
        // rounds), so a quick figure says only that the workload ran, not how it compares with the target.
        string which = ReferenceEquals(sizes, WorkloadSizes.Quick) ? "quick sizes" : "not the full sizes";
        return Compose($"{which}, not comparable with the full run");
    }

    private string Compose(string? note) =>
        $"{(Kind == HeadlineKind.Ratio ? "ratio" : "bytes-per-update")} {Name} {FormattedValue} "
        + $"(target {Target}; {(Met ? "met" : "missed")}{(note is null ? "" : "; " + note)})";

    /// <summary>Returns the entry of the results file's <c>ratios</c> list.</summary>
    public RatioResult ToResult() => new(
        Kind == HeadlineKind.Ratio ? Name : Name + " bytes/update",
        double.Parse(FormattedValue, CultureInfo.InvariantCulture),
        Target,
        Met);
}
