using System.Numerics;
using Traces;

namespace TraceCheck;

/// <summary>
/// Your collection trace: write each member, then run <c>dotnet test</c> until the conformance suite passes.
/// </summary>
/// <typeparam name="TKey">The key type, totally ordered.</typeparam>
/// <typeparam name="TVal">The value type, totally ordered.</typeparam>
/// <typeparam name="TTime">The time type, a lattice.</typeparam>
/// <typeparam name="TDiff">The diff type, an abelian group under addition.</typeparam>
/// <remarks>
/// <see cref="TraceArguments"/> has the argument checks every trace in the series uses, and
/// <see cref="Consolidation"/> sums the diffs of equal updates; part 1's <c>HashMapTrace</c> is a correct trace in
/// about a hundred lines.
/// </remarks>
public sealed class MyTrace<TKey, TVal, TTime, TDiff> : ITrace<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    /// <inheritdoc />
    public void Add(IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates) =>
        throw new NotImplementedException(
            "MyTrace.Add is not written yet: check the whole batch first (TraceArguments.ToCheckedArray), then "
            + "store each update's (key, val, time, diff), its time advanced by the frontier (time.AdvanceBy).");

    /// <inheritdoc />
    public IEnumerable<Update<TKey, TVal, TTime, TDiff>> Get(TKey key) =>
        throw new NotImplementedException(
            "MyTrace.Get is not written yet: return the updates stored for the key, in any order, "
            + "or none if it has none (throw ArgumentNullException for a null key).");

    /// <inheritdoc />
    public IEnumerable<TKey> Keys() =>
        throw new NotImplementedException(
            "MyTrace.Keys is not written yet: return, once each, the keys whose updates do not all cancel "
            + "(consolidate them to check).");

    /// <inheritdoc />
    public void AdvanceBy(Antichain<TTime> frontier) =>
        throw new NotImplementedException(
            "MyTrace.AdvanceBy is not written yet: check the frontier (TraceArguments.CheckFrontierAdvance), "
            + "keep it, and advance every stored time by it; consolidating then is allowed.");
}
