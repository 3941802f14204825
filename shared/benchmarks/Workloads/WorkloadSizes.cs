namespace Traces.Benchmarks;

/// <summary>The sizes every workload runs at: the full run's, CI's quick run's, and the tests' tiny ones.</summary>
/// <param name="Tall">Many keys with one value each (1M × 1 in the full run).</param>
/// <param name="Square">As many values per key as keys (1K × 1K in the full run).</param>
/// <param name="BatchSizes">The batch sizes the insert workload adds updates in.</param>
/// <param name="StringKeys">The shape of the string-keyed insert workload.</param>
/// <param name="StringBatchSize">The one batch size of the string-keyed insert workload (what it shows is the
/// price of comparing and hashing strings, not batching again).</param>
/// <param name="LookupBatches">The number of 1 000-key look-up batches per measured operation.</param>
/// <param name="FingerBatchSizes">The batch sizes of the look-up workload that shows where fingers start to pay; one
/// measured operation looks up as many keys as the largest batch holds.</param>
/// <param name="MergeKeys">The number of updates in each of the merge workload's two batches.</param>
/// <param name="History">The history shape of the memory workload: several times per value.</param>
/// <param name="LatencyUpdates">The number of single-update batches the latency workload adds.</param>
/// <param name="LatencyRuns">The number of runs of the latency workload per subject; the least of each figure is reported.</param>
/// <param name="ScanEntries">The number of entries the scan workload loads.</param>
/// <param name="RelationLefts">The number of lefts (and rights) of the junction workload's relation.</param>
/// <param name="WalkLefts">The number of lefts (and rights) of the relation the junction walk workload walks
/// while writing; smaller than <paramref name="RelationLefts"/>, so that a walk that costs O(n) a step still ends.</param>
/// <param name="SideBySideRounds">The number of rounds of each side-by-side comparison with a floor.</param>
/// <param name="BlogShapes">The shapes of the blog's own experiments, re-run (<see cref="BlogProbe"/>).</param>
public sealed record WorkloadSizes(
    Shape Tall,
    Shape Square,
    int[] BatchSizes,
    Shape StringKeys,
    int StringBatchSize,
    int LookupBatches,
    int[] FingerBatchSizes,
    int MergeKeys,
    Shape History,
    int LatencyUpdates,
    int LatencyRuns,
    int ScanEntries,
    int RelationLefts,
    int WalkLefts,
    int SideBySideRounds,
    BlogShape[] BlogShapes)
{
    /// <summary>The number of keys in one look-up batch.</summary>
    public const int LookupBatchSize = 1_000;

    /// <summary>The batch size data is loaded in when loading is not what is measured.</summary>
    public const int LoadBatchSize = 100_000;

    /// <summary>Gets the sizes of the full run: the sizes the targets are stated for.</summary>
    public static WorkloadSizes Full { get; } = new(
        Tall: new(1_000_000, 1),
        Square: new(1_000, 1_000),
        BatchSizes: [1, 1_000, 100_000],
        StringKeys: new(1_000_000, 1),
        StringBatchSize: 1_000,
        LookupBatches: 10,
        FingerBatchSizes: [1_000, 10_000, 100_000],
        MergeKeys: 500_000,
        History: new(1_000, 100, 10),
        LatencyUpdates: 1_000_000,
        LatencyRuns: 5,
        ScanEntries: 200_000,
        RelationLefts: 100_000,
        WalkLefts: 2_000,
        SideBySideRounds: 21,
        BlogShapes: [new(1_000, 1_000, 16_000_000), new(16_000_000, 1, 16_000_000)]);

    /// <summary>Gets the sizes of the quick run: small enough that everything runs once in seconds.</summary>
    public static WorkloadSizes Quick { get; } = new(
        Tall: new(20_000, 1),
        Square: new(100, 200),
        BatchSizes: [1, 100, 10_000],
        StringKeys: new(20_000, 1),
        StringBatchSize: 100,
        LookupBatches: 2,
        FingerBatchSizes: [100, 1_000, 10_000],
        MergeKeys: 10_000,
        History: new(100, 20, 10),
        LatencyUpdates: 20_000,
        LatencyRuns: 1,
        ScanEntries: 5_000,
        RelationLefts: 2_000,
        WalkLefts: 200,
        SideBySideRounds: 5,
        BlogShapes: [new(100, 100, 200_000), new(200_000, 1, 200_000)]);

    /// <summary>Gets tiny sizes for tests that only check that every workload runs and answers sensibly.</summary>
    public static WorkloadSizes Tiny { get; } = new(
        Tall: new(2_000, 1),
        Square: new(40, 50),
        BatchSizes: [1, 100],
        StringKeys: new(1_000, 1),
        StringBatchSize: 100,
        LookupBatches: 1,
        FingerBatchSizes: [10, 100],
        MergeKeys: 1_000,
        History: new(20, 10, 4),
        LatencyUpdates: 1_000,
        LatencyRuns: 3,
        ScanEntries: 500,
        RelationLefts: 200,
        WalkLefts: 20,
        SideBySideRounds: 3,
        BlogShapes: [new(20, 20, 4_000), new(4_000, 1, 4_000)]);

    /// <summary>
    /// Gets or sets the sizes the benchmark classes offer BenchmarkDotNet as parameters; the runner sets it before
    /// a run (full sizes otherwise).
    /// </summary>
    public static WorkloadSizes Current { get; set; } = Full;

    /// <summary>Gets the largest insert batch size: the one the load ratios compare.</summary>
    public int LargestBatch => BatchSizes.Max();

    /// <summary>Gets the batch sizes of the insert workload for keys of type <typeparamref name="TKey"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    public int[] InsertBatchSizes<TKey>() => typeof(TKey) == typeof(string) ? [StringBatchSize] : BatchSizes;

    /// <summary>Gets the shapes of the insert workload for keys of type <typeparamref name="TKey"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    public Shape[] InsertShapes<TKey>() => typeof(TKey) == typeof(string) ? [StringKeys] : [Tall, Square];
}
