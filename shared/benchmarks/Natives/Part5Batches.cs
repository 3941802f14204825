using Traces.OrdNeu;

namespace Traces.Benchmarks;

/// <summary>
/// Part 5's native paths over its batches: building an <see cref="OrdValBatch{TKey, TVal, TTime, TDiff}"/> from
/// updates, and merging two adjacent batches with the batch merger.
/// </summary>
/// <remarks>
/// The part 5 trace keeps its spine to itself, so the benchmarks cannot reach the trace's own batches: they build
/// batches from the same updates with the part's builder and measure those.
/// </remarks>
public static class Part5Batches
{
    /// <summary>Builds a batch from updates sorted by <c>(key, val, time)</c> and consolidated.</summary>
    /// <param name="sorted">The updates, sorted and consolidated.</param>
    /// <param name="description">The batch's description.</param>
    public static OrdValBatch<long, long, Timestamp, long> Build(ReadOnlySpan<LongUpdate> sorted, Description<Timestamp> description)
    {
        ArgumentNullException.ThrowIfNull(description);
        int keys = 0;
        int vals = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            bool newKey = i == 0 || sorted[i].Key != sorted[i - 1].Key;
            keys += newKey ? 1 : 0;
            vals += newKey || sorted[i].Val != sorted[i - 1].Val ? 1 : 0;
        }

        var builder = OrdValBatch<long, long, Timestamp, long>.CreateBuilder(keys, vals, sorted.Length);
        foreach (ref readonly var update in sorted)
        {
            builder.Push(update);
        }

        return builder.Done(description);
    }

    /// <summary>
    /// The native merge: builds <see cref="MergeInput.Older"/> as a batch over <c>[0, 2)</c> and
    /// <see cref="MergeInput.Newer"/> over <c>[2, 3)</c> (not measured), and returns the measured merge: the batch
    /// merger begun with the input's frontier, worked with unlimited fuel, done.
    /// </summary>
    /// <param name="input">The merge workload's input.</param>
    public static Func<long> Merge(MergeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var since = Antichain<Timestamp>.AtMinimum();
        var older = Build(input.Older, new Description<Timestamp>(MergeInput.OlderLower, MergeInput.Boundary, since));
        var newer = Build(input.Newer, new Description<Timestamp>(MergeInput.Boundary, MergeInput.NewerUpper, since));
        var frontier = input.Frontier;
        return () =>
        {
            #region native-merge
            var merger = OrdValBatch<long, long, Timestamp, long>.BeginMerge(older, newer, frontier);
            long fuel = long.MaxValue;
            merger.Work(older, newer, ref fuel);
            return merger.Done().Count;
            #endregion
        };
    }
}
