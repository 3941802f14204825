using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>Builds a value batch from updates pushed in <c>(key, val, time)</c> order.</summary>
/// <typeparam name="TBatch">The batch type (its layout).</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <typeparam name="TVals">The container for values.</typeparam>
/// <remarks>
/// <para>
/// The builder appends the <c>(time, diff)</c> pairs of the current <c>(key, val)</c> straight to the time and
/// diff columns. When the value changes it seals them: consolidates them in place, removes them if they
/// cancel, replaces a lone update equal to the one before it by a repeated offset (the singleton encoding),
/// and only then writes the value. A key is written once one of its values survives. Input that is out of
/// order is rejected before anything is written.
/// </para>
/// <para>Obtain one from the batch type's <c>CreateBuilder</c>, which preallocates every column from exact counts.</para>
/// </remarks>
public sealed class OrdValBuilder<TBatch, TKey, TVal, TTime, TDiff, TKeys, TVals> : IBatchBuilder<TBatch, TKey, TVal, TTime, TDiff>
    where TBatch : OrdValBatchBase<TBatch, TKey, TVal, TTime, TDiff, TKeys, TVals>, IOrdBatch<TBatch, TTime, OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals>>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
    where TVals : struct, IBatchContainer<TVals, TVal>
{
    // The storage being written; null once Done has handed it to the batch.
    private OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals>? _result;
    // True once an update was pushed: _key and _val then hold the pair being staged.
    private bool _staging;
    // Where the staged value's updates start in _result.Updates; those before are sealed.
    private int _valStart;
    // The staged key: written by SealKey only if one of its values survives sealing.
    private TKey _key = default!;
    // The staged value of _key, owning the updates from _valStart on.
    private TVal _val = default!;

    internal OrdValBuilder(int keys, int vals, int updates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keys);
        ArgumentOutOfRangeException.ThrowIfNegative(vals);
        ArgumentOutOfRangeException.ThrowIfNegative(updates);
        _result = new(keys, vals, updates);
    }

    #region push
    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// The update has a <see langword="null"/> key or value, or comes before the previous update in
    /// <c>(key, val, time)</c> order; nothing is written.
    /// </exception>
    /// <exception cref="InvalidOperationException"><see cref="Done"/> has been called.</exception>
    public void Push(in Update<TKey, TVal, TTime, TDiff> update)
    {
        var result = _result
            ?? throw new InvalidOperationException("The builder has already produced its batch.");
        if (update.Key is null || update.Val is null || update.Time is null)
        {
            throw new ArgumentException(
                "An update's key, value and time must not be null.", nameof(update));
        }

        if (_staging)
        {
            int keyOrder = Ordering.Compare(update.Key, _key);
            int valOrder = keyOrder == 0 ? Ordering.Compare(update.Val, _val) : 0;
            if (keyOrder < 0 || valOrder < 0
                || (keyOrder == 0 && valOrder == 0
                    && update.Time.CompareTo(result.Updates.Times[^1]) < 0))
            {
                throw new ArgumentException(
                    "Updates must be pushed sorted by (key, val, time): " +
                    $"({update.Key}, {update.Val}, {update.Time}) follows " +
                    $"({_key}, {_val}, {result.Updates.Times[^1]}).",
                    nameof(update));
            }

            if (keyOrder > 0)
            {
                SealVal(result);
                SealKey(result);
                _key = update.Key;
                _val = update.Val;
            }
            else if (valOrder > 0)
            {
                SealVal(result);
                _val = update.Val;
            }
        }
        else
        {
            _key = update.Key;
            _val = update.Val;
            _staging = true;
        }

        result.Updates.Append(update.Time, update.Diff);
    }
    #endregion

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="description"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Done"/> has already been called.</exception>
    public TBatch Done(Description<TTime> description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var result = _result
            ?? throw new InvalidOperationException("The builder has already produced its batch.");
        if (_staging)
        {
            SealVal(result);
            SealKey(result);
        }

        _result = null;
        result.TrimExcess();
        return TBatch.Create(result, description);
    }

    #region seal-val
    private void SealVal(OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> result)
    {
        if (result.Updates.Seal(_valStart))
        {
            result.Vals.Items.Push(_val);
        }

        _valStart = result.Updates.StoredCount;
    }

    private void SealKey(OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> result)
    {
        // The key is written only if some value survived: a key whose updates
        // all cancel leaves no trace.
        if (result.Vals.EndOwner((int)result.Vals.OffsetAt(result.KeyCount)))
        {
            result.Keys.Push(_key);
        }
    }
    #endregion
}
