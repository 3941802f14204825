using System.Numerics;

namespace Exercises.Ch01;

/// <summary>
/// A diff that carries a count and a sum at once: an update with diff <c>(1, 250)</c> says "one more record,
/// and 250 more in total", so a trace of purchases keeps every customer's number of purchases and their total.
/// </summary>
/// <param name="Count">How many records the update adds (negative to retract).</param>
/// <param name="Sum">How much the update adds to the total (negated with the count to retract).</param>
/// <remarks>
/// Pairs add component-wise, so they form an abelian group as <see cref="long"/> does: <c>(0, 0)</c> is zero and
/// <c>(-c, -s)</c> undoes <c>(c, s)</c>. That is all consolidation needs: it adds diffs of equal
/// <c>(key, val, time)</c> and drops the zeros.
/// </remarks>
#region count-sum
public readonly record struct CountSum(long Count, long Sum) :
    IAdditionOperators<CountSum, CountSum, CountSum>,
    IAdditiveIdentity<CountSum, CountSum>,
    IUnaryNegationOperators<CountSum, CountSum>,
    IEqualityOperators<CountSum, CountSum, bool>
{
    /// <summary>Gets the zero diff: no records, nothing in total.</summary>
    public static CountSum AdditiveIdentity => default;

    /// <summary>Returns the diff of one record worth <paramref name="amount"/>.</summary>
    /// <param name="amount">The record's amount.</param>
    public static CountSum One(long amount) => new(1, amount);

    /// <summary>Adds two diffs component-wise.</summary>
    /// <param name="left">The first diff.</param>
    /// <param name="right">The second diff.</param>
    public static CountSum operator +(CountSum left, CountSum right) =>
        new(left.Count + right.Count, left.Sum + right.Sum);

    /// <summary>Returns the diff that undoes <paramref name="value"/>.</summary>
    /// <param name="value">The diff to undo.</param>
    public static CountSum operator -(CountSum value) => new(-value.Count, -value.Sum);

    /// <summary>Adds two diffs component-wise (the named form of <c>+</c>).</summary>
    /// <param name="left">The first diff.</param>
    /// <param name="right">The second diff.</param>
    public static CountSum Add(CountSum left, CountSum right) => left + right;

    /// <summary>Returns the diff that undoes <paramref name="value"/> (the named form of unary <c>-</c>).</summary>
    /// <param name="value">The diff to undo.</param>
    public static CountSum Negate(CountSum value) => -value;
}
#endregion
