namespace Traces;

/// <summary>The value type with a single value: a key-only collection stores <c>(key, Unit)</c>.</summary>
public readonly record struct Unit : IComparable<Unit>
{
    /// <summary>Gets the only value.</summary>
    public static Unit Value => default;

    /// <inheritdoc />
    public int CompareTo(Unit other) => 0;

    /// <inheritdoc />
    public override string ToString() => "()";
}
