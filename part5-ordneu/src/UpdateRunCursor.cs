using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>
/// A cursor over one sorted, consolidated run of updates held by a <see cref="MergeBatcher{TKey, TVal, TTime, TDiff}"/>:
/// how a trace reads the updates it has not sealed into a batch yet.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// A run is an array of whole updates sorted by <c>(key, val, time)</c>, so a key is a stretch of consecutive updates
/// and each of its values a stretch within it. The cursor keeps the bounds of the current key's stretch and of the
/// current value's; a move finds the new ones by galloping (<see cref="Galloping.Advance{TTest}"/>) from where it
/// stands, which for a key with one update costs one comparison. A mutable struct, used as a type argument of
/// <see cref="CursorList{TCursor, TKey, TVal, TTime, TDiff}"/>.
/// </remarks>
internal struct UpdateRunCursor<TKey, TVal, TTime, TDiff>
    : ICursor<UpdateRunCursor<TKey, TVal, TTime, TDiff>, TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    // The run: _items[.._count], sorted by (key, val, time) and consolidated.
    private readonly Update<TKey, TVal, TTime, TDiff>[] _items;
    private readonly int _count;
    // The current key's first update, in [0, _count]; _count is past the last key.
    private int _key;
    // The update after the current key's last; _count when past the last key.
    private int _keyEnd;
    // The current value's first update, in [_key, _keyEnd]; _keyEnd is past the key's last value.
    private int _val;
    // The update after the current value's last; _val when past the last value.
    private int _valEnd;

    /// <summary>Initializes a cursor at the first key of <c>items[..count]</c>.</summary>
    /// <param name="items">The run's array.</param>
    /// <param name="count">The number of updates in the run.</param>
    public UpdateRunCursor(Update<TKey, TVal, TTime, TDiff>[] items, int count)
    {
        _items = items;
        _count = count;
        LandKey(0);
    }

    /// <inheritdoc />
    public readonly bool KeyValid => _key < _count;

    /// <inheritdoc />
    public readonly bool ValValid => _val < _keyEnd;

    /// <inheritdoc />
    public readonly TKey Key => KeyValid ? _items[_key].Key : throw Invalid("key");

    /// <inheritdoc />
    public readonly TVal Val => ValValid ? _items[_val].Val : throw Invalid("value");

    /// <inheritdoc />
    public readonly void MapTimes<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IUpdateVisitor<TTime, TDiff>
    {
        if (!ValValid)
        {
            throw Invalid("value");
        }

        for (int i = _val; i < _valEnd; i++)
        {
            visitor.Visit(_items[i].Time, _items[i].Diff);
        }
    }

    /// <inheritdoc />
    public void StepKey()
    {
        if (KeyValid)
        {
            LandKey(_keyEnd);
        }
    }

    /// <inheritdoc />
    public void SeekKey(TKey key)
    {
        if (KeyValid)
        {
            var test = new KeyBelow(_items, key);
            LandKey(_key + Galloping.Advance(_key, _count, ref test));
        }
    }

    /// <inheritdoc />
    public void StepVal()
    {
        if (ValValid)
        {
            LandVal(_valEnd);
        }
    }

    /// <inheritdoc />
    public void SeekVal(TVal val)
    {
        if (ValValid)
        {
            var test = new ValBelow(_items, val);
            LandVal(_val + Galloping.Advance(_val, _keyEnd, ref test));
        }
    }

    /// <inheritdoc />
    public void RewindKeys() => LandKey(0);

    /// <inheritdoc />
    public void RewindVals() => LandVal(_key);

    /// <inheritdoc />
    public readonly int CompareKey(in UpdateRunCursor<TKey, TVal, TTime, TDiff> other) =>
        Ordering.Compare(_items[_key].Key, other._items[other._key].Key);

    /// <inheritdoc />
    public readonly int CompareVal(in UpdateRunCursor<TKey, TVal, TTime, TDiff> other) =>
        Ordering.Compare(_items[_val].Val, other._items[other._val].Val);

    // Makes the key starting at `position` current (or past the end), with its first value.
    private void LandKey(int position)
    {
        _key = position;
        if (position < _count)
        {
            var test = new KeyAtMost(_items, _items[position].Key);
            _keyEnd = position + 1 + Galloping.Advance(position + 1, _count, ref test);
        }
        else
        {
            _keyEnd = _count;
        }

        LandVal(position);
    }

    // Makes the value starting at `position` of the current key current (or past its last value).
    private void LandVal(int position)
    {
        _val = position;
        if (position < _keyEnd)
        {
            var test = new ValAtMost(_items, _items[position].Val);
            _valEnd = position + 1 + Galloping.Advance(position + 1, _keyEnd, ref test);
        }
        else
        {
            _valEnd = position;
        }
    }

    private static InvalidOperationException Invalid(string what) => new($"The cursor is not at a {what}.");

    // Passes for the leading updates whose key is below the one sought.
    private readonly struct KeyBelow(Update<TKey, TVal, TTime, TDiff>[] items, TKey key) : IPositionTest
    {
        public bool Test(int position) => Ordering.Compare(items[position].Key, key) < 0;
    }

    // Passes for the leading updates whose key is at most the current one: on a run that starts at it, its stretch.
    private readonly struct KeyAtMost(Update<TKey, TVal, TTime, TDiff>[] items, TKey key) : IPositionTest
    {
        public bool Test(int position) => Ordering.Compare(items[position].Key, key) <= 0;
    }

    // Passes for the leading updates, within one key, whose value is below the one sought.
    private readonly struct ValBelow(Update<TKey, TVal, TTime, TDiff>[] items, TVal val) : IPositionTest
    {
        public bool Test(int position) => Ordering.Compare(items[position].Val, val) < 0;
    }

    // Passes for the leading updates, within one key, whose value is at most the current one.
    private readonly struct ValAtMost(Update<TKey, TVal, TTime, TDiff>[] items, TVal val) : IPositionTest
    {
        public bool Test(int position) => Ordering.Compare(items[position].Val, val) <= 0;
    }
}
