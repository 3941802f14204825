using Traces.OrdNeu;

namespace Exercises.Ch06;

#region narrow-longs
/// <summary>
/// A container for <see cref="long"/> items that stores them in four bytes each until one does not
/// fit in an <see cref="int"/>, and from then on in eight.
/// </summary>
/// <remarks>
/// Unlike offsets, items are not sorted by position, so a wide item does not make every later one
/// wide: one wide item anywhere makes the whole column wide. The promotion copies what is stored
/// once, so a column pays for it at most once in its life, and a merge starts narrow again.
/// </remarks>
public struct NarrowLongContainer : IBatchContainer<NarrowLongContainer, long>
{
    // Items while every one fits in 32 bits; null once promoted.
    private int[]? _narrow;
    // Items after the first that did not fit; null until then.
    private long[]? _wide;
    private int _count;

    public NarrowLongContainer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _narrow = new int[capacity];
    }

    public readonly int Count => _count;

    /// <summary>Gets whether the items are stored in eight bytes each.</summary>
    public readonly bool IsWide => _wide is not null;

    /// <summary>Gets the bytes the items' array holds, spare room included.</summary>
    public readonly long ReservedBytes =>
        _wide is { } wide ? 8L * wide.Length : 4L * (_narrow?.Length ?? 0);

    public static NarrowLongContainer WithCapacity(int capacity) => new(capacity);

    public static NarrowLongContainer MergeCapacity(
        in NarrowLongContainer first, in NarrowLongContainer second) =>
        new(checked(first._count + second._count));

    public readonly long Index(int index)
    {
        if ((uint)index >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "No item there.");
        }

        return _wide is { } wide ? wide[index] : _narrow![index];
    }

    public void Push(long item)
    {
        if (_wide is null && item is >= int.MinValue and <= int.MaxValue)
        {
            _narrow ??= [];
            if (_count == _narrow.Length)
            {
                Array.Resize(ref _narrow, Math.Max(4, 2 * _count));
            }

            _narrow[_count++] = (int)item;
            return;
        }

        if (_wide is null)
        {
            // The first item that needs 64 bits: widen what is stored, once.
            var wide = new long[Math.Max(4, _narrow?.Length ?? 0)];
            for (int i = 0; i < _count; i++)
            {
                wide[i] = _narrow![i];
            }

            _wide = wide;
            _narrow = null;
        }

        if (_count == _wide.Length)
        {
            Array.Resize(ref _wide, 2 * _count);
        }

        _wide[_count++] = item;
    }

    public void PushFrom(in NarrowLongContainer source, int index) => Push(source.Index(index));

    public readonly int CompareAt(int index, long item) => Index(index).CompareTo(item);

    public readonly int CompareAt(int index, in NarrowLongContainer other, int otherIndex) =>
        Index(index).CompareTo(other.Index(otherIndex));

    public void TrimExcess()
    {
        if (_wide is not null && _wide.Length > 2 * _count)
        {
            Array.Resize(ref _wide, _count);
        }
        else if (_narrow is not null && _narrow.Length > 2 * _count)
        {
            Array.Resize(ref _narrow, _count);
        }
    }
}
#endregion
