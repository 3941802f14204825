using Traces.OrdNeu;

namespace Traces.Lsm;

/// <summary>
/// <see cref="ByteString"/>s as slices of <see cref="byte"/>, compared in unsigned byte order: how a sealed run
/// stores its keys and values, back to back in a <see cref="SliceContainer{TItem, TElement, TEncoding}"/>.
/// </summary>
/// <remarks>
/// A <see cref="ByteString"/> is a view, so <see cref="FromStored"/> shares the run's bytes instead of copying them:
/// a cursor's <c>Key</c> and <c>Val</c> over a run allocate nothing. A run is written from the bytes themselves
/// (<see cref="TryGetSpan"/>), never through <see cref="Encode"/>.
/// </remarks>
public readonly struct ByteStringSlices : ISliceEncoding<ByteString, byte>
{
    /// <inheritdoc />
    public static bool TryGetSpan(ByteString item, out ReadOnlySpan<byte> elements)
    {
        elements = item.Span;
        return true;
    }

    /// <inheritdoc />
    public static int GetLength(ByteString item) => item.Span.Length;

    /// <inheritdoc />
    public static void Encode(ByteString item, Span<byte> destination) => item.Span.CopyTo(destination);

    /// <inheritdoc />
    public static ByteString FromSpan(ReadOnlySpan<byte> elements) => ByteString.CopyOf(elements);

    /// <inheritdoc />
    public static ByteString FromStored(ReadOnlyMemory<byte> elements) => ByteString.Share(elements);
}
