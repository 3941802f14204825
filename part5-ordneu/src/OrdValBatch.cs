using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>
/// The shared implementation of value batches: an immutable, sorted, consolidated set of
/// <c>(key, val, time, diff)</c> updates in <see cref="OrdValStorage{TKey, TVal, TTime, TDiff, TKeys, TVals}"/>.
/// </summary>
/// <typeparam name="TSelf">The concrete batch type (a layout).</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <typeparam name="TVals">The container for values.</typeparam>
/// <remarks>
/// C# has no associated types, so a layout (the containers a batch uses) is spelled as generic arguments.
/// Concrete batches derive from this class naming themselves as <typeparamref name="TSelf"/>, so the static
/// members of <see cref="IBatch{TBatch, TTime}"/> return the concrete type: <see cref="OrdValBatch{TKey, TVal, TTime, TDiff}"/>
/// uses arrays for everything, <see cref="OrdValBatch{TKey, TVal, TTime, TDiff, TKeys, TVals}"/> takes the containers
/// for keys and values as arguments.
/// </remarks>
public abstract class OrdValBatchBase<TSelf, TKey, TVal, TTime, TDiff, TKeys, TVals> : IBatch<TSelf, TTime>
    where TSelf : OrdValBatchBase<TSelf, TKey, TVal, TTime, TDiff, TKeys, TVals>, IOrdBatch<TSelf, TTime, OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals>>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
    where TVals : struct, IBatchContainer<TVals, TVal>
{
    private protected OrdValBatchBase(OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> storage, Description<TTime> description)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(description);
        Storage = storage;
        Description = description;
    }

    /// <inheritdoc />
    public Description<TTime> Description { get; }

    /// <summary>Gets the batch's columns.</summary>
    public OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> Storage { get; }

    /// <inheritdoc />
    public long Count => Storage.UpdateCount;

    /// <summary>Gets whether the batch holds no updates.</summary>
    public bool IsEmpty => Count == 0;

    #region statics
    /// <inheritdoc />
    public static TSelf CreateEmpty(Description<TTime> description) =>
        TSelf.Create(new OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals>(0, 0, 0), description);

    /// <inheritdoc />
    public static IMerger<TSelf, TTime> BeginMerge(
        TSelf older, TSelf newer, Antichain<TTime> frontier) =>
        new OrdValMerger<TSelf, TKey, TVal, TTime, TDiff, TKeys, TVals>(older, newer, frontier);

    #endregion

    /// <summary>
    /// Creates a builder with room for <paramref name="keys"/> distinct keys, <paramref name="vals"/>
    /// <c>(key, val)</c> pairs and <paramref name="updates"/> updates.
    /// </summary>
    /// <param name="keys">The number of distinct keys to expect.</param>
    /// <param name="vals">The number of distinct <c>(key, val)</c> pairs to expect.</param>
    /// <param name="updates">The number of updates to expect.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static OrdValBuilder<TSelf, TKey, TVal, TTime, TDiff, TKeys, TVals> CreateBuilder(int keys, int vals, int updates) =>
        new(keys, vals, updates);

    /// <summary>Creates a cursor positioned at the first key.</summary>
    public OrdValCursor<TKey, TVal, TTime, TDiff, TKeys, TVals> GetCursor() => new(Storage);

    /// <summary>Creates a cursor over all of <paramref name="batches"/> at once; see <see cref="CursorList{TCursor, TKey, TVal, TTime, TDiff}"/>.</summary>
    /// <param name="batches">The batches, e.g. a spine's, oldest first.</param>
    /// <exception cref="ArgumentNullException"><paramref name="batches"/> or one of its batches is <see langword="null"/>.</exception>
    public static CursorList<OrdValCursor<TKey, TVal, TTime, TDiff, TKeys, TVals>, TKey, TVal, TTime, TDiff> CreateCursorList(IReadOnlyList<TSelf> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var cursors = new OrdValCursor<TKey, TVal, TTime, TDiff, TKeys, TVals>[batches.Count];
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

#region layouts
/// <summary>A value batch with the default layout: every column an array.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// Storage: sorted distinct keys, each owning a run of sorted values, each owning a run of
/// <c>(time, diff)</c> updates, linked by <see cref="OffsetList"/>s, with the singleton
/// encoding (see <see cref="OrdValStorage{TKey, TVal, TTime, TDiff, TKeys, TVals}"/>).
/// Built by <c>CreateBuilder</c>, merged by <c>BeginMerge</c>, read through
/// <c>GetCursor</c> or <c>CreateCursorList</c>.
/// </remarks>
public sealed class OrdValBatch<TKey, TVal, TTime, TDiff>
    : OrdValBatchBase<OrdValBatch<TKey, TVal, TTime, TDiff>,
        TKey, TVal, TTime, TDiff, ArrayContainer<TKey>, ArrayContainer<TVal>>,
      IOrdBatch<OrdValBatch<TKey, TVal, TTime, TDiff>, TTime,
        OrdValStorage<TKey, TVal, TTime, TDiff, ArrayContainer<TKey>, ArrayContainer<TVal>>>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IEqualityOperators<TDiff, TDiff, bool>
{
    private OrdValBatch(
        OrdValStorage<TKey, TVal, TTime, TDiff, ArrayContainer<TKey>, ArrayContainer<TVal>> storage,
        Description<TTime> description)
        : base(storage, description)
    {
    }

    /// <inheritdoc />
    static OrdValBatch<TKey, TVal, TTime, TDiff>
        IOrdBatch<OrdValBatch<TKey, TVal, TTime, TDiff>, TTime,
            OrdValStorage<TKey, TVal, TTime, TDiff,
                ArrayContainer<TKey>, ArrayContainer<TVal>>>.Create(
        OrdValStorage<TKey, TVal, TTime, TDiff, ArrayContainer<TKey>, ArrayContainer<TVal>> storage,
        Description<TTime> description) =>
        new(storage, description);
}

/// <summary>
/// A value batch whose layout names the containers for keys and values, e.g. a
/// <see cref="SliceContainer{TItem, TElement, TEncoding}"/> for string keys.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <typeparam name="TVals">The container for values.</typeparam>
/// <remarks>
/// Times and diffs are arrays and offsets are <see cref="OffsetList"/>s in every layout.
/// </remarks>
public sealed class OrdValBatch<TKey, TVal, TTime, TDiff, TKeys, TVals>
    : OrdValBatchBase<OrdValBatch<TKey, TVal, TTime, TDiff, TKeys, TVals>,
        TKey, TVal, TTime, TDiff, TKeys, TVals>,
      IOrdBatch<OrdValBatch<TKey, TVal, TTime, TDiff, TKeys, TVals>, TTime,
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals>>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
    where TVals : struct, IBatchContainer<TVals, TVal>
{
    private OrdValBatch(
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> storage,
        Description<TTime> description)
        : base(storage, description)
    {
    }

    /// <inheritdoc />
    static OrdValBatch<TKey, TVal, TTime, TDiff, TKeys, TVals>
        IOrdBatch<OrdValBatch<TKey, TVal, TTime, TDiff, TKeys, TVals>, TTime,
            OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals>>.Create(
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> storage,
        Description<TTime> description) =>
        new(storage, description);
}
#endregion
