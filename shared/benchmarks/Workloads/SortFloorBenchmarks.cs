using BenchmarkDotNet.Attributes;

namespace Traces.Benchmarks;

/// <summary>The insert floor: sorting the insert workload's updates, all at once, in one array.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
[GenericTypeArguments(typeof(long))]
[GenericTypeArguments(typeof(string))]
public class SortFloorBenchmarks<TKey>
    where TKey : notnull, IComparable<TKey>
{
    private Update<TKey, long, Timestamp, long>[] _updates = [];
    private Update<TKey, long, Timestamp, long>[] _scratch = [];

    /// <summary>Gets or sets the data's shape.</summary>
    [ParamsSource(nameof(Shapes))]
    public Shape Shape { get; set; }

    /// <summary>Gets the shapes to run: the insert workload's.</summary>
    public static IEnumerable<Shape> Shapes => WorkloadSizes.Current.InsertShapes<TKey>();

    /// <summary>Gets the sorted updates after <see cref="Sort"/>.</summary>
    internal ReadOnlySpan<Update<TKey, long, Timestamp, long>> Sorted => _scratch;

    /// <summary>Builds the shuffled updates, outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _updates = WorkloadData.ShuffledUpdates<TKey>(Shape);
        _scratch = new Update<TKey, long, Timestamp, long>[_updates.Length];
    }

    /// <summary>Restores the shuffled order before each measured sort.</summary>
    [IterationSetup]
    public void Shuffle() => _updates.CopyTo(_scratch, 0);

    /// <summary>Sorts the updates.</summary>
    /// <returns>The number of updates sorted.</returns>
    [Benchmark]
    public long Sort()
    {
        Floors.Sort<TKey>(_scratch);
        return _scratch.Length;
    }
}
