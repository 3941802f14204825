using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Traces.OrdNeu;

/// <summary>A container backed by one array: the default column for keys, values, times and diffs.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// Items live in a <typeparamref name="T"/>[] that doubles when full; builders and merges size it up front from
/// exact counts, so a finished batch usually wastes no slack. Comparisons use <see cref="Ordering.CompareAny{T}"/>:
/// ordinal for strings whatever the culture, <see cref="Comparer{T}.Default"/> otherwise, which the JIT turns into
/// a direct call for value types.
/// </remarks>
public struct ArrayContainer<T> : IBatchContainer<ArrayContainer<T>, T>
{
    // Holds the items in [0, _count); past that, whatever the uncleared allocation left (never read).
    private T[] _items;

    // The number of items; never more than _items.Length, which is what makes At safe after a count check.
    private int _count;

    /// <summary>Initializes an empty container with room for <paramref name="capacity"/> items.</summary>
    /// <param name="capacity">The initial capacity.</param>
    public ArrayContainer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _items = Allocate(capacity);
    }

    /// <inheritdoc />
    public readonly int Count => _count;

    /// <summary>Gets the number of items the container can hold before it grows.</summary>
    public readonly int Capacity => _items?.Length ?? 0;

    /// <summary>Gets the items as a span.</summary>
    public readonly ReadOnlySpan<T> Items => new(_items, 0, _count);

    /// <summary>Gets the last item.</summary>
    /// <exception cref="InvalidOperationException">The container is empty.</exception>
    public readonly T Last => _count > 0 ? _items[_count - 1] : throw new InvalidOperationException("The container is empty.");

    /// <inheritdoc />
    public static ArrayContainer<T> WithCapacity(int capacity) => new(capacity);

    /// <inheritdoc />
    public static ArrayContainer<T> MergeCapacity(in ArrayContainer<T> first, in ArrayContainer<T> second) =>
        new(checked(first._count + second._count));

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <c>[0, Count)</c>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly T Index(int index)
    {
        // The array past the count holds whatever was there (it is allocated uncleared): check against the count.
        if ((uint)index >= (uint)_count)
        {
            ThrowHelper.ThrowIndexOutOfRange();
        }

        return At(index);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(T item)
    {
        T[]? items = _items;
        int count = _count;
        if (items is not null && (uint)count < (uint)items.Length)
        {
            // Inside the array, as just checked: written without a second bounds check (or, for a
            // reference type, the covariance check an array store makes).
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(items), count) = item;
            _count = count + 1;
        }
        else
        {
            PushWithGrowth(item);
        }
    }

    /// <summary>Appends every item of <paramref name="items"/>.</summary>
    /// <param name="items">The items.</param>
    public void PushRange(ReadOnlySpan<T> items)
    {
        EnsureCapacity(checked(_count + items.Length));
        items.CopyTo(_items.AsSpan(_count));
        _count += items.Length;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <c>[0, source.Count)</c>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PushFrom(in ArrayContainer<T> source, int index) => Push(source.Index(index));

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <c>[0, Count)</c>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int CompareAt(int index, T item) => Ordering.CompareAny(Index(index), item);

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">An index is outside its container's <c>[0, Count)</c>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int CompareAt(int index, in ArrayContainer<T> other, int otherIndex)
    {
        if ((uint)otherIndex >= (uint)other._count)
        {
            ThrowHelper.ThrowOtherIndexOutOfRange();
        }

        return Ordering.CompareAny(Index(index), other.At(otherIndex));
    }

    // The item at `index`, which the caller has checked is in [0, _count): the count check stands in for the
    // array's own bounds check (the count never exceeds the array's length), so a checked access costs one comparison.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly T At(int index) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_items), index);

    /// <summary>Makes room for at least <paramref name="capacity"/> items.</summary>
    /// <param name="capacity">The number of items to make room for.</param>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > Capacity)
        {
            _items = Grown(_items ?? [], _count, capacity);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Copies the items to an exact-size array when more than half of the capacity is unused, as in a snapshot's
    /// update columns (one stored update of a million reserved). Up to half is kept: a merge reserves keys and
    /// values for the case where none is shared, so a merge of two batches over the same keys fills exactly half
    /// of its key column, and copying that column would cost more than a tenth of the merge to give back a few
    /// bytes per key.
    /// </remarks>
    public void TrimExcess() => TrimExcess(spareShare: 1);

    /// <summary>
    /// Copies the items to an exact-size array when the spare capacity exceeds <c>Count / spareShare</c>. A copy,
    /// not an in-place shrink: views of the old array handed out before stay true.
    /// </summary>
    internal void TrimExcess(int spareShare)
    {
        if (_items is not null && _items.Length - _count > _count / spareShare)
        {
            _items = Copied(_items, _count, _count);
        }
    }

    /// <summary>Returns the items <c>[start, start + length)</c> as read-only memory, a view that stays true (items are never rewritten).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not within <c>[0, Count)</c>.</exception>
    internal readonly ReadOnlyMemory<T> Slice(int start, int length)
    {
        if ((ulong)(uint)start + (uint)length > (uint)_count)
        {
            ThrowHelper.ThrowIndexOutOfRange();
        }

        return new ReadOnlyMemory<T>(_items, start, length);
    }

    /// <summary>
    /// Appends <paramref name="length"/> items written by <paramref name="write"/> into the span it is given; if
    /// it throws, nothing is appended.
    /// </summary>
    internal void PushWritten<TState>(int length, TState state, SpanAction<T, TState> write)
    {
        EnsureCapacity(checked(_count + length));
        write(_items.AsSpan(_count, length), state);
        _count += length;
    }

    #region allocate
    /// <summary>
    /// Returns an array of <paramref name="length"/> items, not zeroed when they hold no references.
    /// </summary>
    /// <remarks>
    /// Nothing reads a container's array past its count, so a buffer of plain values need
    /// not be cleared first: for a merge's output, clearing tens of megabytes would cost as
    /// much as a fifth of the merge.
    /// </remarks>
    internal static T[] Allocate(int length) =>
        length == 0 ? [] : GC.AllocateUninitializedArray<T>(length);

    /// <summary>
    /// Returns a new array of at least <paramref name="capacity"/> items, and at least twice the length
    /// of <paramref name="items"/>, holding a copy of its first <paramref name="count"/> items.
    /// </summary>
    internal static T[] Grown(T[] items, int count, int capacity) =>
        Copied(items, count, Math.Max(capacity, (int)Math.Min(Array.MaxLength, 2L * items.Length)));

    /// <summary>
    /// Returns a new array of <paramref name="length"/> items holding a copy of the first
    /// <paramref name="count"/> items of <paramref name="items"/>.
    /// </summary>
    internal static T[] Copied(T[] items, int count, int length)
    {
        var copy = Allocate(length);
        items.AsSpan(0, count).CopyTo(copy);
        return copy;
    }
    #endregion

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void PushWithGrowth(T item)
    {
        EnsureCapacity(Math.Max(4, _count + 1));
        _items[_count++] = item;
    }
}
