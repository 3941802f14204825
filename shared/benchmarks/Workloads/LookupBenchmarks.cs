using BenchmarkDotNet.Attributes;

namespace Traces.Benchmarks;

/// <summary>
/// Look-up throughput: after loading a snapshot, batches of 1 000 keys drawn at random (all present), looked up
/// in random or sorted order. One operation looks up every batch.
/// </summary>
public class LookupBenchmarks
{
    private IndexSubject<long>? _subject;
    private long[][] _lookups = [];

    /// <summary>Gets or sets the subject's name.</summary>
    [ParamsSource(nameof(Subjects))]
    public string Subject { get; set; } = "";

    /// <summary>Gets or sets the order of the keys in each batch.</summary>
    [Params(KeyOrder.Random, KeyOrder.Sorted)]
    public KeyOrder Order { get; set; }

    /// <summary>Gets or sets the loaded data's shape.</summary>
    [ParamsSource(nameof(Shapes))]
    public Shape Shape { get; set; }

    /// <summary>Gets or sets the number of look-up batches per operation.</summary>
    [ParamsSource(nameof(BatchCounts))]
    public int Batches { get; set; }

    /// <summary>Gets the subjects that take part.</summary>
    public static IEnumerable<string> Subjects => SubjectCatalog.Default.Names<long>(TraceWorkloads.Lookup);

    /// <summary>Gets the shape to load.</summary>
    public static IEnumerable<Shape> Shapes => [WorkloadSizes.Current.Tall];

    /// <summary>Gets the number of batches to look up.</summary>
    public static IEnumerable<int> BatchCounts => [WorkloadSizes.Current.LookupBatches];

    /// <summary>Gets the number of keys looked up by one operation.</summary>
    public int LookupsPerOperation => Batches * WorkloadSizes.LookupBatchSize;

    /// <summary>Loads the subject and draws the keys, outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _subject = SubjectCatalog.Default.Create<long>(Subject);
        var updates = WorkloadData.ShuffledUpdates<long>(Shape);
        foreach (var batch in WorkloadData.Batches(updates, WorkloadSizes.LoadBatchSize, stampBatchIndex: false))
        {
            _subject.Add(batch);
        }

        _subject.CompleteLoad();

        _lookups = WorkloadData.LookupBatches<long>(Shape, Batches, WorkloadSizes.LookupBatchSize, Order == KeyOrder.Sorted);
    }

    /// <summary>Looks up every batch.</summary>
    /// <returns>The sum of the diffs found: one per key looked up.</returns>
    [Benchmark]
    public long Lookup()
    {
        long found = 0;
        foreach (var keys in _lookups)
        {
            found += _subject!.LookupBatch(keys);
        }

        return found;
    }
}
