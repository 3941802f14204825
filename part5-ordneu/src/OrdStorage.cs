using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>What the storage of both batch kinds holds: sorted, distinct keys on top and the update layer at the bottom.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <remarks>Only builders and merges write a storage; once a batch holds it, it never changes.</remarks>
public abstract class OrdStorage<TKey, TTime, TDiff, TKeys>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
{
    #region storage
    // Sorted, distinct keys; used in place (a mutable struct).
    internal TKeys Keys;
    // The (time, diff) updates of each value (value batch) or key (key batch), with their offsets.
    internal readonly UpdateLayer<TTime, TDiff> Updates;
    #endregion

    private protected OrdStorage(TKeys keys, UpdateLayer<TTime, TDiff> updates)
    {
        Keys = keys;
        Updates = updates;
    }

    /// <summary>Gets the number of distinct keys.</summary>
    public int KeyCount => Keys.Count;

    /// <summary>Gets the number of <c>(time, diff)</c> pairs stored; singleton-encoded updates are not stored again.</summary>
    public int StoredUpdateCount => Updates.StoredCount;

    /// <summary>Gets the number of logical updates, singletons included.</summary>
    public long UpdateCount => Updates.LogicalCount;

    /// <summary>Gets the number of owners whose single update is encoded as a repeat of the previous one.</summary>
    public long SingletonCount => Updates.Singletons;

    /// <summary>Returns key <paramref name="index"/>; for inspection (the book draws the columns).</summary>
    /// <param name="index">A position in <c>[0, KeyCount)</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the keys.</exception>
    public TKey KeyAt(int index) => Keys.Index(Checked(index, KeyCount));

    /// <summary>Returns stored update <paramref name="index"/>; for inspection (the book draws the columns).</summary>
    /// <param name="index">A position in <c>[0, StoredUpdateCount)</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the stored updates.</exception>
    public (TTime Time, TDiff Diff) StoredUpdateAt(int index)
    {
        Checked(index, StoredUpdateCount);
        return (Updates.Times[index], Updates.Diffs[index]);
    }

    /// <summary>Returns <paramref name="index"/> if it lies in <c>[0, count)</c>; throws otherwise.</summary>
    private protected static int Checked(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)count, nameof(index));
        return index;
    }

    /// <summary>Releases the capacity a builder or merge reserved but did not use (e.g. times and diffs of a snapshot).</summary>
    internal virtual void TrimExcess()
    {
        Keys.TrimExcess();
        Updates.TrimExcess();
    }
}
