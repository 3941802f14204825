using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>
/// The shared implementation of key batches: an immutable, sorted, consolidated set of
/// <c>(key, (), time, diff)</c> updates in <see cref="OrdKeyStorage{TKey, TTime, TDiff, TKeys}"/>.
/// </summary>
/// <typeparam name="TSelf">The concrete batch type (a layout).</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <remarks>
/// As for <see cref="OrdValBatchBase{TSelf, TKey, TVal, TTime, TDiff, TKeys, TVals}"/>, concrete batches name
/// themselves as <typeparamref name="TSelf"/>: <see cref="OrdKeyBatch{TKey, TTime, TDiff}"/> keeps keys in an array,
/// <see cref="OrdKeyBatch{TKey, TTime, TDiff, TKeys}"/> takes the key container as an argument.
/// </remarks>
public abstract class OrdKeyBatchBase<TSelf, TKey, TTime, TDiff, TKeys> : IBatch<TSelf, TTime>
    where TSelf : OrdKeyBatchBase<TSelf, TKey, TTime, TDiff, TKeys>, IOrdBatch<TSelf, TTime, OrdKeyStorage<TKey, TTime, TDiff, TKeys>>
    where TKey : IComparable<TKey>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
{
    private protected OrdKeyBatchBase(OrdKeyStorage<TKey, TTime, TDiff, TKeys> storage, Description<TTime> description)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(description);
        Storage = storage;
        Description = description;
    }

    /// <inheritdoc />
    public Description<TTime> Description { get; }

    /// <summary>Gets the batch's columns.</summary>
    public OrdKeyStorage<TKey, TTime, TDiff, TKeys> Storage { get; }

    /// <inheritdoc />
    public long Count => Storage.UpdateCount;

    /// <summary>Gets whether the batch holds no updates.</summary>
    public bool IsEmpty => Count == 0;

    /// <inheritdoc />
    public static TSelf CreateEmpty(Description<TTime> description) =>
        TSelf.Create(new OrdKeyStorage<TKey, TTime, TDiff, TKeys>(0, 0), description);

    /// <inheritdoc />
    public static IMerger<TSelf, TTime> BeginMerge(TSelf older, TSelf newer, Antichain<TTime> frontier) =>
        new OrdKeyMerger<TSelf, TKey, TTime, TDiff, TKeys>(older, newer, frontier);

    /// <summary>Creates a builder with room for <paramref name="keys"/> distinct keys and <paramref name="updates"/> updates.</summary>
    /// <param name="keys">The number of distinct keys to expect.</param>
    /// <param name="updates">The number of updates to expect.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static OrdKeyBuilder<TSelf, TKey, TTime, TDiff, TKeys> CreateBuilder(int keys, int updates) => new(keys, updates);

    /// <summary>Creates a cursor positioned at the first key.</summary>
    public OrdKeyCursor<TKey, TTime, TDiff, TKeys> GetCursor() => new(Storage);

    /// <summary>Creates a cursor over all of <paramref name="batches"/> at once; see <see cref="CursorList{TCursor, TKey, TVal, TTime, TDiff}"/>.</summary>
    /// <param name="batches">The batches, e.g. a spine's, oldest first.</param>
    /// <exception cref="ArgumentNullException"><paramref name="batches"/> or one of its batches is <see langword="null"/>.</exception>
    public static CursorList<OrdKeyCursor<TKey, TTime, TDiff, TKeys>, TKey, Unit, TTime, TDiff> CreateCursorList(IReadOnlyList<TSelf> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var cursors = new OrdKeyCursor<TKey, TTime, TDiff, TKeys>[batches.Count];
        for (int i = 0; i < cursors.Length; i++)
        {
            TSelf batch = batches[i] ?? throw new ArgumentNullException(nameof(batches), $"Batch {i} is null.");
            cursors[i] = batch.GetCursor();
        }

        return new(cursors);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Count} updates, {Storage.KeyCount} keys, {Description}";
}

/// <summary>A key batch with the default layout: every column an array.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// Storage: sorted distinct keys, each owning a run of <c>(time, diff)</c> updates, linked by an
/// <see cref="OffsetList"/>, with the singleton encoding (see <see cref="OrdKeyStorage{TKey, TTime, TDiff, TKeys}"/>).
/// </remarks>
public sealed class OrdKeyBatch<TKey, TTime, TDiff>
    : OrdKeyBatchBase<OrdKeyBatch<TKey, TTime, TDiff>, TKey, TTime, TDiff, ArrayContainer<TKey>>,
      IOrdBatch<OrdKeyBatch<TKey, TTime, TDiff>, TTime, OrdKeyStorage<TKey, TTime, TDiff, ArrayContainer<TKey>>>
    where TKey : IComparable<TKey>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    private OrdKeyBatch(OrdKeyStorage<TKey, TTime, TDiff, ArrayContainer<TKey>> storage, Description<TTime> description)
        : base(storage, description)
    {
    }

    /// <inheritdoc />
    static OrdKeyBatch<TKey, TTime, TDiff> IOrdBatch<OrdKeyBatch<TKey, TTime, TDiff>, TTime, OrdKeyStorage<TKey, TTime, TDiff, ArrayContainer<TKey>>>.Create(
        OrdKeyStorage<TKey, TTime, TDiff, ArrayContainer<TKey>> storage, Description<TTime> description) => new(storage, description);
}

/// <summary>A key batch whose layout names the container for keys, e.g. a <see cref="SliceContainer{TItem, TElement, TEncoding}"/> for string keys.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
public sealed class OrdKeyBatch<TKey, TTime, TDiff, TKeys>
    : OrdKeyBatchBase<OrdKeyBatch<TKey, TTime, TDiff, TKeys>, TKey, TTime, TDiff, TKeys>,
      IOrdBatch<OrdKeyBatch<TKey, TTime, TDiff, TKeys>, TTime, OrdKeyStorage<TKey, TTime, TDiff, TKeys>>
    where TKey : IComparable<TKey>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
{
    private OrdKeyBatch(OrdKeyStorage<TKey, TTime, TDiff, TKeys> storage, Description<TTime> description)
        : base(storage, description)
    {
    }

    /// <inheritdoc />
    static OrdKeyBatch<TKey, TTime, TDiff, TKeys> IOrdBatch<OrdKeyBatch<TKey, TTime, TDiff, TKeys>, TTime, OrdKeyStorage<TKey, TTime, TDiff, TKeys>>.Create(
        OrdKeyStorage<TKey, TTime, TDiff, TKeys> storage, Description<TTime> description) => new(storage, description);
}
