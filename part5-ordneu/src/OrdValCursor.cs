using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>A cursor over one value batch.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <typeparam name="TVals">The container for values.</typeparam>
/// <remarks>
/// The cursor is two positions: a key index and a value index into the batch's columns. Stepping adds one;
/// seeking gallops forward (<see cref="Galloping.Advance{TTest}"/>) from the current position, so a sequence of
/// seeks to increasing keys costs about the distance travelled, not a binary search each; from the first key,
/// where there is nothing nearby to gallop from, a key seek bisects (<see cref="Galloping.Bisect{TTest}"/>). A key
/// move leaves the value index unset until a value is asked for, so a cursor list that moves many batches' cursors
/// to a key reads offsets only in the batches that hold it. It is a mutable struct: keep it in a local variable and
/// pass it by reference.
/// </remarks>
public struct OrdValCursor<TKey, TVal, TTime, TDiff, TKeys, TVals> : ICursor<OrdValCursor<TKey, TVal, TTime, TDiff, TKeys, TVals>, TKey, TVal, TTime, TDiff>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
    where TVals : struct, IBatchContainer<TVals, TVal>
{
    private readonly OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> _storage;
    // The current key's index, in [0, Keys.Count]; Keys.Count means past the last key.
    private int _key;
    // While KeyValid, the current value's index, in [KeysOffs[_key], KeysOffs[_key + 1]], or -1 for the key's
    // first value before anything asked for it: a key move reads no offset until a value is needed.
    private int _val;

    /// <summary>Initializes a cursor at the first key of <paramref name="storage"/>.</summary>
    /// <param name="storage">The batch's storage.</param>
    public OrdValCursor(OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
        RewindKeys();
    }

    /// <inheritdoc />
    public readonly bool KeyValid => _key < _storage.Keys.Count;

    /// <inheritdoc />
    public readonly bool ValValid => KeyValid && ValIndex < ValsEnd;

    /// <inheritdoc />
    public readonly TKey Key => KeyValid ? _storage.Keys.Index(_key) : throw Invalid("key");

    /// <inheritdoc />
    public readonly TVal Val => ValValid ? _storage.Vals.Items.Index(ValIndex) : throw Invalid("value");

    /// <summary>Gets the times of the current value's updates (a view into the batch).</summary>
    public readonly ReadOnlySpan<TTime> Times => _storage.Updates.TimesOf(CurrentOwner());

    /// <summary>Gets the diffs of the current value's updates, parallel to <see cref="Times"/>.</summary>
    public readonly ReadOnlySpan<TDiff> Diffs => _storage.Updates.DiffsOf(CurrentOwner());

    private readonly int ValsEnd => (int)_storage.Vals.OffsetAt(_key + 1);

    // The current value's index, looked up from the key's offset if no value move has set it yet.
    private readonly int ValIndex => _val >= 0 ? _val : (int)_storage.Vals.OffsetAt(_key);

    #region map-times
    /// <inheritdoc />
    public readonly void MapTimes<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IUpdateVisitor<TTime, TDiff>
    {
        _storage.Updates.Visit(CurrentOwner(), ref visitor);
    }
    #endregion

    /// <summary>Calls <paramref name="action"/> for each <c>(time, diff)</c> pair of the current value.</summary>
    /// <param name="action">The action.</param>
    public readonly void MapTimes(Action<TTime, TDiff> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var visitor = new DelegateVisitor<TTime, TDiff>(action);
        MapTimes(ref visitor);
    }

    #region navigate
    /// <inheritdoc />
    public void StepKey()
    {
        if (KeyValid)
        {
            _key++;
            _val = -1;
        }
    }

    /// <inheritdoc />
    public void SeekKey(TKey key)
    {
        _key += Galloping.SeekLess(_storage.Keys, _key, _storage.Keys.Count, key);
        _val = -1;
    }

    /// <inheritdoc />
    public void StepVal()
    {
        if (ValValid)
        {
            _val = ValIndex + 1;
        }
    }

    /// <inheritdoc />
    public void SeekVal(TVal val)
    {
        if (KeyValid)
        {
            int current = ValIndex;
            _val = current + Galloping.CountLess(_storage.Vals.Items, current, ValsEnd, val);
        }
    }

    /// <inheritdoc />
    public void RewindKeys()
    {
        _key = 0;
        _val = -1;
    }

    /// <inheritdoc />
    public void RewindVals() => _val = -1;
    #endregion

    /// <inheritdoc />
    public readonly int CompareKey(in OrdValCursor<TKey, TVal, TTime, TDiff, TKeys, TVals> other) =>
        _storage.Keys.CompareAt(_key, other._storage.Keys, other._key);

    /// <inheritdoc />
    public readonly int CompareVal(in OrdValCursor<TKey, TVal, TTime, TDiff, TKeys, TVals> other) =>
        _storage.Vals.Items.CompareAt(ValIndex, other._storage.Vals.Items, other.ValIndex);

    // The owner of the current updates in the update layer: the current value.
    private readonly int CurrentOwner() => ValValid ? ValIndex : throw Invalid("value");

    private static InvalidOperationException Invalid(string what) => new($"The cursor is not at a {what}.");
}
