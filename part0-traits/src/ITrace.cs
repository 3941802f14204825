using System.Numerics;

namespace Traces;

/// <summary>
/// A collection trace: the indexed store of <c>(key, val, time, diff)</c> updates that describes a collection
/// changing over (partially ordered) time.
/// </summary>
/// <typeparam name="TKey">The key type, totally ordered.</typeparam>
/// <typeparam name="TVal">The value type, totally ordered.</typeparam>
/// <typeparam name="TTime">The time type, a lattice.</typeparam>
/// <typeparam name="TDiff">The diff type, an abelian group under addition (<see cref="long"/> by default).</typeparam>
/// <remarks>
/// The collection at time <c>s</c> is the accumulation of the updates: for each <c>(key, val)</c>, the sum of the
/// diffs of its updates at times <c>t</c> with <c>t ≤ s</c> in the partial order. Implementations may store the
/// updates in any form whose accumulations agree with that.
/// </remarks>
#region contract
public interface ITrace<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    /// <summary>Gets the guarantees beyond the contract's minimum that this trace makes.</summary>
    TraceGuarantees Guarantees => TraceGuarantees.None;

    /// <summary>
    /// Adds a batch of updates, in any order, with any diffs (negative, zero, cancelling).
    /// </summary>
    /// <param name="updates">The batch.</param>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="updates"/> is <see langword="null"/>.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// An update has a <see langword="null"/> key, value or time; nothing is added.
    /// </exception>
    void Add(IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates);

    /// <summary>
    /// Returns the updates held for <paramref name="key"/>: their consolidation equals the
    /// consolidation of everything added for it, up to the compaction
    /// <see cref="AdvanceBy"/> allows.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="key"/> is <see langword="null"/>.
    /// </exception>
    IEnumerable<Update<TKey, TVal, TTime, TDiff>> Get(TKey key);

    /// <summary>Returns each key whose consolidated updates are non-empty, once.</summary>
    IEnumerable<TKey> Keys();

    /// <summary>
    /// Promises that readers will only ask about times beyond <paramref name="frontier"/>, allowing
    /// the trace to advance every time by it and consolidate.
    /// </summary>
    /// <param name="frontier">The new compaction frontier; it must not go backwards.</param>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="frontier"/> is <see langword="null"/>.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="frontier"/> is not greater than or equal to the current
    /// frontier; nothing changes.
    /// </exception>
    void AdvanceBy(Antichain<TTime> frontier);
}
#endregion
