namespace Book.Scenes.Index;

/// <summary>
/// An integer key that records comparisons: when a stored key (one without a log) is compared with a key that
/// carries a log, the stored key's value is appended to that log. A look-up with logged keys therefore leaves behind
/// exactly which stored keys it examined, in order.
/// </summary>
/// <remarks>Equality and hashing look at <see cref="Value"/> only, so logged and stored keys of one value are the same key.</remarks>
public readonly struct ProbeKey : IComparable<ProbeKey>, IEquatable<ProbeKey>
{
    /// <summary>Creates a key; give it a <paramref name="log"/> to record the stored keys it is compared with.</summary>
    public ProbeKey(int value, List<int>? log = null)
    {
        Value = value;
        Log = log;
    }

    /// <summary>Gets the key's value.</summary>
    public int Value { get; }

    /// <summary>Gets the log of stored keys this key was compared with, or <see langword="null"/> for a stored key.</summary>
    public List<int>? Log { get; }

    /// <summary>Compares by value; records this key's value in <paramref name="other"/>'s log if only the other has one.</summary>
    public int CompareTo(ProbeKey other)
    {
        if (Log is null)
        {
            other.Log?.Add(Value);
        }

        return Value.CompareTo(other.Value);
    }

    /// <inheritdoc />
    public bool Equals(ProbeKey other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ProbeKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value;

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether two keys have the same value.</summary>
    public static bool operator ==(ProbeKey left, ProbeKey right) => left.Equals(right);

    /// <summary>Whether two keys have different values.</summary>
    public static bool operator !=(ProbeKey left, ProbeKey right) => !left.Equals(right);

    /// <summary>Whether the left key's value is less.</summary>
    public static bool operator <(ProbeKey left, ProbeKey right) => left.Value < right.Value;

    /// <summary>Whether the left key's value is at most the right's.</summary>
    public static bool operator <=(ProbeKey left, ProbeKey right) => left.Value <= right.Value;

    /// <summary>Whether the left key's value is greater.</summary>
    public static bool operator >(ProbeKey left, ProbeKey right) => left.Value > right.Value;

    /// <summary>Whether the left key's value is at least the right's.</summary>
    public static bool operator >=(ProbeKey left, ProbeKey right) => left.Value >= right.Value;
}
