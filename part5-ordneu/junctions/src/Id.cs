using System.Globalization;

namespace Traces.Junctions;

/// <summary>The identity a <see cref="Pom{T}"/> gives an inserted value: newer values have greater ids.</summary>
/// <param name="Value">The id's number; the first id a table issues is 1, and 0 is never issued.</param>
public readonly record struct Id(ulong Value) : IComparable<Id>
{
    /// <inheritdoc />
    public int CompareTo(Id other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => "#" + Value.ToString(CultureInfo.InvariantCulture);
}
