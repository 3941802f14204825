using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>A fueled, compacting merge of two adjacent key batches.</summary>
/// <typeparam name="TBatch">The batch type (its layout).</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <remarks>
/// The value merger without the value layer: the keys are merged by <see cref="LayerMerge.Merge"/>, and each
/// key's updates are written through the output's update layer.
/// </remarks>
public sealed class OrdKeyMerger<TBatch, TKey, TTime, TDiff, TKeys>
    : OrdMerger<TBatch, TKey, TTime, TDiff, TKeys, OrdKeyStorage<TKey, TTime, TDiff, TKeys>>
    where TBatch : class, IOrdBatch<TBatch, TTime, OrdKeyStorage<TKey, TTime, TDiff, TKeys>>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
{
    internal OrdKeyMerger(TBatch older, TBatch newer, Antichain<TTime> frontier)
        : base(older, newer, frontier, OrdKeyStorage<TKey, TTime, TDiff, TKeys>.MergeCapacity)
    {
    }

    #region merge-keys
    /// <inheritdoc />
    private protected override void MergeKeys<TMode>(
        OrdKeyStorage<TKey, TTime, TDiff, TKeys> older,
        OrdKeyStorage<TKey, TTime, TDiff, TKeys> newer, TMode mode, long limit)
    {
        // What a key owns: its updates.
        var updates = new UpdatesOwned<TTime, TDiff, TMode>(
            _result.Updates, older.Updates, newer.Updates, mode);
        LayerMerge.Merge<TKey, TKeys, UpdatesOwned<TTime, TDiff, TMode>>(
            ref _result.Keys, older.Keys, ref _position1, older.KeyCount,
            newer.Keys, ref _position2, newer.KeyCount, updates, limit);
    }
    #endregion
}
