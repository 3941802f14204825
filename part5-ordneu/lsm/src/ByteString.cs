using System.Runtime.InteropServices;

namespace Traces.Lsm;

/// <summary>An immutable byte sequence ordered ordinally: the key and value type of the store's sealed batches.</summary>
/// <remarks>
/// Part 5 batches need keys and values that implement <see cref="IComparable{T}"/>, which <see cref="byte"/>
/// arrays do not. This struct is one array reference wide, so an array container of them costs no more than an
/// array of arrays, and turning one into the <see cref="ReadOnlyMemory{T}"/> the iterators speak is free. The
/// wrapped array is never written after construction.
/// </remarks>
public readonly struct ByteString : IComparable<ByteString>, IEquatable<ByteString>
{
    // The bytes; null in default(ByteString), which is the empty string.
    private readonly byte[]? _bytes;

    /// <summary>Wraps <paramref name="bytes"/> without copying; the caller promises not to change it.</summary>
    /// <param name="bytes">The bytes.</param>
    internal ByteString(byte[] bytes) => _bytes = bytes;

    /// <summary>Gets the empty sequence.</summary>
    public static ByteString Empty => default;

    /// <summary>Gets the bytes as read-only memory.</summary>
    public ReadOnlyMemory<byte> Memory => _bytes;

    /// <summary>Gets the bytes as a read-only span.</summary>
    public ReadOnlySpan<byte> Span => _bytes;

    /// <summary>Gets the number of bytes.</summary>
    public int Length => _bytes?.Length ?? 0;

    /// <summary>Creates a sequence holding a copy of <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The bytes to copy.</param>
    public static ByteString CopyOf(ReadOnlySpan<byte> bytes) => new(bytes.ToArray());

    /// <summary>Wraps the array behind <paramref name="bytes"/> when it spans a whole array; copies otherwise.</summary>
    /// <param name="bytes">Bytes nobody writes any more (a memtable's keys and values).</param>
    internal static ByteString Share(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? new ByteString(segment.Array)
            : CopyOf(bytes.Span);

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
