using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>A fueled, compacting merge of two adjacent value batches.</summary>
/// <typeparam name="TBatch">The batch type (its layout).</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <typeparam name="TVals">The container for values.</typeparam>
/// <remarks>
/// Three layers, two loops: the keys and, below a key found in both inputs, its values are merged by the same
/// <see cref="LayerMerge.Merge"/>; each value's updates are written through the output's update layer.
/// </remarks>
public sealed class OrdValMerger<TBatch, TKey, TVal, TTime, TDiff, TKeys, TVals>
    : OrdMerger<TBatch, TKey, TTime, TDiff, TKeys, OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals>>
    where TBatch : class, IOrdBatch<TBatch, TTime, OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals>>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
    where TVals : struct, IBatchContainer<TVals, TVal>
{
    internal OrdValMerger(TBatch older, TBatch newer, Antichain<TTime> frontier)
        : base(older, newer, frontier, OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals>.MergeCapacity)
    {
    }

    #region merge-keys
    /// <inheritdoc />
    private protected override void MergeKeys<TMode>(
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> older,
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> newer, TMode mode, long limit)
    {
        // What a key owns: its values, each owning its updates.
        var updates = new UpdatesOwned<TTime, TDiff, TMode>(
            _result.Updates, older.Updates, newer.Updates, mode);
        var values = new ValuesOwned<TVal, TVals, TTime, TDiff, TMode>(
            _result.Vals, older.Vals, newer.Vals, updates);
        LayerMerge.Merge<TKey, TKeys, ValuesOwned<TVal, TVals, TTime, TDiff, TMode>>(
            ref _result.Keys, older.Keys, ref _position1, older.KeyCount,
            newer.Keys, ref _position2, newer.KeyCount, values, limit);
    }
    #endregion
}
