namespace Traces.Junctions;

/// <summary>
/// The live set of the values of one key of a <see cref="ToMany{TKey, TVal}"/>: it holds no copy, so it sees every
/// change made through its parent, and its own writes go through the parent (with the same evictions).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
public sealed class ValueSet<TKey, TVal> : Sequence<TVal>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
{
    private readonly ToMany<TKey, TVal> _parent;

    internal ValueSet(ToMany<TKey, TVal> parent, TKey key)
    {
        _parent = parent;
        Key = key;
    }

    /// <summary>Gets the key whose values this set shows.</summary>
    public TKey Key { get; }

    /// <summary>Gets the number of values the key has now.</summary>
    public int Count => _parent.Store.CountOf(Key);

    /// <summary>Returns whether the key has <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public bool Contains(TVal value) => _parent.Contains(Key, value);

    /// <summary>Adds <paramref name="value"/> to the key, exactly as <see cref="ToMany{TKey, TVal}.Insert"/> would.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether the pair was added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public bool Insert(TVal value) => _parent.Insert(Key, value);

    /// <summary>Removes <paramref name="value"/> from the key.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether the pair was present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public bool Remove(TVal value) => _parent.Remove(Key, value);

    /// <inheritdoc />
    public override Passage<TVal> Iterate() =>
        new PairWalk<TKey, TVal, TVal, ValueProjection<TKey, TVal>>(_parent.Store, WalkShape.OneKey, Key, default);
}
