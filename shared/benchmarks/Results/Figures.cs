namespace Traces.Benchmarks;

/// <summary>
/// Every number a run measured, by workload, subject and variant: nanoseconds per operation for the timed
/// workloads, bytes per update for memory, nanoseconds per <c>Add</c> for latency.
/// </summary>
/// <remarks>Subjects are remembered in the order they were first measured, which is the order of the tables' rows.</remarks>
public sealed class Figures
{
    private readonly Dictionary<(string Workload, string Subject, string Variant), double> _values = [];
    private readonly List<string> _subjects = [];

    /// <summary>Gets the subjects measured so far, in first-measured order.</summary>
    public IReadOnlyList<string> Subjects => _subjects;

    /// <summary>Gets the number of figures.</summary>
    public int Count => _values.Count;

    /// <summary>Records a figure, replacing any earlier one for the same workload, subject and variant.</summary>
    /// <param name="workload">The workload, one of <see cref="WorkloadIds"/>.</param>
    /// <param name="subject">The subject's name.</param>
    /// <param name="variant">What distinguishes the figure within the workload, e.g. <c>1Mx1/1000</c>.</param>
    /// <param name="value">The value.</param>
    public void Set(string workload, string subject, string variant, double value)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!_subjects.Contains(subject))
        {
            _subjects.Add(subject);
        }

        _values[(workload, subject, variant)] = value;
    }

    /// <summary>Returns a figure, or <see langword="null"/> if it was not measured.</summary>
    /// <param name="workload">The workload.</param>
    /// <param name="subject">The subject's name.</param>
    /// <param name="variant">The variant.</param>
    public double? Get(string workload, string subject, string variant) =>
        _values.TryGetValue((workload, subject, variant), out double value) ? value : null;

    /// <summary>Returns whether any figure of <paramref name="workload"/> was measured for <paramref name="subject"/>.</summary>
    /// <param name="workload">The workload.</param>
    /// <param name="subject">The subject's name.</param>
    public bool Has(string workload, string subject)
    {
        foreach (var key in _values.Keys)
        {
            if (key.Workload == workload && key.Subject == subject)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The workload names figures are filed under, and how their variants are spelled.</summary>
public static class WorkloadIds
{
    /// <summary>Insert with long keys; variant <see cref="InsertVariant"/>; nanoseconds per update.</summary>
    public const string Insert = "insert";

    /// <summary>Insert with string keys; variant <see cref="InsertVariant"/>; nanoseconds per update.</summary>
    public const string InsertString = "insert-string";

    /// <summary>Look-ups; variant <c>random</c> or <c>sorted</c>; nanoseconds per look-up.</summary>
    public const string Lookup = "lookup";

    /// <summary>Look-ups in batches of growing size; variant <see cref="FingerVariant"/>; nanoseconds per look-up.</summary>
    public const string FingerLookup = "finger-lookup";

    /// <summary>The blog's experiments re-run (<see cref="BlogProbe"/>); nanoseconds per update or per look-up.</summary>
    public const string Blog = "blog";

    /// <summary>Merges; variant <c>plain</c> or <c>compacting</c>; nanoseconds per input update.</summary>
    public const string Merge = "merge";

    /// <summary>Memory; variant <see cref="SnapshotVariant"/> or <see cref="HistoryVariant"/>; bytes per update.</summary>
    public const string Memory = "memory";

    /// <summary>
    /// Memory with string keys and string values (<see cref="StringMemoryProbe"/>); variant
    /// <see cref="SnapshotVariant"/>; bytes per update.
    /// </summary>
    public const string MemoryStrings = "memory-strings";

    /// <summary>Latency; variant <c>worst</c>, <c>worst-own</c> or <c>mean</c>; nanoseconds per single-update <c>Add</c>.</summary>
    public const string Latency = "latency";

    /// <summary>
    /// Side-by-side comparisons with a floor; the subject is the pair (<see cref="SideBySidePairs"/>), the variant
    /// <c>measured</c> or <c>floor</c> (median nanoseconds per operation) or <c>ratio</c> (median ratio).
    /// </summary>
    public const string SideBySide = "side-by-side";

    /// <summary>Range scans (the LSM add-on); variant <c>range</c>; nanoseconds per entry scanned.</summary>
    public const string Scan = "scan";

    /// <summary>
    /// The store workload (the LSM add-on against real LSM stores); variant <see cref="StoreVariant"/>; nanoseconds
    /// per entry put or scanned, or per get.
    /// </summary>
    public const string Store = "store";

    /// <summary>Junctions; variant <c>insert</c>, <c>lookup</c> or <c>iterate</c>; nanoseconds per pair or look-up.</summary>
    public const string Junction = "junction";

    /// <summary>Returns the variant of an insert figure.</summary>
    /// <param name="shape">The data's shape.</param>
    /// <param name="batchSize">The batch size.</param>
    public static string InsertVariant(Shape shape, int batchSize) => $"{shape}/{batchSize}";

    /// <summary>Returns the variant of a snapshot memory figure.</summary>
    /// <param name="shape">The snapshot's shape.</param>
    public static string SnapshotVariant(Shape shape) => $"snapshot-{shape}";

    /// <summary>Returns the variant of a history memory figure.</summary>
    /// <param name="shape">The history's shape.</param>
    public static string HistoryVariant(Shape shape) => $"history-{shape}";

    /// <summary>Returns the variant of a look-up figure.</summary>
    /// <param name="order">The key order.</param>
    public static string LookupVariant(KeyOrder order) => order == KeyOrder.Sorted ? "sorted" : "random";

    /// <summary>Returns the variant of a finger look-up figure, e.g. <c>sorted/100000</c>.</summary>
    /// <param name="order">The key order.</param>
    /// <param name="batchSize">The number of keys per batch.</param>
    public static string FingerVariant(KeyOrder order, int batchSize) => $"{LookupVariant(order)}/{batchSize}";

    /// <summary>Returns the variant of a store figure: <c>put</c>, <c>get</c>, <c>scan</c> or <c>snapshot-scan</c>.</summary>
    /// <param name="operation">The operation.</param>
    public static string StoreVariant(StoreOperation operation) => operation switch
    {
        StoreOperation.Put => "put",
        StoreOperation.Get => "get",
        StoreOperation.Scan => "scan",
        StoreOperation.SnapshotScan => "snapshot-scan",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a store operation."),
    };

    /// <summary>Returns the variant of a merge figure.</summary>
    /// <param name="compacting">Whether the merge compacts.</param>
    public static string MergeVariant(bool compacting) => compacting ? "compacting" : "plain";
}
