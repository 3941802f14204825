using System.Buffers;
using System.Runtime.CompilerServices;

namespace Traces.OrdNeu;

#region slice-encoding
/// <summary>How a variable-length item is stored as a span of elements and rebuilt from one.</summary>
/// <typeparam name="TItem">The item type, e.g. <see cref="string"/>.</typeparam>
/// <typeparam name="TElement">The element type, e.g. <see cref="char"/>.</typeparam>
/// <remarks>
/// An item either holds its elements as they are stored (a <see cref="string"/>'s characters for
/// <see cref="StringSlices"/>), and <see cref="TryGetSpan"/> returns them without copying, or must be encoded
/// (a string's bytes for <see cref="Cesu8StringSlices"/>), and the container asks for its length and has it
/// written into storage the container provides.
/// </remarks>
public interface ISliceEncoding<TItem, TElement>
{
    /// <summary>Gets the elements of <paramref name="item"/> without copying, if it holds them as stored.</summary>
    /// <param name="item">The item.</param>
    /// <param name="elements">The item's elements, or an empty span when the method returns false.</param>
    /// <returns>
    /// <see langword="true"/> for a view of the item; <see langword="false"/> if it must be encoded with
    /// <see cref="GetLength"/> and <see cref="Encode"/>.
    /// </returns>
    static abstract bool TryGetSpan(TItem item, out ReadOnlySpan<TElement> elements);

    /// <summary>Returns the number of elements <paramref name="item"/> is stored as.</summary>
    /// <param name="item">The item.</param>
    static abstract int GetLength(TItem item);

    /// <summary>Writes the elements of <paramref name="item"/>.</summary>
    /// <param name="item">The item.</param>
    /// <param name="destination">Exactly <see cref="GetLength"/> elements.</param>
    static abstract void Encode(TItem item, Span<TElement> destination);

    /// <summary>Creates an item holding <paramref name="elements"/>.</summary>
    /// <param name="elements">The elements.</param>
    static abstract TItem FromSpan(ReadOnlySpan<TElement> elements);

    /// <summary>
    /// Creates an item for elements a container stores, which nothing writes again. An item that must own its
    /// elements (a <see cref="string"/>, an array) copies them, as <see cref="FromSpan"/> does; an item that can
    /// be a view (one wrapping a <see cref="ReadOnlyMemory{T}"/>) shares them, so reading it allocates nothing.
    /// </summary>
    /// <param name="elements">The stored elements.</param>
    static abstract TItem FromStored(ReadOnlyMemory<TElement> elements);
}
#endregion

/// <summary>Strings as slices of <see cref="char"/> (UTF-16 code units), compared ordinally.</summary>
public readonly struct StringSlices : ISliceEncoding<string, char>
{
    /// <inheritdoc />
    public static bool TryGetSpan(string item, out ReadOnlySpan<char> elements)
    {
        elements = item.AsSpan();
        return true;
    }

    /// <inheritdoc />
    public static int GetLength(string item) => item.Length;

    /// <inheritdoc />
    public static void Encode(string item, Span<char> destination) =>
        item.AsSpan().CopyTo(destination);

    /// <inheritdoc />
    public static string FromSpan(ReadOnlySpan<char> elements) => new(elements);

    /// <inheritdoc />
    public static string FromStored(ReadOnlyMemory<char> elements) => new(elements.Span);
}

/// <summary>Byte arrays as slices of <see cref="byte"/>, compared lexicographically.</summary>
public readonly struct ByteSlices : ISliceEncoding<byte[], byte>
{
    /// <inheritdoc />
    public static bool TryGetSpan(byte[] item, out ReadOnlySpan<byte> elements)
    {
        elements = item;
        return true;
    }

    /// <inheritdoc />
    public static int GetLength(byte[] item) => item.Length;

    /// <inheritdoc />
    public static void Encode(byte[] item, Span<byte> destination) => item.CopyTo(destination);

    /// <inheritdoc />
    public static byte[] FromSpan(ReadOnlySpan<byte> elements) => elements.ToArray();

    /// <inheritdoc />
    public static byte[] FromStored(ReadOnlyMemory<byte> elements) => elements.ToArray();
}

