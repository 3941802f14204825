using System.Runtime.CompilerServices;

namespace Traces.OrdNeu;

/// <summary>
/// A compact list of non-decreasing offsets: the boundaries between one layer of a batch and the next.
/// </summary>
/// <remarks>
/// <para>
/// Offsets are stored in three runs: a count of leading zeros (every offset list starts with one), then
/// 32-bit offsets, then 64-bit offsets. Once an offset exceeds <see cref="uint.MaxValue"/> it and every later
/// offset go to the 64-bit run, so a batch pays four bytes per offset until it is larger than four billion
/// updates, and eight only beyond.
/// </para>
/// </remarks>
public struct OffsetList : IBatchContainer<OffsetList, long>
{
    // How many offsets at the front are zero: counted, not stored.
    private int _zeroPrefix;
    // The offsets after the zero prefix, in 32 bits, up to the first above uint.MaxValue.
    private ArrayContainer<uint> _narrow;
    // Every offset from the first above uint.MaxValue on; empty until such an offset is pushed.
    private ArrayContainer<ulong> _wide;

    /// <summary>Initializes an empty list with room for <paramref name="capacity"/> 32-bit offsets.</summary>
    /// <param name="capacity">The initial capacity.</param>
    public OffsetList(int capacity)
    {
        _narrow = new ArrayContainer<uint>(capacity);
        _wide = new ArrayContainer<ulong>(0);
    }

    /// <inheritdoc />
    public readonly int Count => _zeroPrefix + _narrow.Count + _wide.Count;

    /// <summary>Gets the number of offsets stored as the leading-zero count.</summary>
    public readonly int ZeroPrefix => _zeroPrefix;

    /// <summary>Gets the number of offsets stored in 32 bits.</summary>
    public readonly int NarrowCount => _narrow.Count;

    /// <summary>Gets the number of offsets stored in 64 bits (those from the first one above <see cref="uint.MaxValue"/> on).</summary>
    public readonly int WideCount => _wide.Count;

    /// <summary>Gets the last offset.</summary>
    /// <exception cref="InvalidOperationException">The list is empty.</exception>
    public readonly long Last => Count > 0 ? Index(Count - 1) : throw new InvalidOperationException("The offset list is empty.");

    /// <inheritdoc />
    public static OffsetList WithCapacity(int capacity) => new(capacity);

    /// <inheritdoc />
    public static OffsetList MergeCapacity(in OffsetList first, in OffsetList second) => new(checked(first.Count + second.Count));

    #region offsets
    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <c>[0, Count)</c>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly long Index(int index)
    {
        // The common case first: a 32-bit offset. One unsigned comparison also
        // rules out the zero prefix.
        uint position = (uint)(index - _zeroPrefix);
        if (position < (uint)_narrow.Count)
        {
            return _narrow.Index((int)position);
        }

        return IndexUncommon(index);
    }

    // A zero of the prefix, a 64-bit offset, or an index outside [0, Count), which throws.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly long IndexUncommon(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            ThrowHelper.ThrowIndexOutOfRange();
        }

        return index < _zeroPrefix ? 0 : (long)_wide.Index(index - _zeroPrefix - _narrow.Count);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="item"/> is negative.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(long item)
    {
        // The common case first: a positive offset that fits in 32 bits. No 64-bit offset can come
        // before it: offsets never decrease, so after one above uint.MaxValue every offset is.
        if ((ulong)(item - 1) < uint.MaxValue)
        {
            _narrow.Push((uint)item);
        }
        else
        {
            PushUncommon(item);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void PushUncommon(long item)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(item);
        if (item == 0 && _narrow.Count == 0 && _wide.Count == 0)
        {
            _zeroPrefix++;
        }
        else if (item == 0 && _wide.Count == 0)
        {
            _narrow.Push(0);
        }
        else
        {
            _wide.Push((ulong)item);
        }
    }

    /// <summary>
    /// Appends a layer's end offset. The caller guarantees what <see cref="Push"/> tests: the list
    /// holds its leading zero and no 64-bit offset, and the offset is positive (an owner's items end
    /// past the start of an array), so it belongs in the 32-bit run.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void PushEnd(int offset) => _narrow.Push((uint)offset);
    #endregion

    /// <inheritdoc />
    public void TrimExcess()
    {
        _narrow.TrimExcess();
        _wide.TrimExcess();
    }

    /// <summary>
    /// Gets every offset after the first as a span, for a list that starts with one zero and holds no 64-bit
    /// offset: the shape of a layer's offsets, which index an array and whose owners each own at least one item.
    /// </summary>
    /// <exception cref="InvalidOperationException">The list has another shape.</exception>
    internal readonly ReadOnlySpan<uint> EndsAfterZero =>
        _zeroPrefix == 1 && _wide.Count == 0 ? _narrow.Items
        : throw new InvalidOperationException("Only a list of one zero and 32-bit offsets reads as a span.");

    /// <inheritdoc />
    public void PushFrom(in OffsetList source, int index) => Push(source.Index(index));

    /// <inheritdoc />
    public readonly int CompareAt(int index, long item) => Index(index).CompareTo(item);

    /// <inheritdoc />
    public readonly int CompareAt(int index, in OffsetList other, int otherIndex) => Index(index).CompareTo(other.Index(otherIndex));
}
