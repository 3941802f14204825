using BenchmarkDotNet.Attributes;

namespace Traces.Benchmarks;

/// <summary>The merge floor: a plain two-way merge of the merge workload's two sorted batches.</summary>
public class MergeFloorBenchmarks
{
    private MergeInput? _input;
    private LongUpdate[] _output = [];

    /// <summary>Gets or sets the number of updates in each batch.</summary>
    [ParamsSource(nameof(KeyCounts))]
    public int Keys { get; set; }

    /// <summary>Gets the batch sizes to run: the merge workload's.</summary>
    public static IEnumerable<int> KeyCounts => MergeBenchmarks.KeyCounts;

    /// <summary>Gets the merged updates after <see cref="Merge"/>.</summary>
    internal ReadOnlySpan<LongUpdate> Merged => _output;

    /// <summary>Builds the inputs, outside the measurement.</summary>
    [GlobalSetup]
    public void Setup() => _input = MergeInput.Create(Keys, compacting: false);

    /// <summary>Merges the two batches into a new array, as every merge must produce new storage.</summary>
    /// <returns>The number of updates written.</returns>
    [Benchmark]
    public long Merge()
    {
        _output = new LongUpdate[2 * Keys];
        return Floors.Merge(_input!.Older, _input.Newer, _output);
    }
}
