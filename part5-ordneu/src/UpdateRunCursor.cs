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
/// <para>
/// A run is an array of whole updates sorted by <c>(key, val, time)</c>, so a key is a stretch of consecutive updates
/// and each of its values a stretch within it. The cursor keeps the bounds of the current key's stretch and of the
/// current value's; a move finds the new ones by galloping (<see cref="Galloping.Advance{TTest}"/>) from where it
/// stands, which for a key with one update costs one comparison.
/// </para>
/// <para>
/// A key seek from the first key bisects instead (<see cref="Galloping.Bisect{TTest}"/>), and for a large run it
/// first bisects the run's fences: the keys of every <see cref="FenceStride"/>-th update, copied into an array of
/// their own by <see cref="MergeBatcher{TKey, TVal, TTime, TDiff}.PrepareRuns"/>, as an LSM store keeps an index of
/// the first key of each block. The fences are small enough to stay in the processor's caches where the run's
/// 32-byte updates are not, and the last few probes land among the updates the cursor reads next anyway. A mutable
/// struct, used as a type argument of <see cref="CursorList{TCursor, TKey, TVal, TTime, TDiff}"/>.
/// </para>
/// </remarks>
internal struct UpdateRunCursor<TKey, TVal, TTime, TDiff>
    : ICursor<UpdateRunCursor<TKey, TVal, TTime, TDiff>, TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    /// <summary>The distance between fences: the keys of updates 0, 8, 16, and so on.</summary>
    public const int FenceStride = 8;

    // The run: _items[.._count], sorted by (key, val, time) and consolidated.
    private readonly Update<TKey, TVal, TTime, TDiff>[] _items;
    private readonly int _count;
    // Null, or the fences: _fences[j] is the key of _items[j * FenceStride], for every such update.
    private readonly TKey[]? _fences;
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
    /// <param name="fences">Null, or the run's fences (the key of every <see cref="FenceStride"/>-th update).</param>
    public UpdateRunCursor(Update<TKey, TVal, TTime, TDiff>[] items, int count, TKey[]? fences)
    {
        _items = items;
        _count = count;
        _fences = fences;
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
    #region seek-key
    public void SeekKey(TKey key)
    {
        if (!KeyValid)
        {
            return;
        }

        var test = new KeyBelow(_items, key);
        if (_key != 0)
        {
            // From a key of the run, gallop: ascending seeks read the run in order, as the
            // processor's prefetcher likes.
            LandKey(_key + Galloping.Advance(_key, _count, ref test));
        }
        else if (_fences is null)
        {
            LandKey(Galloping.Bisect(0, _count, ref test));
        }
        else
        {
            // Bisect the fences, then the updates between the last fence below the key and the next.
            var fences = new FenceBelow(_fences, key);
            int below = Galloping.Bisect(0, _fences.Length, ref fences);
            int start = below == 0 ? 0 : ((below - 1) * FenceStride) + 1;
            int end = Math.Min(below * FenceStride, _count);
            LandKey(start + Galloping.Bisect(start, end, ref test));
        }
    }
    #endregion

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
        if (position + 1 < _keyEnd)
        {
            var test = new ValAtMost(_items, _items[position].Val);
            _valEnd = position + 1 + Galloping.Advance(position + 1, _keyEnd, ref test);
        }
        else
        {
            // The key's last update, or past it: nothing to compare (and no update read).
            _valEnd = Math.Min(position + 1, _keyEnd);
        }
    }

    private static InvalidOperationException Invalid(string what) => new($"The cursor is not at a {what}.");

    // Passes for the leading updates whose key is below the one sought.
    private readonly struct KeyBelow(Update<TKey, TVal, TTime, TDiff>[] items, TKey key) : IPositionTest
    {
        public bool Test(int position) => Ordering.Compare(items[position].Key, key) < 0;
    }

    // Passes for the leading fences below the key sought.
    private readonly struct FenceBelow(TKey[] fences, TKey key) : IPositionTest
    {
        public bool Test(int position) => Ordering.Compare(fences[position], key) < 0;
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
