using System.Numerics;
using System.Runtime.CompilerServices;

namespace Traces.OrdNeu;

/// <summary>Reads one value batch's layers through spans, for the merge's copying loop.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <typeparam name="TVals">The container for values.</typeparam>
internal readonly ref struct OrdValReader<TKey, TVal, TTime, TDiff, TKeys, TVals>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
    where TVals : struct, IBatchContainer<TVals, TVal>
{
    public readonly TKeys Keys;
    public readonly OffsetReader KeysOffs;
    public readonly TVals Vals;
    public readonly UpdateReader<TTime, TDiff> Updates;

    private OrdValReader(TKeys keys, OffsetReader keysOffs, TVals vals, UpdateReader<TTime, TDiff> updates)
    {
        Keys = keys;
        KeysOffs = keysOffs;
        Vals = vals;
        Updates = updates;
    }

    /// <summary>Returns a reader over <paramref name="storage"/>, unless its offsets have an unusual shape.</summary>
    public static bool TryOpen(OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> storage, out OrdValReader<TKey, TVal, TTime, TDiff, TKeys, TVals> reader)
    {
        bool usual = OffsetReader.TryOpen(storage.KeysOffs, out var keysOffs) & UpdateReader<TTime, TDiff>.TryOpen(storage.Updates, storage.ValsOffs, out var updates);
        reader = usual ? new(storage.Keys, keysOffs, storage.Vals, updates) : default;
        return usual;
    }
}

