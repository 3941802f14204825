namespace Traces;

/// <summary>
/// A time: a lattice under a partial order, with a minimum, and a total order used only for sorting.
/// </summary>
/// <typeparam name="TSelf">The implementing time type.</typeparam>
/// <remarks>
/// <para>
/// <see cref="LessEqual"/> is the partial order that decides which updates a reader sees:
/// an update at time <c>t</c> is part of the collection at time <c>s</c> exactly when
/// <c>t.LessEqual(s)</c>. <see cref="Join"/> is the least upper bound and <see cref="Meet"/> the
/// greatest lower bound under that order; <see cref="Minimum"/> is less than or equal to every time.
/// </para>
/// <para>
/// <see cref="IComparable{T}.CompareTo"/> is a total order that must extend the partial order
/// (<c>a.LessEqual(b)</c> implies <c>a.CompareTo(b) &lt;= 0</c>). Traces sort by it; they never use it
/// to decide visibility.
/// </para>
/// <para>
/// <see cref="Minimum"/> is a static abstract member, so generic code reaches it as <c>TTime.Minimum</c>
/// without an instance: the C# counterpart of a Rust trait's associated function.
/// </para>
/// </remarks>
#region lattice
public interface ILattice<TSelf> : IComparable<TSelf>, IEquatable<TSelf>
    where TSelf : ILattice<TSelf>
{
    /// <summary>Gets the time that is less than or equal to every time.</summary>
    static abstract TSelf Minimum { get; }

    /// <summary>
    /// Returns whether this time is less than or equal to
    /// <paramref name="other"/> in the partial order.
    /// </summary>
    /// <param name="other">The time to compare with.</param>
    bool LessEqual(TSelf other);

    /// <summary>Returns the least upper bound of this time and <paramref name="other"/>.</summary>
    /// <param name="other">The other time.</param>
    TSelf Join(TSelf other);

    /// <summary>
    /// Returns the greatest lower bound of this time and <paramref name="other"/>.
    /// </summary>
    /// <param name="other">The other time.</param>
    TSelf Meet(TSelf other);
}
#endregion
