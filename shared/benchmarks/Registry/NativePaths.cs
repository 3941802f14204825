namespace Traces.Benchmarks;

/// <summary>
/// A part's own batched look-up: given a loaded trace of that part and a batch of keys, returns the sum of the
/// diffs of every key's updates (what one <c>Get</c> per key would sum).
/// </summary>
/// <param name="trace">A trace created by the part's registered factory, loaded.</param>
/// <param name="keys">The keys, sorted or not, as the workload gives them.</param>
public delegate long NativeLookup(ITrace<long, long, Timestamp, long> trace, long[] keys);

/// <summary>
/// A part's own merge of two batches: builds both batches from <paramref name="input"/> (not measured) and returns
/// the merge itself (measured), which returns the number of updates in the merged batch. The returned function
/// must be repeatable: each call merges the same two batches afresh.
/// </summary>
/// <param name="input">The two batches' updates, sorted and consolidated, and the compaction frontier.</param>
public delegate Func<long> NativeMerge(MergeInput input);
