using System.Diagnostics.CodeAnalysis;

namespace Traces.Junctions;

/// <summary>Turns a pair the walk has reached into the element it yields.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="T">The element type.</typeparam>
internal interface IPairProjection<TKey, TVal, T>
{
    T Project(TKey key, TVal value);
}

/// <summary>What a walk covers and what one step of it passes.</summary>
internal enum WalkShape : byte
{
    /// <summary>Every pair of the store, one pair per step.</summary>
    AllPairs,

    /// <summary>Every key of the store, all its pairs in one step.</summary>
    AllKeys,

    /// <summary>The pairs of one key, one pair per step.</summary>
    OneKey,
}

/// <summary>The passage-rule iterator over a <see cref="PairStore{TKey, TVal}"/>.</summary>
/// <remarks>
/// It holds no position inside the store, only the last pair each end returned, as a probe. Every step is a fresh
/// seek strictly past that probe, so whatever the store did since (inserts, removals, chunk splits, a trace
/// merging its batches) the step lands on the right pair: passed pairs lie behind the probe and stay unseen,
/// pairs ahead are found, and removing the pair just returned cannot make the walk skip its neighbour.
/// </remarks>
internal sealed class PairWalk<TKey, TVal, T, TProjection> : Passage<T>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TProjection : struct, IPairProjection<TKey, TVal, T>
{
    private readonly PairStore<TKey, TVal> _store;
    private readonly WalkShape _shape;
    // The one key a OneKey walk visits; ignored by the other shapes.
    private readonly TKey _onlyKey;
    private readonly TProjection _projection;
    // Once _frontMoved, the probe just past the front's last item (its key, for AllKeys).
    private Probe<TKey, TVal> _front;
    // Once _backMoved, the probe just before the back's last item (its key, for AllKeys).
    private Probe<TKey, TVal> _back;
    private bool _frontMoved;
    private bool _backMoved;
    // Set once either end finds nothing in range before the other end: no more items.
    private bool _exhausted;

    public PairWalk(PairStore<TKey, TVal> store, WalkShape shape, TKey onlyKey, TProjection projection)
    {
        _store = store;
        _shape = shape;
        _onlyKey = onlyKey;
        _projection = projection;
    }

    #region step
    public override bool TryNext([MaybeNullWhen(false)] out T item)
    {
        if (!_exhausted)
        {
            bool found = _frontMoved
                ? _store.TrySeekAfter(_front, out TKey key, out TVal value)
                : _shape == WalkShape.OneKey
                    ? _store.TrySeekAfter(Probe<TKey, TVal>.BeforeKey(_onlyKey), out key, out value)
                    : _store.TryFirst(out key, out value);

            // In range, and strictly before whatever the back end has already returned.
            if (found && InRange(key) && (!_backMoved || _back.ComparePair(key, value) < 0))
            {
                _front = _shape == WalkShape.AllKeys
                    ? Probe<TKey, TVal>.AfterKey(key)
                    : Probe<TKey, TVal>.At(key, value);
                _frontMoved = true;
                item = _projection.Project(key, value);
                return true;
            }

            _exhausted = true;
        }

        item = default;
        return false;
    }

    public override bool TryNextBack([MaybeNullWhen(false)] out T item)
    {
        if (!_exhausted)
        {
            bool found = _backMoved
                ? _store.TrySeekBefore(_back, out TKey key, out TVal value)
                : _shape == WalkShape.OneKey
                    ? _store.TrySeekBefore(Probe<TKey, TVal>.AfterKey(_onlyKey), out key, out value)
                    : _store.TryLast(out key, out value);

            if (found && InRange(key) && (!_frontMoved || _front.ComparePair(key, value) > 0))
            {
                _back = _shape == WalkShape.AllKeys
                    ? Probe<TKey, TVal>.BeforeKey(key)
                    : Probe<TKey, TVal>.At(key, value);
                _backMoved = true;
                item = _projection.Project(key, value);
                return true;
            }

            _exhausted = true;
        }

        item = default;
        return false;
    }
    #endregion

    private bool InRange(TKey key) => _shape != WalkShape.OneKey || Ordering.Compare(key, _onlyKey) == 0;
}

/// <summary>Yields the pair itself.</summary>
internal readonly struct PairProjection<TKey, TVal> : IPairProjection<TKey, TVal, (TKey Key, TVal Value)>
{
    public (TKey Key, TVal Value) Project(TKey key, TVal value) => (key, value);
}

/// <summary>Yields the pair's key.</summary>
internal readonly struct KeyProjection<TKey, TVal> : IPairProjection<TKey, TVal, TKey>
{
    public TKey Project(TKey key, TVal value) => key;
}

/// <summary>Yields the pair's value.</summary>
internal readonly struct ValueProjection<TKey, TVal> : IPairProjection<TKey, TVal, TVal>
{
    public TVal Project(TKey key, TVal value) => value;
}

/// <summary>A sequence defined by a store, a shape and a projection.</summary>
internal sealed class WalkSequence<TKey, TVal, T, TProjection>(
    PairStore<TKey, TVal> store, WalkShape shape, TKey onlyKey, TProjection projection) : Sequence<T>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TProjection : struct, IPairProjection<TKey, TVal, T>
{
    public override Passage<T> Iterate() => new PairWalk<TKey, TVal, T, TProjection>(store, shape, onlyKey, projection);
}
