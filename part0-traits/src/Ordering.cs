using System.Runtime.CompilerServices;

namespace Traces;

/// <summary>
/// The order every trace puts keys and values in: a type's own <see cref="IComparable{T}"/> order, except that
/// strings order ordinally (by UTF-16 code unit), whatever the current culture.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="string.CompareTo(string)"/> and <see cref="Comparer{T}.Default"/> for strings compare by the current
/// culture, which ignores some characters (a soft hyphen, a NUL) and folds others (a precomposed é and
/// <c>e</c> with a combining accent): a trace ordered that way would make one key of distinct strings, and would
/// answer differently on machines with different cultures. Every key and value comparison in the traces goes
/// through this class instead.
/// </para>
/// <para>
/// The test <c>typeof(T) == typeof(string)</c> is a constant for each instantiation over a value type, so the JIT
/// drops it and the call becomes the type's own <c>CompareTo</c>, inlined: hot loops over <see cref="ulong"/> keys
/// compile exactly as before. Over reference types (shared generic code) it is one type-handle comparison.
/// </para>
/// </remarks>
public static class Ordering
{
    #region ordering-compare
    /// <summary>
    /// Compares two keys or values: ordinally for strings, by their own order otherwise.
    /// </summary>
    /// <typeparam name="T">The key or value type.</typeparam>
    /// <param name="x">The first item.</param>
    /// <param name="y">The second item.</param>
    /// <returns>
    /// Negative, zero or positive as <paramref name="x"/> is less than, equal to or greater
    /// than <paramref name="y"/>.
    /// </returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Compare<T>(T x, T y)
        where T : IComparable<T> =>
        typeof(T) == typeof(string)
            ? string.CompareOrdinal((string)(object)x, (string)(object)y)
            : x.CompareTo(y);
    #endregion

    /// <summary>
    /// Compares two items of a type that may not be <see cref="IComparable{T}"/>: ordinally for strings, by
    /// <see cref="Comparer{T}.Default"/> otherwise (which the JIT devirtualizes for value types).
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="x">The first item.</param>
    /// <param name="y">The second item.</param>
    /// <returns>Negative, zero or positive as <paramref name="x"/> is less than, equal to or greater than
    /// <paramref name="y"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CompareAny<T>(T x, T y) =>
        typeof(T) == typeof(string)
            ? string.CompareOrdinal((string)(object)x!, (string)(object)y!)
            : Comparer<T>.Default.Compare(x, y);
}
