namespace Traces.Lsm;

/// <summary>An immutable byte sequence ordered ordinally: the key and value type of the store's sealed batches.</summary>
/// <remarks>
/// Part 5 batches need keys and values that implement <see cref="IComparable{T}"/>, which <see cref="byte"/>
/// arrays do not. This struct is a view, a <see cref="ReadOnlyMemory{T}"/>, of bytes nobody writes any more: a
/// memtable's keys and values, or the bytes a sealed run stores back to back (its
/// <see cref="Traces.OrdNeu.SliceContainer{TItem, TElement, TEncoding}"/>s, through <see cref="ByteStringSlices"/>).
/// So reading a run's key or value makes no copy and allocates nothing, and turning one into the
/// <see cref="ReadOnlyMemory{T}"/> the iterators speak is free.
/// </remarks>
public readonly struct ByteString : IComparable<ByteString>, IEquatable<ByteString>
{
    // The bytes; empty in default(ByteString), which is the empty string. Never written through.
    private readonly ReadOnlyMemory<byte> _bytes;

    /// <summary>Wraps <paramref name="bytes"/> without copying; the caller promises nobody changes them.</summary>
    /// <param name="bytes">The bytes.</param>
    internal ByteString(ReadOnlyMemory<byte> bytes) => _bytes = bytes;

    /// <summary>Gets the empty sequence.</summary>
    public static ByteString Empty => default;

    /// <summary>Gets the bytes as read-only memory.</summary>
    public ReadOnlyMemory<byte> Memory => _bytes;

    /// <summary>Gets the bytes as a read-only span.</summary>
    public ReadOnlySpan<byte> Span => _bytes.Span;

    /// <summary>Gets the number of bytes.</summary>
    public int Length => _bytes.Length;

    /// <summary>Creates a sequence holding a copy of <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The bytes to copy.</param>
    public static ByteString CopyOf(ReadOnlySpan<byte> bytes) => new(bytes.ToArray());

    /// <summary>Wraps <paramref name="bytes"/> without copying.</summary>
    /// <param name="bytes">Bytes nobody writes any more (a memtable's keys and values, a run's stored bytes).</param>
    internal static ByteString Share(ReadOnlyMemory<byte> bytes) => new(bytes);

    /// <inheritdoc />
    public int CompareTo(ByteString other) => ByteOrder.CompareSpans(Span, other.Span);

    /// <inheritdoc />
    public bool Equals(ByteString other) => Span.SequenceEqual(other.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ByteString other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(Span);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => Convert.ToHexString(Span);

    /// <summary>Compares two sequences for equality.</summary>
    /// <param name="left">The first sequence.</param>
    /// <param name="right">The second sequence.</param>
    public static bool operator ==(ByteString left, ByteString right) => left.Equals(right);

    /// <summary>Compares two sequences for inequality.</summary>
    /// <param name="left">The first sequence.</param>
    /// <param name="right">The second sequence.</param>
    public static bool operator !=(ByteString left, ByteString right) => !left.Equals(right);

    /// <summary>Orders two sequences.</summary>
    /// <param name="left">The first sequence.</param>
    /// <param name="right">The second sequence.</param>
    public static bool operator <(ByteString left, ByteString right) => left.CompareTo(right) < 0;

    /// <summary>Orders two sequences.</summary>
    /// <param name="left">The first sequence.</param>
    /// <param name="right">The second sequence.</param>
    public static bool operator >(ByteString left, ByteString right) => left.CompareTo(right) > 0;

    /// <summary>Orders two sequences.</summary>
    /// <param name="left">The first sequence.</param>
    /// <param name="right">The second sequence.</param>
    public static bool operator <=(ByteString left, ByteString right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two sequences.</summary>
    /// <param name="left">The first sequence.</param>
    /// <param name="right">The second sequence.</param>
    public static bool operator >=(ByteString left, ByteString right) => left.CompareTo(right) >= 0;
}
