using System.Numerics;
using System.Runtime.CompilerServices;

namespace Traces.OrdNeu;

/// <summary>The columns of a key batch: keys and the <c>(time, diff)</c> updates of each key, linked by offsets.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <remarks>
/// The value batch without its value layer: a key-only collection's value is always <see cref="Unit"/>, so
/// storing it would cost an offset per key for nothing. Key <c>i</c> owns updates
/// <c>[KeysOffs[i], KeysOffs[i + 1])</c>, with the same singleton encoding as values in a value batch.
/// </remarks>
public sealed class OrdKeyStorage<TKey, TTime, TDiff, TKeys>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
{
    #region storage
    // Sorted, distinct keys.
    internal TKeys Keys;
    // Key i owns updates [KeysOffs[i], KeysOffs[i + 1]); equal offsets: the one just before.
    internal OffsetList KeysOffs;
    // (time, diff) pairs; each key's are sorted by time and consolidated.
    internal UpdateColumns<TTime, TDiff> Updates;
    #endregion

    internal OrdKeyStorage(int keys, int updates)
        : this(TKeys.WithCapacity(keys), new OffsetList(checked(keys + 1)), new UpdateColumns<TTime, TDiff>(updates))
    {
    }

    private OrdKeyStorage(TKeys keys, OffsetList keysOffs, UpdateColumns<TTime, TDiff> updates)
    {
        Keys = keys;
        KeysOffs = keysOffs;
        Updates = updates;
        KeysOffs.Push(0);
    }

    internal static OrdKeyStorage<TKey, TTime, TDiff, TKeys> MergeCapacity(OrdKeyStorage<TKey, TTime, TDiff, TKeys> first, OrdKeyStorage<TKey, TTime, TDiff, TKeys> second, bool advancing) =>
        new(TKeys.MergeCapacity(first.Keys, second.Keys),
            OffsetList.MergeCapacity(first.KeysOffs, second.KeysOffs),
            UpdateColumns<TTime, TDiff>.MergeCapacity(first.Updates, first.KeyCount, second.Updates, second.KeyCount, advancing));

    /// <summary>Releases the capacity a builder or merge reserved but did not use (e.g. times and diffs of a snapshot).</summary>
    internal void TrimExcess()
    {
        Keys.TrimExcess();
        KeysOffs.TrimExcess();
        Updates.TrimExcess();
    }

    /// <summary>Gets the number of distinct keys.</summary>
    public int KeyCount => Keys.Count;

    /// <summary>Gets the number of <c>(time, diff)</c> pairs stored; singleton-encoded updates are not stored again.</summary>
    public int StoredUpdateCount => Updates.Times.Count;

    /// <summary>Gets the number of logical updates, singletons included.</summary>
    public long UpdateCount => Updates.LogicalCount;

    /// <summary>Gets the number of keys whose single update is encoded as a repeat of the previous one.</summary>
    public long SingletonCount => Updates.Singletons;

    /// <summary>Returns the range of updates owned by key <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal (int Lower, int Upper) UpdatesFor(int key) => UpdateColumns<TTime, TDiff>.Range(KeysOffs, key);
}
