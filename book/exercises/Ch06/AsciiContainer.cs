using System.Text;
using Traces.OrdNeu;

namespace Exercises.Ch06;

#region ascii-container
/// <summary>
/// A key container for strings of ASCII characters: one byte per character, all items back to back
/// in one array, and an offset list marking where each ends.
/// </summary>
/// <remarks>
/// An ASCII character's byte is its UTF-16 code unit, so comparing bytes is ordinal string order:
/// the container sorts exactly as <c>Ordering.Compare</c> does, which the builder and the merge
/// rely on. A string with any other character is refused, before anything is written.
/// </remarks>
public struct AsciiContainer : IBatchContainer<AsciiContainer, string>
{
    // Every item's bytes back to back, in item order.
    private ArrayContainer<byte> _bytes;
    // Count + 1 offsets from 0: item i is the bytes in [_bounds[i], _bounds[i + 1]).
    private OffsetList _bounds;

    public AsciiContainer(int items, int bytes)
    {
        _bytes = new ArrayContainer<byte>(bytes);
        _bounds = new OffsetList(checked(items + 1));
        _bounds.Push(0);
    }

    public readonly int Count => _bounds.Count - 1;

    public static AsciiContainer WithCapacity(int capacity) => new(capacity, capacity);

    public static AsciiContainer MergeCapacity(in AsciiContainer first, in AsciiContainer second) =>
        new(checked(first.Count + second.Count), checked(first._bytes.Count + second._bytes.Count));

    public readonly ReadOnlySpan<byte> Slice(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "No item there.");
        }

        return _bytes.Items[(int)_bounds.Index(index)..(int)_bounds.Index(index + 1)];
    }

    public readonly int CompareAt(int index, string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var bytes = Slice(index);
        int common = Math.Min(bytes.Length, item.Length);
        for (int i = 0; i < common; i++)
        {
            // A byte is the character's code unit: the same comparison string.CompareOrdinal makes.
            int byChar = bytes[i] - item[i];
            if (byChar != 0)
            {
                return byChar;
            }
        }

        return bytes.Length - item.Length;
    }

    public readonly int CompareAt(int index, in AsciiContainer other, int otherIndex) =>
        Slice(index).SequenceCompareTo(other.Slice(otherIndex));

    public readonly string Index(int index) => Encoding.ASCII.GetString(Slice(index));

    public void Push(string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!Ascii.IsValid(item))
        {
            throw new ArgumentException($"'{item}' is not ASCII.", nameof(item));
        }

        int start = _bytes.Count;
        _bytes.EnsureCapacity(start + item.Length);
        foreach (char c in item)
        {
            _bytes.Push((byte)c);
        }

        _bounds.Push(_bytes.Count);
    }

    public void PushFrom(in AsciiContainer source, int index)
    {
        _bytes.PushRange(source.Slice(index));
        _bounds.Push(_bytes.Count);
    }

    public void TrimExcess()
    {
        _bytes.TrimExcess();
        _bounds.TrimExcess();
    }
}
#endregion
