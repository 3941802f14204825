using Traces.Junctions;

namespace Traces.Junctions.Tests;

/// <summary>The trace backing and the plain one, fed the same operations, give the same answers at every step.</summary>
[Trait("Part", "junctions")]
public sealed class BackingAgreementTests
{
    [Theory]
    [InlineData(JunctionKind.OneToOne)]
    [InlineData(JunctionKind.OneToMany)]
    [InlineData(JunctionKind.ManyToOne)]
    [InlineData(JunctionKind.ManyToMany)]
    public void Both_backings_log_the_same_results_for_the_same_operations(JunctionKind kind)
    {
        for (int seed = 101; seed <= 104; seed++)
        {
            var plain = new JunctionModelRuns.Run(kind, Backings.InMemory, seed);
            var trace = new JunctionModelRuns.Run(kind, Backings.Trace, seed);
            int plainStep = 0, traceStep = 0;
            plain.Execute(200, ref plainStep);
            trace.Execute(200, ref traceStep);
            for (int i = 0; i < plain.Log.Count; i++)
            {
                Assert.True(plain.Log[i] == trace.Log[i], $"{kind}, seed {seed}, step {i + 1}: plain '{plain.Log[i]}', trace '{trace.Log[i]}'");
            }
        }
    }

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
