using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>
/// The part 5 trace: a merge batcher in front of a fueled spine of <see cref="OrdValBatch{TKey, TVal, TTime, TDiff}"/>
/// batches.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// Added updates are sorted and consolidated by the batcher, sealed into ord-neu batches (keys, values and
/// histories in flat layers with offset lists) and merged in the spine a bounded amount per insert, with times
/// advanced by the compaction frontier as they merge. See <see cref="SpineTrace{TBatch, TCursor, TKey, TVal, TTime,
/// TDiff}"/> for how updates flow.
/// </remarks>
public sealed class OrdValTrace<TKey, TVal, TTime, TDiff>
    : SpineTrace<OrdValBatch<TKey, TVal, TTime, TDiff>, OrdValCursor<TKey, TVal, TTime, TDiff, ArrayContainer<TKey>, ArrayContainer<TVal>>, TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
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
    public OrdValTrace(long effort = 1, SpineMergePolicy policy = SpineMergePolicy.Fueled, int? sealThreshold = null)
        : base(effort, policy, sealThreshold)
    {
    }

    #region seal
    private protected override OrdValBatch<TKey, TVal, TTime, TDiff> Seal(
        MergeBatcher<TKey, TVal, TTime, TDiff> batcher, Antichain<TTime> upper) =>
        batcher.Seal(upper, static (keys, vals, updates) =>
            OrdValBatch<TKey, TVal, TTime, TDiff>.CreateBuilder(keys, vals, updates));
    #endregion

    private protected override CursorList<OrdValCursor<TKey, TVal, TTime, TDiff, ArrayContainer<TKey>, ArrayContainer<TVal>>, TKey, TVal, TTime, TDiff> CreateCursorList(
        IReadOnlyList<OrdValBatch<TKey, TVal, TTime, TDiff>> batches) =>
        OrdValBatch<TKey, TVal, TTime, TDiff>.CreateCursorList(batches);
}

#region layout-trace
/// <summary>
/// The part 5 trace with a layout of its own: keys and values in the containers it names, e.g.
/// <see cref="SliceContainer{TItem, TElement, TEncoding}"/>s that store strings back to back.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <typeparam name="TVals">The container for values.</typeparam>
/// <remarks>
/// Everything but the batches' key and value columns is <see cref="OrdValTrace{TKey, TVal, TTime, TDiff}"/>: the
/// same batcher, spine, cursors and checks (a <see langword="null"/> key or value is refused by <c>Add</c> before
/// any container sees it). <see cref="OrdStringTrace{TTime, TDiff}"/> names the layout for strings.
/// </remarks>
public class OrdValTrace<TKey, TVal, TTime, TDiff, TKeys, TVals>
    : SpineTrace<OrdValBatch<TKey, TVal, TTime, TDiff, TKeys, TVals>,
        OrdValCursor<TKey, TVal, TTime, TDiff, TKeys, TVals>, TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
    where TVals : struct, IBatchContainer<TVals, TVal>
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
    public OrdValTrace(
        long effort = 1,
        SpineMergePolicy policy = SpineMergePolicy.Fueled,
        int? sealThreshold = null)
        : base(effort, policy, sealThreshold)
    {
    }

    private protected sealed override OrdValBatch<TKey, TVal, TTime, TDiff, TKeys, TVals> Seal(
        MergeBatcher<TKey, TVal, TTime, TDiff> batcher, Antichain<TTime> upper) =>
        batcher.Seal(upper, static (keys, vals, updates) =>
            OrdValBatch<TKey, TVal, TTime, TDiff, TKeys, TVals>.CreateBuilder(keys, vals, updates));

    private protected sealed override CursorList<
        OrdValCursor<TKey, TVal, TTime, TDiff, TKeys, TVals>, TKey, TVal, TTime, TDiff>
        CreateCursorList(
        IReadOnlyList<OrdValBatch<TKey, TVal, TTime, TDiff, TKeys, TVals>> batches) =>
        OrdValBatch<TKey, TVal, TTime, TDiff, TKeys, TVals>.CreateCursorList(batches);
}
#endregion

#region string-trace
/// <summary>
/// The part 5 trace for string keys and string values, both stored flat: each batch keeps its keys' bytes back
/// to back in one array, and its values' in another, one byte for each ASCII character.
/// </summary>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// A sealed string costs its <see cref="Cesu8"/> bytes (one for an ASCII character, two up to <c>U+07FF</c>,
/// three above) and a 4-byte bound instead of an object and a reference. Those bytes compare as the strings do
/// ordinally, so strings compare as byte spans, in place; a string is decoded only when a reader asks for one (a
/// cursor's <c>Key</c> or <c>Val</c>, <c>Get</c>, <c>Keys</c>). With <see cref="StringSlices"/> in place of
/// <see cref="Cesu8StringSlices"/>, the layout-generic trace stores the UTF-16 characters instead.
/// </remarks>
public sealed class OrdStringTrace<TTime, TDiff>
    : OrdValTrace<string, string, TTime, TDiff,
        SliceContainer<string, byte, Cesu8StringSlices>,
        SliceContainer<string, byte, Cesu8StringSlices>>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    /// <summary>Initializes an empty trace.</summary>
    /// <param name="effort">The spine's fuel multiplier, at least 1.</param>
    /// <param name="policy">Whether the spine's merges are fueled or run to completion at once.</param>
    /// <param name="sealThreshold">
    /// How many updates the batcher gathers before an <c>Add</c> seals them into a batch, at least 1; an eighth
    /// of a batcher chunk unless given.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="effort"/> or <paramref name="sealThreshold"/> is less than 1.
    /// </exception>
    public OrdStringTrace(
        long effort = 1,
        SpineMergePolicy policy = SpineMergePolicy.Fueled,
        int? sealThreshold = null)
        : base(effort, policy, sealThreshold)
    {
    }
}
#endregion
