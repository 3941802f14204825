using System.Numerics;
using System.Runtime.CompilerServices;

namespace Traces.OrdNeu;

/// <summary>
/// The columns of a value batch: keys, the values of each key, and the <c>(time, diff)</c> updates of each
/// value, linked by offsets.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <typeparam name="TVals">The container for values.</typeparam>
/// <remarks>
/// <para>
/// Keys are sorted and distinct. Key <c>i</c> owns values <c>[KeysOffs[i], KeysOffs[i + 1])</c>, sorted.
/// Value <c>j</c> owns updates <c>[ValsOffs[j], ValsOffs[j + 1])</c>, sorted by time and consolidated, except
/// that equal offsets encode the singleton: the one update just before. Both offset lists start with zero
/// and are one longer than the layer they index, so no lookup needs a bounds test.
/// </para>
/// <para>Only builders and merges write a storage; once a batch holds it, it never changes.</para>
/// </remarks>
public sealed class OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
    where TVals : struct, IBatchContainer<TVals, TVal>
{
    #region storage
    // Sorted, distinct keys.
    internal TKeys Keys;
    // Starts at 0, one per key more: key i owns values [KeysOffs[i], KeysOffs[i + 1]).
    internal OffsetList KeysOffs;
    // Each key's values, sorted and distinct within the key.
    internal TVals Vals;
    // Value j owns updates [ValsOffs[j], ValsOffs[j + 1]); equal offsets: the one just before.
    internal OffsetList ValsOffs;
    // (time, diff) pairs; each value's are sorted by time and consolidated.
    internal UpdateColumns<TTime, TDiff> Updates;
    #endregion

    internal OrdValStorage(int keys, int vals, int updates)
        : this(TKeys.WithCapacity(keys), new OffsetList(checked(keys + 1)), TVals.WithCapacity(vals), new OffsetList(checked(vals + 1)), new UpdateColumns<TTime, TDiff>(updates))
    {
    }

    private OrdValStorage(TKeys keys, OffsetList keysOffs, TVals vals, OffsetList valsOffs, UpdateColumns<TTime, TDiff> updates)
    {
        Keys = keys;
        KeysOffs = keysOffs;
        Vals = vals;
        ValsOffs = valsOffs;
        Updates = updates;
        KeysOffs.Push(0);
        ValsOffs.Push(0);
    }

    internal static OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> MergeCapacity(
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> first, OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> second, bool advancing) =>
        new(TKeys.MergeCapacity(first.Keys, second.Keys),
            OffsetList.MergeCapacity(first.KeysOffs, second.KeysOffs),
            TVals.MergeCapacity(first.Vals, second.Vals),
            OffsetList.MergeCapacity(first.ValsOffs, second.ValsOffs),
            UpdateColumns<TTime, TDiff>.MergeCapacity(first.Updates, first.ValCount, second.Updates, second.ValCount, advancing));

    /// <summary>Releases the capacity a builder or merge reserved but did not use (e.g. times and diffs of a snapshot).</summary>
    internal void TrimExcess()
    {
        Keys.TrimExcess();
        KeysOffs.TrimExcess();
        Vals.TrimExcess();
        ValsOffs.TrimExcess();
        Updates.TrimExcess();
    }

    /// <summary>Gets the number of distinct keys.</summary>
    public int KeyCount => Keys.Count;

    /// <summary>Gets the number of <c>(key, value)</c> pairs.</summary>
    public int ValCount => Vals.Count;

    /// <summary>Gets the number of <c>(time, diff)</c> pairs stored; singleton-encoded updates are not stored again.</summary>
    public int StoredUpdateCount => Updates.Times.Count;

    /// <summary>Gets the number of logical updates, singletons included.</summary>
    public long UpdateCount => Updates.LogicalCount;

    /// <summary>Gets the number of values whose single update is encoded as a repeat of the previous one.</summary>
    public long SingletonCount => Updates.Singletons;

    /// <summary>Returns key <paramref name="index"/>; for inspection (the book draws the columns).</summary>
    /// <param name="index">A position in <c>[0, KeyCount)</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the keys.</exception>
    public TKey KeyAt(int index) => Keys.Index(Checked(index, KeyCount));

    /// <summary>Returns entry <paramref name="index"/> of the key offsets; for inspection (the book draws it).</summary>
    /// <param name="index">A position in <c>[0, KeyCount]</c>; key <c>i</c> owns entries <c>i</c> to <c>i + 1</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the offsets.</exception>
    public long KeyOffsetAt(int index) => KeysOffs.Index(Checked(index, KeyCount + 1));

    /// <summary>Returns value <paramref name="index"/>; for inspection (the book draws the columns).</summary>
    /// <param name="index">A position in <c>[0, ValCount)</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the values.</exception>
    public TVal ValAt(int index) => Vals.Index(Checked(index, ValCount));

    /// <summary>Returns entry <paramref name="index"/> of the value offsets; for inspection (the book draws it).</summary>
    /// <param name="index">A position in <c>[0, ValCount]</c>; an entry equal to the one before is a singleton.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the offsets.</exception>
    public long ValOffsetAt(int index) => ValsOffs.Index(Checked(index, ValCount + 1));

    /// <summary>Returns stored update <paramref name="index"/>; for inspection (the book draws the columns).</summary>
    /// <param name="index">A position in <c>[0, StoredUpdateCount)</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the stored updates.</exception>
    public (TTime Time, TDiff Diff) StoredUpdateAt(int index)
    {
        Checked(index, StoredUpdateCount);
        return (Updates.Times.Index(index), Updates.Diffs.Index(index));
    }

    private static int Checked(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)count, nameof(index));
        return index;
    }

    /// <summary>Returns the range of values owned by key <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal (int Lower, int Upper) ValsFor(int key) => ((int)KeysOffs.Index(key), (int)KeysOffs.Index(key + 1));

    /// <summary>Returns the range of updates owned by value <paramref name="val"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal (int Lower, int Upper) UpdatesFor(int val) => UpdateColumns<TTime, TDiff>.Range(ValsOffs, val);
}
