namespace Traces.Lsm;

/// <summary>How a <see cref="Bound"/> limits a range.</summary>
public enum BoundKind
{
    /// <summary>No limit on this side.</summary>
    Unbounded,

    /// <summary>The key itself belongs to the range.</summary>
    Included,

    /// <summary>The range stops just short of the key.</summary>
    Excluded,
}

/// <summary>One end of a key range: a key that is included or excluded, or no limit at all.</summary>
/// <remarks>
/// <c>default(Bound)</c> is <see cref="Unbounded"/>. The same value serves as a lower or an upper bound; the
/// methods <see cref="AdmitsAbove"/> and <see cref="AdmitsBelow"/> say which side is meant.
/// </remarks>
public readonly struct Bound : IEquatable<Bound>
{
    private Bound(BoundKind kind, ReadOnlyMemory<byte> key)
    {
        Kind = kind;
        Key = key;
    }

    /// <summary>Gets the bound that limits nothing.</summary>
    public static Bound Unbounded => default;

    /// <summary>Gets how the bound limits its range.</summary>
    public BoundKind Kind { get; }

    /// <summary>Gets the bound's key; empty for <see cref="BoundKind.Unbounded"/>.</summary>
    public ReadOnlyMemory<byte> Key { get; }

    /// <summary>Creates a bound that includes <paramref name="key"/>.</summary>
    /// <param name="key">The key; copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public static Bound Included(byte[] key) => Create(BoundKind.Included, key);

    /// <summary>Creates a bound that excludes <paramref name="key"/>.</summary>
    /// <param name="key">The key; copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public static Bound Excluded(byte[] key) => Create(BoundKind.Excluded, key);

    /// <summary>Creates a bound that includes <paramref name="key"/>.</summary>
    /// <param name="key">The key; copied.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public static Bound Included(ReadOnlySpan<byte> key) => Create(BoundKind.Included, key);

    /// <summary>Creates a bound that excludes <paramref name="key"/>.</summary>
    /// <param name="key">The key; copied.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public static Bound Excluded(ReadOnlySpan<byte> key) => Create(BoundKind.Excluded, key);

    /// <summary>Throws unless <paramref name="lower"/> and <paramref name="upper"/> describe a range.</summary>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound.</param>
    /// <exception cref="ArgumentException">The lower bound's key sorts after the upper bound's key.</exception>
    /// <remarks>Equal keys are accepted: <c>[k, k]</c> holds one key and <c>[k, k)</c> none.</remarks>
    public static void CheckRange(Bound lower, Bound upper)
    {
        if (lower.Kind != BoundKind.Unbounded && upper.Kind != BoundKind.Unbounded &&
            ByteOrder.CompareSpans(lower.Key.Span, upper.Key.Span) > 0)
        {
            throw new ArgumentException(
                $"The lower bound {lower} is above the upper bound {upper}.", nameof(lower));
        }
    }

    /// <summary>Gets whether <paramref name="key"/> lies on the allowed side of this bound used as a lower bound.</summary>
    /// <param name="key">The key.</param>
    public bool AdmitsAbove(ReadOnlySpan<byte> key) => Kind switch
    {
        BoundKind.Included => ByteOrder.CompareSpans(key, Key.Span) >= 0,
        BoundKind.Excluded => ByteOrder.CompareSpans(key, Key.Span) > 0,
        _ => true,
    };

    /// <summary>Gets whether <paramref name="key"/> lies on the allowed side of this bound used as an upper bound.</summary>
    /// <param name="key">The key.</param>
    public bool AdmitsBelow(ReadOnlySpan<byte> key) => Kind switch
    {
        BoundKind.Included => ByteOrder.CompareSpans(key, Key.Span) <= 0,
        BoundKind.Excluded => ByteOrder.CompareSpans(key, Key.Span) < 0,
        _ => true,
    };

    /// <inheritdoc />
    public bool Equals(Bound other) => Kind == other.Kind && Key.Span.SequenceEqual(other.Key.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Bound other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Kind);
        hash.AddBytes(Key.Span);
        return hash.ToHashCode();
    }

    /// <summary>Compares two bounds for equality.</summary>
    /// <param name="left">The first bound.</param>
    /// <param name="right">The second bound.</param>
    public static bool operator ==(Bound left, Bound right) => left.Equals(right);

    /// <summary>Compares two bounds for inequality.</summary>
    /// <param name="left">The first bound.</param>
    /// <param name="right">The second bound.</param>
    public static bool operator !=(Bound left, Bound right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        BoundKind.Included => $"Included({Convert.ToHexString(Key.Span)})",
        BoundKind.Excluded => $"Excluded({Convert.ToHexString(Key.Span)})",
        _ => "Unbounded",
    };

    private static Bound Create(BoundKind kind, byte[] key)
    {
        KeyArguments.CheckKey(key, nameof(key));
        return new Bound(kind, key.AsSpan().ToArray());
    }

    private static Bound Create(BoundKind kind, ReadOnlySpan<byte> key)
    {
        KeyArguments.CheckKey(key, nameof(key));
        return new Bound(kind, key.ToArray());
    }
}