/// <summary>
/// Writes a value batch's layers with every count in a field of the writer, for the merge's copying loop: the
/// merge of two batches whose times need no advancing.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <typeparam name="TVals">The container for values.</typeparam>
/// <remarks>
/// The writer works on copies of the storage's containers; <see cref="Close"/> hands them back. Until then the
/// storage is unchanged, so a comparison that throws part way leaves the merge as it was before the call.
/// </remarks>
internal struct OrdValWriter<TKey, TVal, TTime, TDiff, TKeys, TVals>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
    where TVals : struct, IBatchContainer<TVals, TVal>
{
    public UpdateWriter<TTime, TDiff> Updates;
    private TKeys _keys;
    private OffsetWriter _keysOffs;
    private TVals _vals;

    /// <summary>Starts writing after what <paramref name="storage"/> holds.</summary>
    public OrdValWriter(OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> storage)
    {
        Updates = new UpdateWriter<TTime, TDiff>(storage.Updates, storage.ValsOffs);
        _keys = storage.Keys;
        _keysOffs = new OffsetWriter(storage.KeysOffs);
        _vals = storage.Vals;
    }

    /// <summary>Hands everything written back to <paramref name="storage"/>.</summary>
    public readonly void Close(OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> storage)
    {
        Updates.Close(ref storage.Updates, ref storage.ValsOffs);
        storage.Keys = _keys;
        _keysOffs.Close(ref storage.KeysOffs);
        storage.Vals = _vals;
    }

    #region copy-key-spans
    /// <summary>
    /// Copies <paramref name="key"/> of <paramref name="source"/> with its values and updates.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CopyKey(in OrdValReader<TKey, TVal, TTime, TDiff, TKeys, TVals> source, int key)
    {
        CopyVals(source, source.KeysOffs.Start(key), source.KeysOffs.End(key));
        _keys.PushFrom(source.Keys, key);
        _keysOffs.Push(Updates.Offsets.Owners);
    }

    /// <summary>
    /// Copies value <paramref name="val"/> of <paramref name="source"/> with its updates.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CopyVal(in OrdValReader<TKey, TVal, TTime, TDiff, TKeys, TVals> source, int val)
    {
        Updates.CopyOwner(source.Updates, val);
        _vals.PushFrom(source.Vals, val);
    }

    /// <summary>
    /// Copies the values <c>[lower, upper)</c> of <paramref name="source"/> with their updates.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CopyVals(in OrdValReader<TKey, TVal, TTime, TDiff, TKeys, TVals> source,
        int lower, int upper)
    {
        if (upper - lower == 1)
        {
            // The common case of one value, kept out of the bulk copy's call.
            CopyVal(source, lower);
            return;
        }

        Updates.CopyOwners(source.Updates, lower, upper);
        for (int val = lower; val < upper; val++)
        {
            _vals.PushFrom(source.Vals, val);
        }
    }
    #endregion

    /// <summary>Merges <paramref name="key1"/> of <paramref name="first"/> with the equal <paramref name="key2"/> of <paramref name="second"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MergeKey(in OrdValReader<TKey, TVal, TTime, TDiff, TKeys, TVals> first, int key1, in OrdValReader<TKey, TVal, TTime, TDiff, TKeys, TVals> second, int key2)
    {
        int valsBefore = Updates.Offsets.Owners;
        int lower1 = first.KeysOffs.Start(key1);
        int upper1 = first.KeysOffs.End(key1);
        int lower2 = second.KeysOffs.Start(key2);
        int upper2 = second.KeysOffs.End(key2);
        if (upper1 - lower1 == 1 && upper2 - lower2 == 1)
        {
            MergeOneValueEach(first, lower1, second, lower2);
        }
        else
        {
            MergeVals(first, lower1, upper1, second, lower2, upper2);
        }

        // Nothing written means every value cancelled: the key goes too.
        if (Updates.Offsets.Owners > valsBefore)
        {
            _keys.PushFrom(first.Keys, key1);
            _keysOffs.Push(Updates.Offsets.Owners);
        }
    }

    /// <summary>
    /// Merges a key that has one value on each side, the common case (a key updated once per batch), without the
    /// general loop's bookkeeping: the two values are written in order, or merged when they are equal.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MergeOneValueEach(in OrdValReader<TKey, TVal, TTime, TDiff, TKeys, TVals> first, int val1, in OrdValReader<TKey, TVal, TTime, TDiff, TKeys, TVals> second, int val2)
    {
        int order = first.Vals.CompareAt(val1, second.Vals, val2);
        if (order < 0)
        {
            CopyVal(first, val1);
            CopyVal(second, val2);
        }
        else if (order > 0)
        {
            CopyVal(second, val2);
            CopyVal(first, val1);
        }
        else
        {
            MergeVal(first, val1, second, val2);
        }
    }

    /// <summary>Merges the values <c>[lower1, upper1)</c> of <paramref name="first"/> with <c>[lower2, upper2)</c> of <paramref name="second"/>.</summary>
    /// <remarks>Not inlined, so that the common case above does not pay for this loop's frame.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MergeVals(
        in OrdValReader<TKey, TVal, TTime, TDiff, TKeys, TVals> first, int lower1, int upper1,
        in OrdValReader<TKey, TVal, TTime, TDiff, TKeys, TVals> second, int lower2, int upper2)
    {
        while (lower1 < upper1 && lower2 < upper2)
        {
            int order = first.Vals.CompareAt(lower1, second.Vals, lower2);
            if (order < 0)
            {
                CopyVal(first, lower1++);
            }
            else if (order > 0)
            {
                CopyVal(second, lower2++);
            }
            else
            {
                MergeVal(first, lower1++, second, lower2++);
            }
        }

        if (lower1 < upper1)
        {
            CopyVals(first, lower1, upper1);
        }

        if (lower2 < upper2)
        {
            CopyVals(second, lower2, upper2);
        }
    }

    /// <summary>Merges the updates of two equal values and writes the value, unless its updates cancel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MergeVal(in OrdValReader<TKey, TVal, TTime, TDiff, TKeys, TVals> first, int val1, in OrdValReader<TKey, TVal, TTime, TDiff, TKeys, TVals> second, int val2)
    {
        if (Updates.MergeOwners(first.Updates, val1, second.Updates, val2))
        {
            _vals.PushFrom(first.Vals, val1);
        }
    }
}
