using System.Numerics;

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
/// Keys are sorted and distinct. Key <c>i</c> owns the values <c>[KeysOffs[i], KeysOffs[i + 1])</c> of the
/// value layer, sorted. Value <c>j</c> owns the updates <c>[ValsOffs[j], ValsOffs[j + 1])</c> of the update
/// layer, sorted by time and consolidated, except that equal offsets encode the singleton: the one update just
/// before. Both offset lists start with zero and are one longer than the layer they index.
/// </remarks>
public sealed class OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> : OrdStorage<TKey, TTime, TDiff, TKeys>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
    where TVals : struct, IBatchContainer<TVals, TVal>
{
    #region storage
    // Keys (sorted, distinct) and the update layer live in OrdStorage; between them, each key's values.
    internal readonly ValueLayer<TVal, TVals> Vals;
    #endregion

    internal OrdValStorage(int keys, int vals, int updates)
        : this(TKeys.WithCapacity(keys), new ValueLayer<TVal, TVals>(keys, vals), new UpdateLayer<TTime, TDiff>(vals, updates))
    {
    }

    private OrdValStorage(TKeys keys, ValueLayer<TVal, TVals> vals, UpdateLayer<TTime, TDiff> updates)
        : base(keys, updates)
    {
        Vals = vals;
    }

    internal static OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> MergeCapacity(
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> first, OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> second, bool advancing) =>
        new(TKeys.MergeCapacity(first.Keys, second.Keys),
            ValueLayer<TVal, TVals>.MergeCapacity(first.Vals, second.Vals),
            UpdateLayer<TTime, TDiff>.MergeCapacity(first.Updates, second.Updates, advancing));

    /// <inheritdoc />
    internal override void TrimExcess()
    {
        base.TrimExcess();
        Vals.TrimExcess();
    }

    /// <summary>Gets the number of <c>(key, value)</c> pairs.</summary>
    public int ValCount => Vals.Count;

    /// <summary>Returns entry <paramref name="index"/> of the key offsets; for inspection (the book draws it).</summary>
    /// <param name="index">A position in <c>[0, KeyCount]</c>; key <c>i</c> owns entries <c>i</c> to <c>i + 1</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the offsets.</exception>
    public long KeyOffsetAt(int index) => Vals.OffsetAt(Checked(index, KeyCount + 1));

    /// <summary>Returns value <paramref name="index"/>; for inspection (the book draws the columns).</summary>
    /// <param name="index">A position in <c>[0, ValCount)</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the values.</exception>
    public TVal ValAt(int index) => Vals.Items.Index(Checked(index, ValCount));

    /// <summary>Returns entry <paramref name="index"/> of the value offsets; for inspection (the book draws it).</summary>
    /// <param name="index">A position in <c>[0, ValCount]</c>; an entry equal to the one before is a singleton.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the offsets.</exception>
    public long ValOffsetAt(int index) => Updates.OffsetAt(Checked(index, ValCount + 1));
}
