using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>A value batch type that can be made from finished storage: what lets one builder and one merger serve every layout.</summary>
/// <typeparam name="TSelf">The batch type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <typeparam name="TVals">The container for values.</typeparam>
public interface IOrdValBatch<TSelf, TKey, TVal, TTime, TDiff, TKeys, TVals> : IBatch<TSelf, TTime>
    where TSelf : class, IOrdValBatch<TSelf, TKey, TVal, TTime, TDiff, TKeys, TVals>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
    where TVals : struct, IBatchContainer<TVals, TVal>
{
    /// <summary>Wraps finished storage in a batch.</summary>
    /// <param name="storage">The storage; the batch takes ownership.</param>
    /// <param name="description">The batch's description.</param>
    static abstract TSelf Create(OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> storage, Description<TTime> description);
}

/// <summary>A key batch type that can be made from finished storage: what lets one builder and one merger serve every layout.</summary>
/// <typeparam name="TSelf">The batch type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
public interface IOrdKeyBatch<TSelf, TKey, TTime, TDiff, TKeys> : IBatch<TSelf, TTime>
    where TSelf : class, IOrdKeyBatch<TSelf, TKey, TTime, TDiff, TKeys>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
{
    /// <summary>Wraps finished storage in a batch.</summary>
    /// <param name="storage">The storage; the batch takes ownership.</param>
    /// <param name="description">The batch's description.</param>
    static abstract TSelf Create(OrdKeyStorage<TKey, TTime, TDiff, TKeys> storage, Description<TTime> description);
}