/// <summary>
/// A container for variable-length items (strings, byte sequences) that stores their elements back to back in
/// one array, with an <see cref="OffsetList"/> marking where each ends.
/// </summary>
/// <typeparam name="TItem">The item type, e.g. <see cref="string"/>.</typeparam>
/// <typeparam name="TElement">The element type, e.g. <see cref="char"/>.</typeparam>
/// <typeparam name="TEncoding">How items and element spans convert, e.g. <see cref="StringSlices"/>.</typeparam>
/// <remarks>
/// <para>
/// An array of strings costs an object per item (a header, a length and padding, about 20 bytes beyond the
/// characters) and a pointer to it; here an item costs its elements plus one 4-byte offset. Items are compared
/// and copied as spans (<see cref="Slice"/>) without being materialized. <see cref="Index"/> asks the encoding
/// for an item (<see cref="ISliceEncoding{TItem, TElement}.FromStored"/>): a new string each call for
/// <see cref="StringSlices"/>, so readers that only compare should prefer <see cref="Slice"/>; a view of the
/// stored elements, which costs no allocation, for an encoding whose items can be views.
/// </para>
/// <para>
/// Items compare element by element, then by length (ordinal order for strings, in UTF-16 code units or in
/// <see cref="Cesu8"/> bytes). An item its encoding must transcode is written straight into the element array
/// when pushed, and into a stack buffer (a pooled array if it is long) when compared, so neither allocates.
/// </para>
/// </remarks>
public struct SliceContainer<TItem, TElement, TEncoding> : IBatchContainer<SliceContainer<TItem, TElement, TEncoding>, TItem>
    where TElement : unmanaged, IComparable<TElement>
    where TEncoding : struct, ISliceEncoding<TItem, TElement>
{
    // Every item's elements back to back, in item order.
    private ArrayContainer<TElement> _elements;
    // Count + 1 offsets from 0: item i is the elements in [_bounds[i], _bounds[i + 1]).
    private OffsetList _bounds;

    // The most elements an item compared with a stored one is encoded into on the stack; longer items
    // are encoded into a pooled array.
    private const int StackElements = 256;

    /// <summary>Initializes an empty container with room for <paramref name="items"/> items of <paramref name="elements"/> elements in all.</summary>
    /// <param name="items">The number of items.</param>
    /// <param name="elements">The total number of elements.</param>
    public SliceContainer(int items, int elements)
    {
        _elements = new ArrayContainer<TElement>(elements);
        _bounds = new OffsetList(checked(items + 1));
        _bounds.Push(0);
    }

    /// <inheritdoc />
    public readonly int Count => _bounds.Count - 1;

    /// <summary>Gets the total number of elements stored.</summary>
    public readonly int ElementCount => _elements.Count;

    /// <inheritdoc />
    public static SliceContainer<TItem, TElement, TEncoding> WithCapacity(int capacity) => new(capacity, capacity);

    /// <inheritdoc />
    public static SliceContainer<TItem, TElement, TEncoding> MergeCapacity(
        in SliceContainer<TItem, TElement, TEncoding> first, in SliceContainer<TItem, TElement, TEncoding> second) =>
        new(checked(first.Count + second.Count), checked(first._elements.Count + second._elements.Count));

    #region slices
    /// <summary>
    /// Returns the elements of the item at <paramref name="index"/>, without copying.
    /// </summary>
    /// <param name="index">A position in <c>[0, Count)</c>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ReadOnlySpan<TElement> Slice(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            ThrowHelper.ThrowIndexOutOfRange();
        }

        int start = (int)_bounds.Index(index);
        return _elements.Items[start..(int)_bounds.Index(index + 1)];
    }

    /// <inheritdoc />
    public readonly int CompareAt(int index, TItem item) =>
        TEncoding.TryGetSpan(item, out var elements)
            ? Slice(index).SequenceCompareTo(elements)
            : CompareEncoded(Slice(index), item);

    /// <inheritdoc />
    public readonly int CompareAt(
        int index, in SliceContainer<TItem, TElement, TEncoding> other, int otherIndex) =>
        Slice(index).SequenceCompareTo(other.Slice(otherIndex));

    #endregion

    #region compare-encoded
    // Compares stored elements with an item that must be encoded first: into the stack for a short
    // item, into a pooled array for a long one, so that a seek allocates nothing either way.
    private static int CompareEncoded(ReadOnlySpan<TElement> stored, TItem item)
    {
        int length = TEncoding.GetLength(item);
        if (length <= StackElements)
        {
            Span<TElement> buffer = stackalloc TElement[StackElements];
            TEncoding.Encode(item, buffer[..length]);
            return stored.SequenceCompareTo(buffer[..length]);
        }

        TElement[] rented = ArrayPool<TElement>.Shared.Rent(length);
        try
        {
            TEncoding.Encode(item, rented.AsSpan(0, length));
            return stored.SequenceCompareTo(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<TElement>.Shared.Return(rented);
        }
    }
    #endregion

    /// <inheritdoc />
    /// <remarks>
    /// The encoding's <see cref="ISliceEncoding{TItem, TElement}.FromStored"/> makes the item: a copy of the
    /// elements, or a view of them for an item type that can be one.
    /// </remarks>
    public readonly TItem Index(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            ThrowHelper.ThrowIndexOutOfRange();
        }

        // Elements below the count are never written again (pushes append; growth copies to a new array),
        // so a view of them stays true for as long as anyone holds it.
        int start = (int)_bounds.Index(index);
        int length = (int)_bounds.Index(index + 1) - start;
        return TEncoding.FromStored(_elements.Slice(start, length));
    }

    #region push
    /// <inheritdoc />
    /// <remarks>
    /// An item that is a view of its elements is appended as a span; one that must be encoded is written
    /// straight into the element array, after its end, and counted only once the encoding has succeeded.
    /// </remarks>
    public void Push(TItem item)
    {
        if (TEncoding.TryGetSpan(item, out var elements))
        {
            PushSpan(elements);
            return;
        }

        int length = TEncoding.GetLength(item);
        if (length > 0)
        {
            _elements.PushWritten(length, item,
                static (destination, item) => TEncoding.Encode(item, destination));
        }

        _bounds.Push(_elements.Count);
    }
    #endregion

    /// <inheritdoc />
    public void PushFrom(in SliceContainer<TItem, TElement, TEncoding> source, int index) => PushSpan(source.Slice(index));

    /// <inheritdoc />
    /// <remarks>
    /// The elements are trimmed to their count once the spare room is over an eighth of it. A builder reserves
    /// one element an item (<see cref="WithCapacity"/> knows no more), so a column of strings grows by doubling
    /// and may end with nearly as much spare as it holds; the elements are most of the column's bytes.
    /// </remarks>
    public void TrimExcess()
    {
        _elements.TrimExcess(spareShare: 8);
        _bounds.TrimExcess();
    }

    #region push-span
    private void PushSpan(ReadOnlySpan<TElement> elements)
    {
        _elements.PushRange(elements);
        _bounds.Push(_elements.Count);
    }
    #endregion
}
