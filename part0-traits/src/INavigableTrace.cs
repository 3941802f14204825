using System.Numerics;

namespace Traces;

/// <summary>
/// A trace a reader can navigate with a cursor, key by key and value by value, instead of asking for one key's
/// updates at a time.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// The read capability the contract gains after <see cref="ITrace{TKey, TVal, TTime, TDiff}"/>: everything the base
/// contract promises still holds, and a cursor reads the same collection <c>Get</c> and <c>Keys</c> do. The
/// conformance suite checks the cursor of every trace that offers one against the model.
/// </remarks>
#region navigable-trace
public interface INavigableTrace<TKey, TVal, TTime, TDiff> : ITrace<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    /// <summary>
    /// Returns a cursor at the trace's first key and its first value; valid until the trace
    /// changes.
    /// </summary>
    ITraceCursor<TKey, TVal, TTime, TDiff> GetCursor();
}
#endregion
