using Traces.Conformance;
using Traces.Junctions;

namespace Traces.Junctions.Tests;

/// <summary>The trace backing and the plain one, fed the same operations, give the same answers at every step.</summary>
[Trait("Part", "junctions")]
public sealed class BackingAgreementTests
{
    private const int Steps = 250;

    [Theory]
    [Trait("Runs", "model")]
    [InlineData(JunctionKind.OneToOne)]
    [InlineData(JunctionKind.OneToMany)]
    [InlineData(JunctionKind.ManyToOne)]
    [InlineData(JunctionKind.ManyToMany)]
    public void Both_backings_log_the_same_results_for_the_same_operations(JunctionKind kind) =>
        ModelRun.Check($"junctions: {kind} on both backings alike", (choices, log) =>
        {
            // Both runs read the same list: this run's choices, read to the end. Each run also checks its junction
            // against the model; a failure prints the trace run as a test.
            var draws = new List<int>();
            while (!choices.Exhausted)
            {
                draws.Add(choices.Next(Choices.Range));
            }

            var plain = new JunctionModelRuns.Run(kind, Backings.InMemory, new Choices([.. draws]), RunLog.Off);
            var trace = new JunctionModelRuns.Run(kind, Backings.Trace, new Choices([.. draws]), log, "Backings.Trace");
            plain.Execute(Steps);
            trace.Execute(Steps);
            for (int i = 0; i < Math.Max(plain.Log.Count, trace.Log.Count); i++)
            {
                string? inMemory = i < plain.Log.Count ? plain.Log[i] : null;
                string? onTrace = i < trace.Log.Count ? trace.Log[i] : null;
                if (inMemory != onTrace)
                {
                    throw new ConformanceException($"Step {i + 1}: the in-memory backing did '{inMemory}', the trace backing '{onTrace}'.");
                }
            }
        }, sequences: 100, maxChoices: 600);

    [Fact]
    public void The_trace_cancels_retracted_pairs_when_it_merges()
    {
        var store = new TracePairStore<int, int>();
        for (int round = 0; round < 50; round++)
        {
            store.Add(1, round);
            store.Remove(1, round);
        }

        store.Add(2, 2);
        store.Count.Should().Be(1);
        store.KeyCount.Should().Be(1);
        store.UpdateCount.Should().BeLessThan(101, "merges consolidate each +1 with its -1");
        store.BatchCount.Should().BeLessThan(20, "the spine keeps O(log n) batches");
    }
}
