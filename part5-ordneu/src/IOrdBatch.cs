namespace Traces.OrdNeu;

/// <summary>
/// A batch type that holds its columns in a storage and can be made from finished storage: what lets one builder
/// and one merger serve every layout of a batch kind.
/// </summary>
/// <typeparam name="TSelf">The batch type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TStorage">The storage of the batch kind: <see cref="OrdValStorage{TKey, TVal, TTime, TDiff, TKeys, TVals}"/> or <see cref="OrdKeyStorage{TKey, TTime, TDiff, TKeys}"/>.</typeparam>
public interface IOrdBatch<TSelf, TTime, TStorage> : IBatch<TSelf, TTime>
    where TSelf : class, IOrdBatch<TSelf, TTime, TStorage>
    where TTime : ILattice<TTime>
    where TStorage : class
{
    /// <summary>Gets the batch's columns.</summary>
    TStorage Storage { get; }

    /// <summary>Wraps finished storage in a batch.</summary>
    /// <param name="storage">The storage; the batch takes ownership.</param>
    /// <param name="description">The batch's description.</param>
    static abstract TSelf Create(TStorage storage, Description<TTime> description);
}
