namespace Traces.Junctions;

/// <summary>
/// What to-one and to-many maps share: one side of a relation, a store of <c>(key, value)</c> pairs, optionally
/// mirrored into the store of the other side, which holds every pair flipped.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <remarks>
/// Every write goes through <see cref="InsertPair"/>, <see cref="Remove"/> or <see cref="ExpungeKey"/>, which change
/// both stores pair by pair, so the two sides can never disagree. A cardinality constraint is enforced by
/// eviction: before a pair is added, the pairs it would make illegal (the key's old value on a to-one side, the
/// value's old owner on a to-one far side) are retracted from both stores.
/// </remarks>
public abstract class PairMap<TKey, TVal> : Sequence<(TKey Key, TVal Value)>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
{
    // The other side's store, holding (value, key) for exactly the (key, value) in Store; null if none.
    private readonly PairStore<TVal, TKey>? _mirror;
    // True when a key holds at most one value: inserting another replaces it.
    private readonly bool _isToOne;
    // True when a value belongs to at most one key: inserting it steals it from its owner.
    private readonly bool _mirrorIsToOne;

    private protected PairMap(PairStore<TKey, TVal> store, bool isToOne, PairStore<TVal, TKey>? mirror, bool mirrorIsToOne)
    {
        Store = store;
        _isToOne = isToOne;
        _mirror = mirror;
        _mirrorIsToOne = mirrorIsToOne;
    }

    /// <summary>Gets the number of pairs.</summary>
    public int Count => Store.Count;

    /// <summary>Gets the number of distinct keys.</summary>
    public int KeysCount => Store.KeyCount;

    /// <summary>Gets the keys in ascending order (live).</summary>
    public Sequence<TKey> Keys => new WalkSequence<TKey, TVal, TKey, KeyProjection<TKey, TVal>>(Store, WalkShape.AllKeys, default!, default);

    /// <summary>Gets the values in the order of their pairs, <c>(key, value)</c> ascending (live).</summary>
    public Sequence<TVal> Values => new WalkSequence<TKey, TVal, TVal, ValueProjection<TKey, TVal>>(Store, WalkShape.AllPairs, default!, default);

    /// <summary>Gets the store holding this side's pairs.</summary>
    internal PairStore<TKey, TVal> Store { get; }

    /// <summary>Returns whether <paramref name="key"/> has any value.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool ContainsKey(TKey key)
    {
        Guard.NotNull(key);
        return Store.ContainsKey(key);
    }

    /// <summary>Returns whether the pair <c>(key, value)</c> is present.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public bool Contains(TKey key, TVal value)
    {
        Guard.NotNull(key);
        Guard.NotNull(value);
        return Store.Contains(key, value);
    }

    /// <summary>Removes the pair <c>(key, value)</c> from both sides, if present.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>Whether the pair was present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public bool Remove(TKey key, TVal value)
    {
        Guard.NotNull(key);
        Guard.NotNull(value);
        return Unlink(key, value);
    }

    /// <inheritdoc />
    public override Passage<(TKey Key, TVal Value)> Iterate() =>
        new PairWalk<TKey, TVal, (TKey Key, TVal Value), PairProjection<TKey, TVal>>(Store, WalkShape.AllPairs, default!, default);

    #region insert
    /// <summary>
    /// Adds <c>(key, value)</c>, first evicting the pairs the cardinality constraints forbid beside it.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="replaced">
    /// On a to-one side, the key's value before the insert, if it had one.
    /// </param>
    /// <returns>Whether anything changed.</returns>
    private protected bool InsertPair(TKey key, TVal value, out Optional<TVal> replaced)
    {
        Guard.NotNull(key);
        Guard.NotNull(value);
        replaced = Optional<TVal>.None;
        if (_isToOne && Store.TryFirstValue(key, out TVal old))
        {
            replaced = Optional<TVal>.Some(old);
            if (Ordering.Compare(old, value) == 0)
            {
                return false;
            }

            // The key may hold one value: retract the old pair from both sides.
            Unlink(key, old);
        }
        else if (Store.Contains(key, value))
        {
            return false;
        }

        // The value may belong to one key: steal it from its owner, on both sides.
        if (_mirrorIsToOne && _mirror!.TryFirstValue(value, out TKey owner))
        {
            Unlink(owner, value);
        }

        Store.Add(key, value);
        _mirror?.Add(value, key);
        return true;
    }
    #endregion

    /// <summary>Creates the store of a standalone map (one with no mirror).</summary>
    /// <param name="backing">The backing.</param>
    /// <exception cref="ArgumentNullException"><paramref name="backing"/> is <see langword="null"/>.</exception>
    private protected static PairStore<TKey, TVal> CreateStore(IPairStoreFactory backing)
    {
        ArgumentNullException.ThrowIfNull(backing);
        return backing.Create<TKey, TVal>();
    }

    /// <summary>Removes every pair of <paramref name="key"/> from both sides.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The values removed, ascending.</returns>
    private protected List<TVal> ExpungeKey(TKey key)
    {
        Guard.NotNull(key);
        var removed = new List<TVal>();
        var probe = Probe<TKey, TVal>.BeforeKey(key);
        while (Store.TrySeekAfter(probe, out TKey found, out TVal value) && Ordering.Compare(found, key) == 0)
        {
            removed.Add(value);
            probe = Probe<TKey, TVal>.At(key, value);
        }

        foreach (TVal value in removed)
        {
            Unlink(key, value);
        }

        return removed;
    }

    private bool Unlink(TKey key, TVal value)
    {
        if (!Store.Remove(key, value))
        {
            return false;
        }

        _mirror?.Remove(value, key);
        return true;
    }
}
