using System.Diagnostics.CodeAnalysis;

namespace Traces.Junctions;

/// <summary>A sorted map: each key has at most one value. Also the to-one side of a junction.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <remarks>
/// The pairs live in one <see cref="PairStore{TKey, TVal}"/>. As a junction side, every write is mirrored into the
/// other side's store, and an insert that replaces a value evicts the mirror pair of the old one.
/// </remarks>
public sealed class ToOne<TKey, TVal> : PairMap<TKey, TVal>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
{
    /// <summary>Initializes an empty map held in memory.</summary>
    public ToOne()
        : this(Backings.InMemory)
    {
    }

    /// <summary>Initializes an empty map on the given backing.</summary>
    /// <param name="backing">Creates the store.</param>
    /// <exception cref="ArgumentNullException"><paramref name="backing"/> is <see langword="null"/>.</exception>
    public ToOne(IPairStoreFactory backing)
        : base(CreateStore(backing), isToOne: true, mirror: null, mirrorIsToOne: false)
    {
    }

    internal ToOne(PairStore<TKey, TVal> store, PairStore<TVal, TKey> mirror, bool mirrorIsToOne)
        : base(store, isToOne: true, mirror, mirrorIsToOne)
    {
    }

    /// <summary>Returns the value of <paramref name="key"/>, if any.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public Optional<TVal> Get(TKey key) => TryGet(key, out TVal? value) ? Optional<TVal>.Some(value) : Optional<TVal>.None;

    /// <summary>Looks up the value of <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, when found.</param>
    /// <returns>Whether the key has a value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TVal value)
    {
        Guard.NotNull(key);
        return Store.TryFirstValue(key, out value);
    }

    /// <summary>Maps <paramref name="key"/> to <paramref name="value"/>, evicting what the constraints forbid.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>The key's previous value, if it had one (equal to <paramref name="value"/> when nothing changed).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public Optional<TVal> Insert(TKey key, TVal value)
    {
        InsertPair(key, value, out Optional<TVal> replaced);
        return replaced;
    }

    /// <summary>Removes <paramref name="key"/> and its value from both sides.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The removed value, if the key had one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public Optional<TVal> Expunge(TKey key)
    {
        List<TVal> removed = ExpungeKey(key);
        return removed.Count == 0 ? Optional<TVal>.None : Optional<TVal>.Some(removed[0]);
    }
}
