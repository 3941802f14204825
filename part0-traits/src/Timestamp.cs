using System.Globalization;

namespace Traces;

/// <summary>A totally ordered time over <see cref="ulong"/>: the partial order and the sort order agree.</summary>
/// <param name="Value">The time's value.</param>
public readonly record struct Timestamp(ulong Value) : ILattice<Timestamp>
{
    /// <summary>Gets time zero.</summary>
    public static Timestamp Minimum => default;

    /// <summary>Converts a <see cref="ulong"/> to a <see cref="Timestamp"/>.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator Timestamp(ulong value) => new(value);

    /// <summary>Creates a <see cref="Timestamp"/> from a <see cref="ulong"/>.</summary>
    /// <param name="value">The value.</param>
    public static Timestamp FromUInt64(ulong value) => new(value);

    /// <inheritdoc />
    public bool LessEqual(Timestamp other) => Value <= other.Value;

    /// <inheritdoc />
    public Timestamp Join(Timestamp other) => Value >= other.Value ? this : other;

    /// <inheritdoc />
    public Timestamp Meet(Timestamp other) => Value <= other.Value ? this : other;

    /// <inheritdoc />
    public int CompareTo(Timestamp other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
