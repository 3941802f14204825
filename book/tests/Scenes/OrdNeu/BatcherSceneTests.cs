using Book.Scenes.OrdNeu;
using Traces;
using Traces.OrdNeu;
using Batch = Traces.OrdNeu.OrdValBatch<long, long, Traces.Timestamp, long>;

namespace Book.Tests.Scenes.OrdNeu;

[Trait("Part", "book")]
public sealed class BatcherSceneTests
{
    [Fact]
    public void The_bars_are_the_batcher_chains_and_what_the_seal_kept()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("batcher-seal").Svg);
        var batcher = new MergeBatcher<long, long, Timestamp, long>();
        var pushes = BatcherScenes.Pushes();
        BatcherScenes.PushInPieces(batcher, pushes);

        var chains = SceneSvg.WithData(svg, "chain");
        chains.Should().HaveCount(batcher.ChainCount);
        for (int c = 0; c < batcher.ChainCount; c++)
        {
            SceneSvg.Data(chains[c], "count").Should().Be(S(batcher.ChainAt(c).Length));
            SceneSvg.Data(chains[c], "kept").Should().Be(S(BatcherScenes.Kept(batcher.ChainAt(c))));
        }

        SceneSvg.Data(SceneSvg.WithData(svg, "chunk").Single(), "chunk").Should().Be(S(batcher.Unsorted.Length));

        var batch = batcher.Seal(Antichain.Create<Timestamp>([BatcherScenes.SealAt]), Batch.CreateBuilder);
        var drawn = SceneSvg.WithData(svg, "batch-updates").Single();
        SceneSvg.Data(drawn, "batch-updates").Should().Be(S(batch.Count));
        SceneSvg.Data(drawn, "batch-keys").Should().Be(S(batch.Storage.KeyCount));
        SceneSvg.Data(SceneSvg.WithData(svg, "stays").Single(), "stays").Should().Be(S(batcher.Count));
        SceneSvg.Data(SceneSvg.WithData(svg, "frontier").Single(), "frontier").Should().Be(batcher.Frontier.ToString());

        // The model: consolidate everything pushed; the times before 8 are the batch, the rest stays.
        var consolidated = pushes.GroupBy(u => (u.Key, u.Val, u.Time)).Select(g => g.Sum(u => u.Diff)).Count(d => d != 0);
        var before = pushes.GroupBy(u => (u.Key, u.Val, u.Time)).Count(g => g.Key.Time.Value < BatcherScenes.SealAt && g.Sum(u => u.Diff) != 0);
        batch.Count.Should().Be(before);
        (batch.Count + batcher.Count).Should().Be(consolidated);
    }

    [Fact]
    public void The_chains_sample_keeps_every_chain_under_half_the_one_before()
    {
        var printed = SceneCatalog.Default.RunSample("batcher-chains").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        printed.Should().HaveCount(12);
        printed[10].Should().StartWith("pushed 1100: chains [760, 256], chunk 76");
        printed[11].Should().StartWith("Seal({8}): batch of 868, kept 215");
    }
}
