using System.Diagnostics.CodeAnalysis;

namespace Traces.Junctions;

/// <summary>A handle to a value stored in a <see cref="FloatingPom{T}"/>; it outlives the entry's removal.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class Floating<T>
{
    private T _value;

    internal Floating(Id id, T value)
    {
        Id = id;
        _value = value;
    }

    /// <summary>Gets the entry's id.</summary>
    public Id Id { get; }

    /// <summary>Gets whether the entry has been removed from its table; the handle still reads and writes its value.</summary>
    public bool IsRemoved { get; internal set; }

    /// <summary>Gets or sets the value; every holder of this handle sees the change.</summary>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public T Value
    {
        get => _value;
        set
        {
            Guard.NotNull(value);
            _value = value;
        }
    }
}

/// <summary>
/// A table whose entries are shared handles: any holder may insert and remove while others iterate, and a
/// handle from <see cref="Get"/> stays usable after its entry is removed.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <remarks>
/// A <see cref="Pom{T}"/> of <see cref="Floating{T}"/> handles: one allocation per entry buys the guarantee that
/// nobody holds a reference into the table's arrays, only to a handle the table merely points at.
/// </remarks>
public sealed class FloatingPom<T> : Sequence<Floating<T>>
{
    private readonly Pom<Floating<T>> _entries = new();

    /// <summary>Gets the number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>Stores <paramref name="value"/> under a new id.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The new id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public Id Insert(T value)
    {
        Guard.NotNull(value);
        return _entries.Insert(new Floating<T>(_entries.NextId, value));
    }

    /// <summary>Returns the handle of entry <paramref name="id"/>, or <see langword="null"/> for an id removed or never issued.</summary>
    /// <param name="id">The id.</param>
    public Floating<T>? Get(Id id) => _entries.TryGet(id, out Floating<T>? handle) ? handle : null;

    /// <summary>Returns whether there is an entry <paramref name="id"/>.</summary>
    /// <param name="id">The id.</param>
    public bool Contains(Id id) => _entries.Contains(id);

    /// <summary>Removes entry <paramref name="id"/>; its handle stays valid, marked removed.</summary>
    /// <param name="id">The id.</param>
    /// <returns>Whether there was such an entry.</returns>
    public bool Remove(Id id)
    {
        if (!_entries.TryGet(id, out Floating<T>? handle))
        {
            return false;
        }

        _entries.Remove(id);
        handle.IsRemoved = true;
        return true;
    }

    /// <summary>Looks up the value of entry <paramref name="id"/>.</summary>
    /// <param name="id">The id.</param>
    /// <param name="value">The value, when found.</param>
    public bool TryGetValue(Id id, [MaybeNullWhen(false)] out T value)
    {
        value = _entries.TryGet(id, out Floating<T>? handle) ? handle.Value : default;
        return handle is not null;
    }

    /// <inheritdoc />
    public override Passage<Floating<T>> Iterate() => new HandlePassage(_entries.Iterate());

    private sealed class HandlePassage(Passage<(Id Id, Floating<T> Value)> inner) : Passage<Floating<T>>
    {
        public override bool TryNext([MaybeNullWhen(false)] out Floating<T> item)
        {
            bool found = inner.TryNext(out var entry);
            item = entry.Value;
            return found;
        }

        public override bool TryNextBack([MaybeNullWhen(false)] out Floating<T> item)
        {
            bool found = inner.TryNextBack(out var entry);
            item = entry.Value;
            return found;
        }
    }
}
