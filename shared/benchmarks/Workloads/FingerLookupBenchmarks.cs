using BenchmarkDotNet.Attributes;

namespace Traces.Benchmarks;

/// <summary>
/// Where fingers start to pay: after loading the tall shape, the same number of keys (drawn at random, all present)
/// looked up in batches of growing size, each batch in random or in sorted order, through the parts' cursors (and
/// part 4's batched look-up, and the <c>Dictionary</c> baseline, for scale).
/// </summary>
/// <remarks>
/// A sorted batch lets a cursor's fingers only move forward. Over a million keys, a batch of 1 000 sorted keys lands
/// about a thousand keys apart, so each seek still gallops far; a batch of 100 000 lands about ten apart, and each
/// seek is a few comparisons in memory the last one brought into cache.
/// </remarks>
public class FingerLookupBenchmarks
{
    private IndexSubject<long>? _subject;
    private long[][] _lookups = [];

    /// <summary>Gets or sets the subject's name.</summary>
    [ParamsSource(nameof(Subjects))]
    public string Subject { get; set; } = "";

    /// <summary>Gets or sets the order of the keys in each batch.</summary>
    [Params(KeyOrder.Random, KeyOrder.Sorted)]
    public KeyOrder Order { get; set; }

    /// <summary>Gets or sets the number of keys per batch.</summary>
    [ParamsSource(nameof(BatchSizes))]
    public int BatchSize { get; set; }

    /// <summary>Gets the subjects that take part: parts 3 to 5 through their cursors, part 4's batched look-up, the baseline.</summary>
    public static IEnumerable<string> Subjects
    {
        get
        {
            var names = SubjectCatalog.Default.Names<long>(TraceWorkloads.Lookup);
            string[] wanted =
            [
                SubjectNames.CursorLookup("part3"), SubjectNames.CursorLookup("part4"),
                SubjectNames.NativeLookup("part4"), SubjectNames.CursorLookup("part5"),
                SubjectNames.Dictionary,
            ];
            return wanted.Where(names.Contains);
        }
    }

    /// <summary>Gets the batch sizes.</summary>
    public static IEnumerable<int> BatchSizes => WorkloadSizes.Current.FingerBatchSizes;

    /// <summary>Gets the number of keys one operation looks up: as many as the largest batch holds.</summary>
    public static int LookupsPerOperation => WorkloadSizes.Current.FingerBatchSizes.Max();

    /// <summary>Loads the subject and draws the keys, outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var shape = WorkloadSizes.Current.Tall;
        _subject = SubjectCatalog.Default.Create<long>(Subject);
        var updates = WorkloadData.ShuffledUpdates<long>(shape);
        var batches = WorkloadData.Batches(
            updates, WorkloadSizes.LoadBatchSize, stampBatchIndex: false);
        foreach (var batch in batches)
        {
            _subject.Add(batch);
        }

        _subject.CompleteLoad();
        bool sorted = Order == KeyOrder.Sorted;
        int count = LookupsPerOperation / BatchSize;
        _lookups = WorkloadData.LookupBatches<long>(shape, count, BatchSize, sorted);
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
