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
/// <see cref="Consolidation"/> sums the diffs of equal updates; <see cref="TraceVersion"/> makes what you hand a
/// reader fail fast once the trace changes (the contract's rule for reading while writing), and
/// <see cref="SnapshotCursor{TKey, TVal, TTime, TDiff}"/> is a correct cursor over a sorted copy. Part 1's
/// <c>HashMapTrace</c> is a correct trace in about a hundred and fifty lines.
/// </remarks>
public sealed class MyTrace<TKey, TVal, TTime, TDiff> : INavigableTrace<TKey, TVal, TTime, TDiff>
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
            + "store each update's (key, val, time, diff), its time advanced by the frontier (time.AdvanceBy); "
            + "if the batch was not empty, record the change (a TraceVersion's Changed()).");

    /// <inheritdoc />
    public IEnumerable<Update<TKey, TVal, TTime, TDiff>> Get(TKey key) =>
        throw new NotImplementedException(
            "MyTrace.Get is not written yet: return the updates stored for the key, in any order, "
            + "or none if it has none (throw ArgumentNullException for a null key), through a TraceVersion's Guard "
            + "so that reading them after a change throws.");

    /// <inheritdoc />
    public IEnumerable<TKey> Keys() =>
        throw new NotImplementedException(
            "MyTrace.Keys is not written yet: return, once each, the keys whose updates do not all cancel "
            + "(consolidate them to check), through a TraceVersion's Guard.");

    /// <inheritdoc />
    public void AdvanceBy(Antichain<TTime> frontier) =>
        throw new NotImplementedException(
            "MyTrace.AdvanceBy is not written yet: check the frontier (TraceArguments.CheckFrontierAdvance), "
            + "keep it, record the change (a TraceVersion's Changed()), and advance every stored time by it; "
            + "consolidating then is allowed.");

    /// <inheritdoc />
    public ITraceCursor<TKey, TVal, TTime, TDiff> GetCursor() =>
        throw new NotImplementedException(
            "MyTrace.GetCursor is not written yet: the simplest correct cursor copies every update into an array "
            + "and returns new SnapshotCursor<TKey, TVal, TTime, TDiff>(version, copy); a sorted trace navigates "
            + "the runs it keeps instead (chapter 1).");
}
