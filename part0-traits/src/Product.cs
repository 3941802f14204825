namespace Traces;

/// <summary>
/// A pair of times ordered component-wise: the classic partially ordered time of nested iteration
/// (outer round, inner iteration).
/// </summary>
/// <typeparam name="TOuter">The outer time.</typeparam>
/// <typeparam name="TInner">The inner time.</typeparam>
/// <param name="Outer">The outer component.</param>
/// <param name="Inner">The inner component.</param>
/// <remarks>
/// <c>(a, b) ≤ (c, d)</c> when <c>a ≤ c</c> and <c>b ≤ d</c>, so <c>(0, 1)</c> and <c>(1, 0)</c> are
/// incomparable. Join and meet work component-wise. The sort order is lexicographic, which extends the
/// partial order.
/// </remarks>
public readonly record struct Product<TOuter, TInner>(TOuter Outer, TInner Inner) : ILattice<Product<TOuter, TInner>>
    where TOuter : ILattice<TOuter>
    where TInner : ILattice<TInner>
{
    /// <summary>Gets the pair of both minimums.</summary>
    public static Product<TOuter, TInner> Minimum => new(TOuter.Minimum, TInner.Minimum);

    /// <inheritdoc />
    #region product-order
    public bool LessEqual(Product<TOuter, TInner> other) =>
        Outer.LessEqual(other.Outer) && Inner.LessEqual(other.Inner);

    /// <inheritdoc />
    public Product<TOuter, TInner> Join(Product<TOuter, TInner> other) =>
        new(Outer.Join(other.Outer), Inner.Join(other.Inner));

    /// <inheritdoc />
    public Product<TOuter, TInner> Meet(Product<TOuter, TInner> other) =>
        new(Outer.Meet(other.Outer), Inner.Meet(other.Inner));
    #endregion

    /// <inheritdoc />
    public int CompareTo(Product<TOuter, TInner> other)
    {
        int outer = Outer.CompareTo(other.Outer);
        return outer != 0 ? outer : Inner.CompareTo(other.Inner);
    }

    /// <inheritdoc />
    public override string ToString() => $"({Outer}, {Inner})";
}
