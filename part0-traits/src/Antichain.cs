using System.Runtime.CompilerServices;
using System.Text;

namespace Traces;

/// <summary>
/// A set of mutually incomparable times: a frontier. A time is "beyond" the frontier when some element is
/// less than or equal to it. Immutable: build one with <see cref="AntichainBuilder{T}"/>, <see cref="From"/>
/// or a collection expression.
/// </summary>
/// <typeparam name="T">The time type.</typeparam>
/// <remarks>
/// <para>
/// The elements live in an array of exactly <see cref="Count"/> elements, unsorted, that no one else holds;
/// frontiers are small (one or two elements in practice), so every operation is a linear scan. Because no
/// member changes an instance, traces, batch descriptions and spines hand out the instance they keep: no
/// defensive copies, and reading a frontier allocates nothing. <see cref="Empty"/> and <see cref="AtMinimum"/>
/// are shared instances, one per time type.
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
    // The shared { T.Minimum }: every time is beyond it.
    private static readonly Antichain<T> s_minimum = new(T.Minimum);

    // Mutually incomparable elements, in insertion order; never written after construction, never handed out.
    private readonly T[] _elements;

    /// <summary>Initializes an empty antichain; <see cref="Empty"/> is a shared one.</summary>
    public Antichain()
    {
        _elements = [];
    }

    /// <summary>Initializes an antichain holding one element.</summary>
    /// <param name="element">The element.</param>
    public Antichain(T element)
    {
        _elements = [element];
    }

    // Takes ownership of elements, which must already be an antichain.
    private Antichain(T[] elements)
    {
        _elements = elements;
    }

    /// <summary>Gets the shared empty antichain: the frontier beyond which no time lies.</summary>
    public static Antichain<T> Empty { get; } = new();

    /// <summary>Gets the number of elements.</summary>
    public int Count => _elements.Length;

    /// <summary>Gets whether the antichain has no elements (nothing is beyond it).</summary>
    public bool IsEmpty => _elements.Length == 0;

    /// <summary>Gets the elements, in insertion order.</summary>
    public ReadOnlySpan<T> Elements => _elements;

    /// <summary>Returns the shared antichain <c>{ T.Minimum }</c>, beyond which every time lies.</summary>
    public static Antichain<T> AtMinimum() => s_minimum;

    /// <summary>Creates the antichain of the minimal elements among <paramref name="times"/>.</summary>
    /// <param name="times">Any times; non-minimal ones and duplicates are dropped.</param>
    public static Antichain<T> From(ReadOnlySpan<T> times)
    {
        if (times.IsEmpty)
        {
            return Empty;
        }

        if (times.Length == 1)
        {
            return new Antichain<T>(times[0]);
        }

        var scratch = new T[times.Length];
        int count = 0;
        foreach (T time in times)
        {
            AntichainBuilder<T>.TryInsert(scratch, ref count, time);
        }

        return Own(scratch, count);
    }

    // Wraps the first count elements of scratch (an antichain), trimming the array if it is longer.
    internal static Antichain<T> Own(T[] scratch, int count)
    {
        if (count == 0)
        {
            return Empty;
        }

        return new Antichain<T>(count == scratch.Length ? scratch : scratch.AsSpan(0, count).ToArray());
    }

    /// <summary>Returns an enumerator over the elements.</summary>
    public ReadOnlySpan<T>.Enumerator GetEnumerator() => Elements.GetEnumerator();

    /// <summary>Returns whether some element is less than or equal to <paramref name="time"/>.</summary>
    /// <param name="time">The time to test.</param>
    public bool LessEqual(T time) => AntichainBuilder<T>.AnyLessEqual(_elements, time);

    /// <summary>Returns whether some element is strictly less than <paramref name="time"/>.</summary>
    /// <param name="time">The time to test.</param>
    public bool LessThan(T time)
    {
        foreach (T element in _elements)
        {
            if (element.LessEqual(time) && !element.Equals(time))
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
        foreach (T time in other._elements)
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
        if (other._elements.Length != _elements.Length)
        {
            return false;
        }

        // Elements are distinct within each antichain, so containment one way with equal counts is equality.
        foreach (T time in other._elements)
        {
            if (Array.IndexOf(_elements, time) < 0)
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
        if (left.IsEmpty || right.IsEmpty)
        {
            return Empty;
        }

        var scratch = new T[left.Count * right.Count];
        int count = 0;
        foreach (T a in left._elements)
        {
            foreach (T b in right._elements)
            {
                AntichainBuilder<T>.TryInsert(scratch, ref count, a.Join(b));
            }
        }

        return Own(scratch, count);
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
        if (left.LessEqual(right))
        {
            return left; // Every element of right is refused; sharing is safe, since neither can change.
        }

        var scratch = new T[left.Count + right.Count];
        left._elements.CopyTo(scratch, 0);
        int count = left.Count;
        foreach (T b in right._elements)
        {
            AntichainBuilder<T>.TryInsert(scratch, ref count, b);
        }

        return Own(scratch, count);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder("{");
        for (int i = 0; i < _elements.Length; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(_elements[i]);
        }

        return text.Append('}').ToString();
    }
}

/// <summary>
/// Builds an <see cref="Antichain{T}"/> one element at a time, keeping only the minimal elements; reusable after
/// <see cref="Clear"/>.
/// </summary>
/// <typeparam name="T">The time type.</typeparam>
/// <remarks>
/// The elements live in a growable array, unsorted. <see cref="Insert"/> refuses an element that some existing
/// element is less than or equal to, and evicts the elements the new one is less than or equal to, so the
/// elements are always an antichain. <see cref="ToAntichain"/> copies them out; the builder stays usable.
/// </remarks>
public sealed class AntichainBuilder<T>
    where T : ILattice<T>
{
    // Mutually incomparable elements in [0, _count); the slots after them are cleared.
    private T[] _elements = [];
    private int _count;

    /// <summary>Gets the number of elements.</summary>
    public int Count => _count;

    /// <summary>Gets whether no element has been kept.</summary>
    public bool IsEmpty => _count == 0;

    /// <summary>Gets the elements kept so far; valid until the next <see cref="Insert"/> or <see cref="Clear"/>.</summary>
    public ReadOnlySpan<T> Elements => new(_elements, 0, _count);

    /// <summary>Returns whether some element kept so far is less than or equal to <paramref name="time"/>.</summary>
    /// <param name="time">The time to test.</param>
    public bool LessEqual(T time) => AnyLessEqual(Elements, time);

    /// <summary>
    /// Adds <paramref name="element"/> unless some element is less than or equal to it; removes the elements it
    /// is less than or equal to.
    /// </summary>
    /// <param name="element">The time to add.</param>
    /// <returns><see langword="true"/> if the element was added.</returns>
    #region insert
    public bool Insert(T element)
    {
        if (_count == _elements.Length)
        {
            Array.Resize(ref _elements, Math.Max(2, _count * 2));
        }

        int before = _count;
        if (!TryInsert(_elements, ref _count, element))
        {
            return false;
        }

        // Evicted elements leave copies behind the kept ones; clear them, not to keep them alive.
        Array.Clear(_elements, _count, Math.Max(0, before - _count));
        return true;
    }

    // Inserts element into the antichain elements[0, count), which has room for one more,
    // unless some element is at most it; compacts in place, dropping the elements at least it.
    internal static bool TryInsert(T[] elements, ref int count, T element)
    {
        if (AnyLessEqual(elements.AsSpan(0, count), element))
        {
            return false;
        }

        int kept = 0;
        for (int i = 0; i < count; i++)
        {
            if (!element.LessEqual(elements[i]))
            {
                elements[kept++] = elements[i];
            }
        }

        elements[kept++] = element;
        count = kept;
        return true;
    }
    #endregion

    /// <summary>Returns the antichain of the elements kept so far; the builder can go on.</summary>
    public Antichain<T> ToAntichain() => Antichain<T>.Own(Elements.ToArray(), _count);

    /// <summary>Removes every element, keeping the array for reuse.</summary>
    public void Clear()
    {
        Array.Clear(_elements, 0, _count);
        _count = 0;
    }

    // Whether some element of elements is less than or equal to time.
    internal static bool AnyLessEqual(ReadOnlySpan<T> elements, T time)
    {
        foreach (T element in elements)
        {
            if (element.LessEqual(time))
            {
                return true;
            }
        }

        return false;
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
