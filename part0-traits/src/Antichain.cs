using System.Runtime.CompilerServices;
using System.Text;

namespace Traces;

/// <summary>
/// A set of mutually incomparable times: a frontier. A time is "beyond" the frontier when some element is
/// less than or equal to it.
/// </summary>
/// <typeparam name="T">The time type.</typeparam>
/// <remarks>
/// <para>
/// The elements live in an array, unsorted; frontiers are small (one or two elements in practice), so every
/// operation is a linear scan. <see cref="Insert"/> keeps the set an antichain: it refuses an element that
/// some existing element is less than or equal to, and evicts the elements the new one is less than or equal to.
/// </para>
/// <para>
/// The empty antichain is the frontier of a finished computation: no time is beyond it, and it is greater
/// than or equal to every other antichain.
/// </para>
/// </remarks>
[CollectionBuilder(typeof(Antichain), nameof(Antichain.Create))]
public sealed class Antichain<T>
    where T : ILattice<T>
{
    private T[] _elements;
    private int _count;

    /// <summary>Initializes an empty antichain.</summary>
    public Antichain()
    {
        _elements = [];
    }

    /// <summary>Initializes an antichain holding one element.</summary>
    /// <param name="element">The element.</param>
    public Antichain(T element)
    {
        _elements = [element];
        _count = 1;
    }

    /// <summary>Gets the number of elements.</summary>
    public int Count => _count;

    /// <summary>Gets whether the antichain has no elements (nothing is beyond it).</summary>
    public bool IsEmpty => _count == 0;

    /// <summary>Gets the elements, in insertion order.</summary>
    public ReadOnlySpan<T> Elements => new(_elements, 0, _count);

    /// <summary>Creates the antichain <c>{ T.Minimum }</c>, beyond which every time lies.</summary>
    public static Antichain<T> AtMinimum() => new(T.Minimum);

    /// <summary>Creates the antichain of the minimal elements among <paramref name="times"/>.</summary>
    /// <param name="times">Any times; non-minimal ones and duplicates are dropped.</param>
    public static Antichain<T> From(ReadOnlySpan<T> times)
    {
        var result = new Antichain<T>();
        foreach (T time in times)
        {
            result.Insert(time);
        }

        return result;
    }

    /// <summary>Returns an enumerator over the elements.</summary>
    public ReadOnlySpan<T>.Enumerator GetEnumerator() => Elements.GetEnumerator();

    /// <summary>
    /// Adds <paramref name="element"/> unless some element is less than or equal to it; removes the elements it
    /// is less than or equal to.
    /// </summary>
    /// <param name="element">The time to add.</param>
    /// <returns><see langword="true"/> if the element was added.</returns>
    #region insert
    public bool Insert(T element)
    {
        if (LessEqual(element))
        {
            return false;
        }

        // Compact in place, dropping every element the new one is less than or equal to.
        int kept = 0;
        for (int i = 0; i < _count; i++)
        {
            if (!element.LessEqual(_elements[i]))
            {
                _elements[kept++] = _elements[i];
            }
        }

        Array.Clear(_elements, kept, _count - kept);
        _count = kept;
        if (_count == _elements.Length)
        {
            Array.Resize(ref _elements, Math.Max(2, _count * 2));
        }

        _elements[_count++] = element;
        return true;
    }
    #endregion

    /// <summary>Returns whether some element is less than or equal to <paramref name="time"/>.</summary>
    /// <param name="time">The time to test.</param>
    public bool LessEqual(T time)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_elements[i].LessEqual(time))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns whether some element is strictly less than <paramref name="time"/>.</summary>
    /// <param name="time">The time to test.</param>
    public bool LessThan(T time)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_elements[i].LessEqual(time) && !_elements[i].Equals(time))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns whether this antichain is less than or equal to <paramref name="other"/>: every element of
    /// <paramref name="other"/> is greater than or equal to some element of this one.
    /// </summary>
    /// <param name="other">The antichain to compare with.</param>
    public bool LessEqual(Antichain<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (T time in other.Elements)
        {
            if (!LessEqual(time))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns whether both antichains hold the same set of elements.</summary>
    /// <param name="other">The antichain to compare with.</param>
    public bool SetEquals(Antichain<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._count != _count)
        {
            return false;
        }

        // Elements are distinct within each antichain, so containment one way with equal counts is equality.
        foreach (T time in other.Elements)
        {
            if (Array.IndexOf(_elements, time, 0, _count) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Returns the join of two antichains: the minimal elements of <c>{ a ⊔ b }</c> over all pairs. Beyond it
    /// lie exactly the times beyond both.
    /// </summary>
    /// <param name="left">The first antichain.</param>
    /// <param name="right">The second antichain.</param>
    public static Antichain<T> Join(Antichain<T> left, Antichain<T> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var result = new Antichain<T>();
        foreach (T a in left.Elements)
        {
            foreach (T b in right.Elements)
            {
                result.Insert(a.Join(b));
            }
        }

        return result;
    }

    /// <summary>
    /// Returns the meet of two antichains: the minimal elements of their union. Beyond it lie the times beyond
    /// either.
    /// </summary>
    /// <param name="left">The first antichain.</param>
    /// <param name="right">The second antichain.</param>
    public static Antichain<T> Meet(Antichain<T> left, Antichain<T> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var result = left.Clone();
        foreach (T b in right.Elements)
        {
            result.Insert(b);
        }

        return result;
    }

    /// <summary>Returns a copy that later inserts into either do not affect.</summary>
    public Antichain<T> Clone()
    {
        var copy = new Antichain<T> { _elements = Elements.ToArray(), _count = _count };
        return copy;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder("{");
        for (int i = 0; i < _count; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(_elements[i]);
        }

        return text.Append('}').ToString();
    }
}

/// <summary>Factory methods for <see cref="Antichain{T}"/>, including collection expressions: <c>Antichain&lt;Timestamp&gt; f = [3, 5];</c>.</summary>
public static class Antichain
{
    /// <summary>Creates the antichain of the minimal elements among <paramref name="times"/>.</summary>
    /// <typeparam name="T">The time type.</typeparam>
    /// <param name="times">The times.</param>
    public static Antichain<T> Create<T>(ReadOnlySpan<T> times)
        where T : ILattice<T> => Antichain<T>.From(times);
}
