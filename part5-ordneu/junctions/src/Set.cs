namespace Traces.Junctions;

/// <summary>A sorted set with passage-rule iteration.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>The elements are the keys of a <see cref="PairStore{TKey, TVal}"/> whose values are all <see cref="Unit"/>.</remarks>
public sealed class Set<T> : Sequence<T>
    where T : IComparable<T>
{
    private readonly PairStore<T, Unit> _store;

    /// <summary>Initializes an empty set held in memory.</summary>
    public Set()
        : this(Backings.InMemory)
    {
    }

    /// <summary>Initializes an empty set on the given backing.</summary>
    /// <param name="backing">Creates the store.</param>
    /// <exception cref="ArgumentNullException"><paramref name="backing"/> is <see langword="null"/>.</exception>
    public Set(IPairStoreFactory backing)
    {
        ArgumentNullException.ThrowIfNull(backing);
        _store = backing.Create<T, Unit>();
    }

    /// <summary>Gets the number of elements.</summary>
    public int Count => _store.Count;

    /// <summary>Adds <paramref name="item"/>.</summary>
    /// <param name="item">The element.</param>
    /// <returns>Whether it was added (it was absent).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    public bool Insert(T item)
    {
        Guard.NotNull(item);
        return _store.Add(item, Unit.Value);
    }

    /// <summary>Removes <paramref name="item"/>.</summary>
    /// <param name="item">The element.</param>
    /// <returns>Whether it was present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    public bool Remove(T item)
    {
        Guard.NotNull(item);
        return _store.Remove(item, Unit.Value);
    }

    /// <summary>Returns whether <paramref name="item"/> is present.</summary>
    /// <param name="item">The element.</param>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    public bool Contains(T item)
    {
        Guard.NotNull(item);
        return _store.Contains(item, Unit.Value);
    }

    /// <inheritdoc />
    public override Passage<T> Iterate() =>
        new PairWalk<T, Unit, T, KeyProjection<T, Unit>>(_store, WalkShape.AllPairs, default!, default);
}
