namespace Traces.OrdNeu;

/// <summary>
/// An append-only column of items inside a batch: the storage a layout chooses for keys, values, times, diffs
/// or offsets.
/// </summary>
/// <typeparam name="TSelf">The implementing container, a struct.</typeparam>
/// <typeparam name="TItem">The item type the container reads and writes.</typeparam>
/// <remarks>
/// <para>
/// Containers are structs used as generic type arguments, so every call below compiles to a direct (usually
/// inlined) call: the hot loops of builders, merges and seeks never dispatch through an interface. A container
/// held in a field must be used in place (never copied and then pushed to), like any mutable struct.
/// </para>
/// <para>
/// Besides reading an item out with <see cref="Index"/>, a container compares and copies items in place
/// (<see cref="CompareAt(int, TItem)"/>, <see cref="CompareAt(int, in TSelf, int)"/>, <see cref="PushFrom"/>),
/// so a container that stores items in a packed form (for example <see cref="SliceContainer{TItem, TElement, TEncoding}"/>)
/// never has to materialize an item to merge or search it.
/// </para>
/// </remarks>
public interface IBatchContainer<TSelf, TItem>
    where TSelf : struct, IBatchContainer<TSelf, TItem>
{
    #region container
    /// <summary>Gets the number of items.</summary>
    int Count { get; }

    /// <summary>Returns the item at <paramref name="index"/>.</summary>
    /// <param name="index">A position in <c>[0, Count)</c>.</param>
    TItem Index(int index);

    /// <summary>Appends <paramref name="item"/>.</summary>
    /// <param name="item">The item.</param>
    void Push(TItem item);

    /// <summary>
    /// Appends a copy of the item at <paramref name="index"/> of <paramref name="source"/>.
    /// </summary>
    /// <param name="source">The container to copy from.</param>
    /// <param name="index">The position in <paramref name="source"/>.</param>
    void PushFrom(in TSelf source, int index);

    /// <summary>Compares the item at <paramref name="index"/> with <paramref name="item"/>.</summary>
    /// <param name="index">A position in <c>[0, Count)</c>.</param>
    /// <param name="item">The item to compare with.</param>
    /// <returns>
    /// Negative, zero or positive as the stored item is less than, equal to or greater
    /// than <paramref name="item"/>.
    /// </returns>
    int CompareAt(int index, TItem item);

    /// <summary>
    /// Compares the item at <paramref name="index"/> with the item at <paramref name="otherIndex"/> of
    /// <paramref name="other"/>.
    /// </summary>
    /// <param name="index">A position in this container.</param>
    /// <param name="other">Another container of the same kind.</param>
    /// <param name="otherIndex">A position in <paramref name="other"/>.</param>
    /// <returns>
    /// Negative, zero or positive as this item is less than, equal to or greater than the other.
    /// </returns>
    int CompareAt(int index, in TSelf other, int otherIndex);

    /// <summary>
    /// Releases spare capacity when it is a large share of the container (a builder or merge that
    /// reserved more than it wrote).
    /// </summary>
    void TrimExcess();

    /// <summary>Creates an empty container with room for <paramref name="capacity"/> items.</summary>
    /// <param name="capacity">The number of items to make room for.</param>
    static abstract TSelf WithCapacity(int capacity);

    /// <summary>
    /// Creates an empty container with room for everything <paramref name="first"/> and
    /// <paramref name="second"/> hold: the most a merge of the two can write.
    /// </summary>
    /// <param name="first">One merge input.</param>
    /// <param name="second">The other merge input.</param>
    static abstract TSelf MergeCapacity(in TSelf first, in TSelf second);
    #endregion
}
