using BenchmarkDotNet.Attributes;

namespace Traces.Benchmarks;

/// <summary>
/// Scan throughput (the LSM add-on): after loading entries, ranges of consecutive keys are scanned between
/// inclusive bounds. One operation scans every range.
/// </summary>
public class ScanBenchmarks
{
    private Func<string, string, long>? _scan;
    private (string Lower, string Upper)[] _ranges = [];

    /// <summary>Gets or sets the subject's name.</summary>
    [ParamsSource(nameof(Subjects))]
    public string Subject { get; set; } = "";

    /// <summary>Gets or sets the number of entries loaded.</summary>
    [ParamsSource(nameof(EntryCounts))]
    public int Entries { get; set; }

    /// <summary>Gets the subjects that take part.</summary>
    public static IEnumerable<string> Subjects => SubjectCatalog.Default.ScanNames();

    /// <summary>Gets the number of entries to load.</summary>
    public static IEnumerable<int> EntryCounts => [WorkloadSizes.Current.ScanEntries];

    /// <summary>Gets the number of entries one operation scans.</summary>
    public static int EntriesPerOperation => AddOnData.ScanRanges * AddOnData.ScanLength;

    /// <summary>Builds the store and the ranges, outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scan = SubjectCatalog.Default.CreateScan(Subject, AddOnData.Entries(Entries));
        _ranges = AddOnData.Ranges(Entries);
    }

    /// <summary>Scans every range.</summary>
    /// <returns>The number of entries visited: <see cref="EntriesPerOperation"/>.</returns>
    [Benchmark]
    public long Scan()
    {
        long visited = 0;
        foreach (var (lower, upper) in _ranges)
        {
            visited += _scan!(lower, upper);
        }

        return visited;
    }
}
