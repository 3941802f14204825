using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>A cursor over one key batch: each key has exactly one value, <see cref="Unit"/>.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <remarks>
/// A key position and a flag for whether the key's one value has been stepped past. Seeks gallop forward, or bisect
/// from the first key, as in <see cref="OrdValCursor{TKey, TVal, TTime, TDiff, TKeys, TVals}"/>. A mutable struct:
/// keep it in a local variable.
/// </remarks>
public struct OrdKeyCursor<TKey, TTime, TDiff, TKeys> : ICursor<OrdKeyCursor<TKey, TTime, TDiff, TKeys>, TKey, Unit, TTime, TDiff>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
{
    private readonly OrdKeyStorage<TKey, TTime, TDiff, TKeys> _storage;
    // The current key's index, in [0, Keys.Count]; Keys.Count means past the last key.
    private int _key;
    // True once StepVal passed the key's one value (Unit); moving to a key resets it.
    private bool _valStepped;

    /// <summary>Initializes a cursor at the first key of <paramref name="storage"/>.</summary>
    /// <param name="storage">The batch's storage.</param>
    public OrdKeyCursor(OrdKeyStorage<TKey, TTime, TDiff, TKeys> storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
    }

    /// <inheritdoc />
    public readonly bool KeyValid => _key < _storage.Keys.Count;

    /// <inheritdoc />
    public readonly bool ValValid => KeyValid && !_valStepped;

    /// <inheritdoc />
    public readonly TKey Key => KeyValid ? _storage.Keys.Index(_key) : throw new InvalidOperationException("The cursor is not at a key.");

    /// <inheritdoc />
    public readonly Unit Val => ValValid ? Unit.Value : throw new InvalidOperationException("The cursor is not at a value.");

    /// <summary>Gets the times of the current key's updates (a view into the batch).</summary>
    public readonly ReadOnlySpan<TTime> Times => _storage.Updates.TimesOf(CurrentOwner());

    /// <summary>Gets the diffs of the current key's updates, parallel to <see cref="Times"/>.</summary>
    public readonly ReadOnlySpan<TDiff> Diffs => _storage.Updates.DiffsOf(CurrentOwner());

    /// <inheritdoc />
    public readonly void MapTimes<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IUpdateVisitor<TTime, TDiff>
    {
        _storage.Updates.Visit(CurrentOwner(), ref visitor);
    }

    /// <summary>Calls <paramref name="action"/> for each <c>(time, diff)</c> pair of the current key.</summary>
    /// <param name="action">The action.</param>
    public readonly void MapTimes(Action<TTime, TDiff> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var visitor = new DelegateVisitor<TTime, TDiff>(action);
        MapTimes(ref visitor);
    }

    /// <inheritdoc />
    public void StepKey()
    {
        if (KeyValid)
        {
            _key++;
            _valStepped = false;
        }
    }

    /// <inheritdoc />
    public void SeekKey(TKey key)
    {
        _key += Galloping.SeekLess(_storage.Keys, _key, _storage.Keys.Count, key);

        // Like every key move, a seek rewinds the values, even when it stays at the current key.
        _valStepped = false;
    }

    /// <inheritdoc />
    public void StepVal() => _valStepped = true;

    /// <inheritdoc />
    public readonly void SeekVal(Unit val)
    {
        // Every key's only value equals any Unit: the cursor is already there (or past it).
    }

    /// <inheritdoc />
    public void RewindKeys()
    {
        _key = 0;
        _valStepped = false;
    }

    /// <inheritdoc />
    public void RewindVals() => _valStepped = false;

    /// <inheritdoc />
    public readonly int CompareKey(in OrdKeyCursor<TKey, TTime, TDiff, TKeys> other) =>
        _storage.Keys.CompareAt(_key, other._storage.Keys, other._key);

    /// <inheritdoc />
    public readonly int CompareVal(in OrdKeyCursor<TKey, TTime, TDiff, TKeys> other) => 0;

    // The owner of the current updates in the update layer: the key, whose one value the cursor must be at.
    private readonly int CurrentOwner() => ValValid ? _key : throw new InvalidOperationException("The cursor is not at a value.");
}
