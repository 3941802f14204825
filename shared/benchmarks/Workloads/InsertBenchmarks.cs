using BenchmarkDotNet.Attributes;

namespace Traces.Benchmarks;

/// <summary>
/// Insert throughput: the records of a shape, shuffled, added in batches at increasing times (batch <c>i</c> at
/// time <c>i</c>) to a fresh subject. One operation loads every update.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
[GenericTypeArguments(typeof(long))]
[GenericTypeArguments(typeof(string))]
public class InsertBenchmarks<TKey>
    where TKey : notnull, IComparable<TKey>
{
    private Update<TKey, long, Timestamp, long>[][] _batches = [];
    private TKey _probe = default!;

    /// <summary>Gets or sets the subject's name.</summary>
    [ParamsSource(nameof(Subjects))]
    public string Subject { get; set; } = "";

    /// <summary>Gets or sets the data's shape.</summary>
    [ParamsSource(nameof(Shapes))]
    public Shape Shape { get; set; }

    /// <summary>Gets or sets the number of updates per batch.</summary>
    [ParamsSource(nameof(BatchSizes))]
    public int BatchSize { get; set; }

    /// <summary>Gets the subjects that take part.</summary>
    public static IEnumerable<string> Subjects => SubjectCatalog.Default.Names<TKey>(TraceWorkloads.Insert);

    /// <summary>Gets the shapes to run.</summary>
    public static IEnumerable<Shape> Shapes => WorkloadSizes.Current.InsertShapes<TKey>();

    /// <summary>Gets the batch sizes to run.</summary>
    public static IEnumerable<int> BatchSizes => WorkloadSizes.Current.InsertBatchSizes<TKey>();

    /// <summary>Builds the batches, outside the measurement.</summary>
    #region insert
    [GlobalSetup]
    public void Setup()
    {
        var updates = WorkloadData.ShuffledUpdates<TKey>(Shape);
        _batches = WorkloadData.Batches(updates, BatchSize, stampBatchIndex: true);
        _probe = updates[0].Key;
    }

    /// <summary>Loads every batch into a new subject.</summary>
    /// <returns>The sum of the diffs held for one key: the shape's number of values.</returns>
    [Benchmark]
    public long Insert()
    {
        var subject = SubjectCatalog.Default.Create<TKey>(Subject);
        foreach (var batch in _batches)
        {
            subject.Add(batch);
        }

        return subject.Lookup(_probe);
    }
    #endregion
}
