using System.Runtime.CompilerServices;

namespace Traces.OrdNeu;

/// <summary>The middle layer of a value batch: the values of every key, and the offsets that divide them among the keys.</summary>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TVals">The container for values.</typeparam>
/// <remarks>
/// Key <c>i</c> owns the values <c>[offset i, offset i + 1)</c>, sorted and distinct. A key owns at least one
/// value (a key none of whose values survives is not written), so offsets strictly increase.
/// </remarks>
internal sealed class ValueLayer<TVal, TVals>
    where TVals : struct, IBatchContainer<TVals, TVal>
{
    #region value-layer
    // Each key's values, sorted and distinct within the key; used in place (a mutable struct).
    internal TVals Items;
    // Starts at 0, one entry per key more: key i owns the values [entry i, entry i + 1).
    private OffsetList _offsets;
    #endregion

    /// <summary>Initializes an empty layer with room for <paramref name="keys"/> keys and <paramref name="vals"/> values.</summary>
    public ValueLayer(int keys, int vals)
        : this(new OffsetList(checked(keys + 1)), TVals.WithCapacity(vals))
    {
    }

    private ValueLayer(OffsetList offsets, TVals items)
    {
        _offsets = offsets;
        _offsets.Push(0);
        Items = items;
    }

    /// <summary>Gets the number of values written.</summary>
    public int Count => Items.Count;

    /// <summary>Returns offset entry <paramref name="index"/>, in <c>[0, keys]</c>.</summary>
    public long OffsetAt(int index) => _offsets.Index(index);

    /// <summary>Gets a view of the layer through spans, which a merge opens once per call to read an input.</summary>
    public ValueView<TVal, TVals> View => new(_offsets.EndsAfterZero, Items);

    /// <summary>
    /// Ends the key whose values were written from value <paramref name="start"/> on; returns
    /// <see langword="false"/>, having written nothing, if none was (all its values cancelled, so the key goes too).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool EndOwner(int start)
    {
        if (Items.Count == start)
        {
            return false;
        }

        _offsets.PushEnd(Items.Count);
        return true;
    }

    /// <summary>Returns an empty layer with room for everything <paramref name="first"/> and <paramref name="second"/> hold.</summary>
    public static ValueLayer<TVal, TVals> MergeCapacity(ValueLayer<TVal, TVals> first, ValueLayer<TVal, TVals> second) =>
        new(OffsetList.MergeCapacity(first._offsets, second._offsets), TVals.MergeCapacity(first.Items, second.Items));

    /// <summary>Releases spare capacity reserved by a builder or merge.</summary>
    public void TrimExcess()
    {
        Items.TrimExcess();
        _offsets.TrimExcess();
    }
}

/// <summary>A view of a <see cref="ValueLayer{TVal, TVals}"/> through a span of its offsets, which a merge opens once per call to read an input.</summary>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TVals">The container for values.</typeparam>
internal readonly ref struct ValueView<TVal, TVals>
    where TVals : struct, IBatchContainer<TVals, TVal>
{
    // The layer's offsets after its leading zero: key i's values end at entry i and start at entry i - 1 (or 0).
    private readonly ReadOnlySpan<uint> _ends;

    /// <summary>Initializes a view over the given columns.</summary>
    public ValueView(ReadOnlySpan<uint> ends, TVals items)
    {
        _ends = ends;
        Items = items;
    }

    /// <summary>Gets the values (a copy of the container, which shares its storage).</summary>
    public readonly TVals Items;

    /// <summary>Returns the range of values owned by key <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (int Lower, int Upper) Range(int key) => (key == 0 ? 0 : (int)_ends[key - 1], (int)_ends[key]);
}
