using Traces.HashMap;
using Traces.Index;
using Traces.Junctions;
using Traces.OrdNeu;
using Traces.Sorted;
using Traces.Tries;

namespace Traces.Benchmarks;

/// <summary>The parts of the series the benchmarks measure: one entry per part.</summary>
/// <remarks>
/// A part is registered with its name, a factory for <see cref="long"/> keys and, when it supports them, one for
/// <see cref="string"/> keys; a native look-up or merge is one more line each. The headline ratios of
/// <see cref="HeadlineRatios"/> appear once the parts they name are registered here.
/// </remarks>
public static class Parts
{
    #region parts
    /// <summary>Gets the registry of parts.</summary>
    public static TraceRegistry Registry { get; } = new TraceRegistry()
        .Add("part1", () => new HashMapTrace<long, long, Timestamp, long>(),
            () => new HashMapTrace<string, long, Timestamp, long>())
        .Add("part2", () => new SortedTrace<long, long, Timestamp, long>(),
            () => new SortedTrace<string, long, Timestamp, long>())
        .Add("part3", () => new TrieTrace<long, long, Timestamp, long>(),
            () => new TrieTrace<string, long, Timestamp, long>())
        .Add("part4", () => new IndexedTrace<long, long, Timestamp, long>(),
            () => new IndexedTrace<string, long, Timestamp, long>())
        .Add("part5", () => new OrdValTrace<long, long, Timestamp, long>(),
            () => new OrdValTrace<string, long, Timestamp, long>())
        .Add("part5-unfueled",
            () => new OrdValTrace<long, long, Timestamp, long>(policy: SpineMergePolicy.Eager),
            workloads: TraceWorkloads.Latency)
        .AddNativeLookup("part4", (trace, keys) =>
            Part4Lookup.SumDiffs((IndexedTrace<long, long, Timestamp, long>)trace, keys))
        .AddLookup(BatchCursorSubject.Name, () => new BatchCursorSubject())
        .AddNativeMerge("part5", Part5Batches.Merge)
        .AddScan("part5-lsm", LsmScan.Create)
        .AddStore("part5-lsm", () => new LsmStoreSubject(sealRuns: true))
        .AddStore("part5-lsm-memtable", () => new LsmStoreSubject(sealRuns: false))
        .AddRelation("part5-junction-memory", () => new JunctionRelation(Backings.InMemory))
        .AddRelation("part5-junction-trace", () => new JunctionRelation(Backings.Trace));
    #endregion
}
