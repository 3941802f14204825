using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Traces.Junctions;

/// <summary>
/// A double-ended iterator that obeys the passage rule: writes while it is open never throw; it does not revisit
/// what it has passed (from either end) and does see what lies ahead; its two ends never cross; once exhausted it
/// stays exhausted.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>As an <see cref="IEnumerator{T}"/>, <see cref="MoveNext"/> steps the front end.</remarks>
public abstract class Passage<T> : IEnumerator<T>
{
    // The item the last MoveNext moved to; default when it returned false.
    private T _current = default!;

    /// <summary>Gets the element the last successful <see cref="MoveNext"/> returned.</summary>
    public T Current => _current;

    object? IEnumerator.Current => _current;

    /// <summary>Steps the front end.</summary>
    /// <param name="item">The next element in ascending order, when there is one.</param>
    /// <returns><see langword="false"/> when the iteration is exhausted.</returns>
    public abstract bool TryNext([MaybeNullWhen(false)] out T item);

    /// <summary>Steps the back end.</summary>
    /// <param name="item">The next element in descending order, when there is one.</param>
    /// <returns><see langword="false"/> when the iteration is exhausted.</returns>
    public abstract bool TryNextBack([MaybeNullWhen(false)] out T item);

    /// <summary>Returns this iteration with its ends swapped: the front steps down, the back steps up.</summary>
    public Passage<T> Reversed() => new ReversedPassage(this);

    /// <inheritdoc />
    public bool MoveNext()
    {
        bool moved = TryNext(out T? item);
        _current = moved ? item! : default!;
        return moved;
    }

    /// <summary>Not supported: start a new iteration instead.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public void Reset() => throw new NotSupportedException("A passage cannot be rewound; start a new one.");

    /// <summary>Does nothing: a passage holds no resources.</summary>
    public void Dispose() => GC.SuppressFinalize(this);

    private sealed class ReversedPassage(Passage<T> inner) : Passage<T>
    {
        public override bool TryNext([MaybeNullWhen(false)] out T item) => inner.TryNextBack(out item);

        public override bool TryNextBack([MaybeNullWhen(false)] out T item) => inner.TryNext(out item);
    }
}

/// <summary>A live, ordered view that can be iterated forward, in reverse or from both ends.</summary>
/// <typeparam name="T">The element type.</typeparam>
public abstract class Sequence<T> : IEnumerable<T>
{
    /// <summary>Starts a double-ended iteration of the current contents.</summary>
    public abstract Passage<T> Iterate();

    /// <summary>Returns the same view iterated in descending order (live, unlike LINQ's buffering <c>Reverse</c>).</summary>
    public Sequence<T> Reverse() => new ReversedSequence(this);

    /// <summary>Iterates in ascending order.</summary>
    public IEnumerator<T> GetEnumerator() => Iterate();

    IEnumerator IEnumerable.GetEnumerator() => Iterate();

    private sealed class ReversedSequence(Sequence<T> inner) : Sequence<T>
    {
        public override Passage<T> Iterate() => inner.Iterate().Reversed();
    }
}
