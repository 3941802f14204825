namespace Traces.Junctions;

/// <summary>
/// A sorted multimap without nested collections: distinct <c>(key, value)</c> pairs in order, each key's values
/// reachable as a live <see cref="ValueSet{TKey, TVal}"/>. Also the to-many side of a junction.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <remarks>
/// There is no per-key collection to create when a key appears or to drop when it empties: a key exists exactly
/// while it has a pair, so counts and key listings cannot go stale.
/// </remarks>
public sealed class ToMany<TKey, TVal> : PairMap<TKey, TVal>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
{
    /// <summary>Initializes an empty multimap held in memory.</summary>
    public ToMany()
        : this(Backings.InMemory)
    {
    }

    /// <summary>Initializes an empty multimap on the given backing.</summary>
    /// <param name="backing">Creates the store.</param>
    /// <exception cref="ArgumentNullException"><paramref name="backing"/> is <see langword="null"/>.</exception>
    public ToMany(IPairStoreFactory backing)
        : base(CreateStore(backing), isToOne: false, mirror: null, mirrorIsToOne: false)
    {
    }

    internal ToMany(PairStore<TKey, TVal> store, PairStore<TVal, TKey> mirror, bool mirrorIsToOne)
        : base(store, isToOne: false, mirror, mirrorIsToOne)
    {
    }

    /// <summary>Gets the keys' value sets, by ascending key (live).</summary>
    public Sequence<ValueSet<TKey, TVal>> Sets =>
        new WalkSequence<TKey, TVal, ValueSet<TKey, TVal>, SetProjection>(Store, WalkShape.AllKeys, default!, new SetProjection(this));

    /// <summary>Returns the live set of the values of <paramref name="key"/> (empty when it has none).</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public ValueSet<TKey, TVal> Get(TKey key)
    {
        Guard.NotNull(key);
        return new ValueSet<TKey, TVal>(this, key);
    }

    /// <summary>Adds <c>(key, value)</c>; on a junction whose far side is to-one, the value is taken from its owner.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>Whether the pair was added (it was absent).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public bool Insert(TKey key, TVal value) => InsertPair(key, value, out _);

    /// <summary>Removes <paramref name="key"/> and all its values from both sides.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The removed values, ascending (empty when the key had none).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<TVal> Expunge(TKey key) => ExpungeKey(key);

    private readonly struct SetProjection(ToMany<TKey, TVal> owner) : IPairProjection<TKey, TVal, ValueSet<TKey, TVal>>
    {
        public ValueSet<TKey, TVal> Project(TKey key, TVal value) => new(owner, key);
    }
}
