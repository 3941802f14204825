using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>
/// The part 5 key-only trace: a merge batcher in front of a fueled spine of
/// <see cref="OrdKeyBatch{TKey, TTime, TDiff}"/> batches, for collections of keys (values are <see cref="Unit"/>).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// The same flow as <see cref="OrdValTrace{TKey, TVal, TTime, TDiff}"/>, with batches that have no values layer:
/// each key owns its histories directly. See <see cref="SpineTrace{TBatch, TCursor, TKey, TVal, TTime, TDiff}"/>.
/// </remarks>
public sealed class OrdKeyTrace<TKey, TTime, TDiff>
    : SpineTrace<OrdKeyBatch<TKey, TTime, TDiff>, OrdKeyCursor<TKey, TTime, TDiff, ArrayContainer<TKey>>, TKey, Unit, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    /// <summary>Initializes an empty trace.</summary>
    /// <param name="effort">The spine's fuel multiplier, at least 1.</param>
    /// <param name="policy">Whether the spine's merges are fueled or run to completion at once.</param>
    /// <param name="sealThreshold">
    /// How many updates the batcher gathers before an <c>Add</c> seals them into a batch, at least 1 (1 seals
    /// whenever time moves); an eighth of a batcher chunk unless given.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="effort"/> or <paramref name="sealThreshold"/> is less than 1.
    /// </exception>
    public OrdKeyTrace(long effort = 1, SpineMergePolicy policy = SpineMergePolicy.Fueled, int? sealThreshold = null)
        : base(effort, policy, sealThreshold)
    {
    }

    private protected override OrdKeyBatch<TKey, TTime, TDiff> Seal(MergeBatcher<TKey, Unit, TTime, TDiff> batcher, Antichain<TTime> upper) =>
        batcher.Seal(upper, static (keys, _, updates) => OrdKeyBatch<TKey, TTime, TDiff>.CreateBuilder(keys, updates));

    private protected override CursorList<OrdKeyCursor<TKey, TTime, TDiff, ArrayContainer<TKey>>, TKey, Unit, TTime, TDiff> CreateCursorList(
        IReadOnlyList<OrdKeyBatch<TKey, TTime, TDiff>> batches) =>
        OrdKeyBatch<TKey, TTime, TDiff>.CreateCursorList(batches);
}
