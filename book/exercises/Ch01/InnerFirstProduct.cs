using Traces;

namespace Exercises.Ch01;

/// <summary>
/// Part 0's <see cref="Product{TOuter, TInner}"/> with the other sort order: by the inner time first. The partial
/// order, join and meet are the product's; only <see cref="CompareTo"/> differs.
/// </summary>
/// <typeparam name="TOuter">The outer time.</typeparam>
/// <typeparam name="TInner">The inner time.</typeparam>
/// <param name="Outer">The outer component.</param>
/// <param name="Inner">The inner component.</param>
public readonly record struct InnerFirstProduct<TOuter, TInner>(TOuter Outer, TInner Inner)
    : ILattice<InnerFirstProduct<TOuter, TInner>>
    where TOuter : ILattice<TOuter>
    where TInner : ILattice<TInner>
{
    /// <summary>Gets the pair of both minimums.</summary>
    public static InnerFirstProduct<TOuter, TInner> Minimum => new(TOuter.Minimum, TInner.Minimum);

    /// <inheritdoc />
    public bool LessEqual(InnerFirstProduct<TOuter, TInner> other) =>
        Outer.LessEqual(other.Outer) && Inner.LessEqual(other.Inner);

    /// <inheritdoc />
    public InnerFirstProduct<TOuter, TInner> Join(InnerFirstProduct<TOuter, TInner> other) =>
        new(Outer.Join(other.Outer), Inner.Join(other.Inner));

    /// <inheritdoc />
    public InnerFirstProduct<TOuter, TInner> Meet(InnerFirstProduct<TOuter, TInner> other) =>
        new(Outer.Meet(other.Outer), Inner.Meet(other.Inner));

    /// <inheritdoc />
    public int CompareTo(InnerFirstProduct<TOuter, TInner> other)
    {
        #region compare-to
        int inner = Inner.CompareTo(other.Inner);
        return inner != 0 ? inner : Outer.CompareTo(other.Outer);
        #endregion
    }

    /// <inheritdoc />
    public override string ToString() => $"({Outer}, {Inner})";
}
