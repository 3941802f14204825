using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>Builds a key batch from updates pushed in <c>(key, time)</c> order.</summary>
/// <typeparam name="TBatch">The batch type (its layout).</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <remarks>
/// The value builder without the value layer: the <c>(time, diff)</c> pairs of the current key are appended to
/// the columns and sealed when the key changes (consolidated in place; removed if they cancel; only an offset
/// for a lone update equal to the one before). Out-of-order input is rejected before anything is written.
/// </remarks>
public sealed class OrdKeyBuilder<TBatch, TKey, TTime, TDiff, TKeys> : IBatchBuilder<TBatch, TKey, Unit, TTime, TDiff>
    where TBatch : OrdKeyBatchBase<TBatch, TKey, TTime, TDiff, TKeys>, IOrdBatch<TBatch, TTime, OrdKeyStorage<TKey, TTime, TDiff, TKeys>>
    where TKey : IComparable<TKey>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
{
    // The storage being written; null once Done has handed it to the batch.
    private OrdKeyStorage<TKey, TTime, TDiff, TKeys>? _result;
    // True once an update was pushed: _key then holds the key being staged.
    private bool _staging;
    // Where the staged key's updates start in _result.Updates; those before are sealed.
    private int _keyStart;
    // The staged key, owning the updates from _keyStart on; written only if they don't cancel.
    private TKey _key = default!;

    internal OrdKeyBuilder(int keys, int updates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keys);
        ArgumentOutOfRangeException.ThrowIfNegative(updates);
        _result = new(keys, updates);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// The update has a <see langword="null"/> key, or comes before the previous update in <c>(key, time)</c> order;
    /// nothing is written.
    /// </exception>
    /// <exception cref="InvalidOperationException"><see cref="Done"/> has been called.</exception>
    public void Push(in Update<TKey, Unit, TTime, TDiff> update)
    {
        var result = _result ?? throw new InvalidOperationException("The builder has already produced its batch.");
        if (update.Key is null || update.Time is null)
        {
            throw new ArgumentException("An update's key and time must not be null.", nameof(update));
        }

        if (_staging)
        {
            int keyOrder = Ordering.Compare(update.Key, _key);
            if (keyOrder < 0 || (keyOrder == 0 && update.Time.CompareTo(result.Updates.Times[^1]) < 0))
            {
                throw new ArgumentException(
                    $"Updates must be pushed sorted by (key, time): ({update.Key}, {update.Time}) follows ({_key}, {result.Updates.Times[^1]}).",
                    nameof(update));
            }

            if (keyOrder > 0)
            {
                SealKey(result);
                _key = update.Key;
            }
        }
        else
        {
            _key = update.Key;
            _staging = true;
        }

        result.Updates.Append(update.Time, update.Diff);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="description"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Done"/> has already been called.</exception>
    public TBatch Done(Description<TTime> description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var result = _result ?? throw new InvalidOperationException("The builder has already produced its batch.");
        if (_staging)
        {
            SealKey(result);
        }

        _result = null;
        result.TrimExcess();
        return TBatch.Create(result, description);
    }

    private void SealKey(OrdKeyStorage<TKey, TTime, TDiff, TKeys> result)
    {
        if (result.Updates.Seal(_keyStart))
        {
            result.Keys.Push(_key);
        }

        _keyStart = result.Updates.StoredCount;
    }
}
