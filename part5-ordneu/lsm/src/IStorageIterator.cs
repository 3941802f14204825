namespace Traces.Lsm;

/// <summary>
/// A cursor over sorted key-value entries: it stands on one entry at a time and moves forward with
/// <see cref="Next"/>.
/// </summary>
/// <remarks>
/// A new iterator already stands on its first entry (the first at or above its lower bound), or is invalid if
/// there is none. <see cref="Key"/>, <see cref="Value"/> and <see cref="Next"/> may be called only while
/// <see cref="IsValid"/> is <see langword="true"/>, and a <see cref="Next"/> that returns normally may still leave
/// the iterator invalid. Keys are never empty; an empty value is a tombstone (the key was deleted). Errors
/// surface as exceptions from <see cref="Next"/>; once an iterator has thrown, the layer above never touches it
/// again. Unlike <see cref="IEnumerator{T}"/>, nothing needs a first "move" call, and the key and value are
/// views over storage the iterator keeps alive, not copies.
/// </remarks>
#region contract
public interface IStorageIterator
{
    /// <summary>
    /// Gets the current key. Valid only while <see cref="IsValid"/> is <see langword="true"/>.
    /// </summary>
    ReadOnlyMemory<byte> Key { get; }

    /// <summary>
    /// Gets the current value; empty for a tombstone. Valid only while <see cref="IsValid"/>.
    /// </summary>
    ReadOnlyMemory<byte> Value { get; }

    /// <summary>Gets whether the iterator stands on an entry.</summary>
    bool IsValid { get; }

    /// <summary>Gets the number of leaf iterators still at work underneath this one.</summary>
    int NumActiveIterators => 1;

    /// <summary>Moves to the next entry; the iterator may be invalid afterwards.</summary>
    void Next();
}
#endregion
