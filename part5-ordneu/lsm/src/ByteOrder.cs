namespace Traces.Lsm;

/// <summary>The ordinal (unsigned lexicographic) order of byte sequences, as a struct comparer.</summary>
/// <remarks>
/// A shorter sequence that is a prefix of a longer one sorts first. Being a struct, the comparer can be passed as
/// a generic type argument and its calls inlined, which is how the skip list and the merges use it.
/// </remarks>
public readonly struct ByteOrder : IComparer<ReadOnlyMemory<byte>>, IComparer<byte[]>
{
    /// <summary>Compares two byte sequences ordinally.</summary>
    /// <param name="x">The first sequence.</param>
    /// <param name="y">The second sequence.</param>
    /// <returns>Negative, zero or positive as <paramref name="x"/> sorts before, with or after <paramref name="y"/>.</returns>
    public static int CompareSpans(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y) => x.SequenceCompareTo(y);

    /// <inheritdoc />
    public int Compare(ReadOnlyMemory<byte> x, ReadOnlyMemory<byte> y) => x.Span.SequenceCompareTo(y.Span);

    /// <inheritdoc />
    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y.AsSpan());
}
