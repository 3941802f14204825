using Book.Scenes.Distribution;

namespace Book.Tests.Scenes.Distribution;

[Trait("Part", "book")]
public sealed class ShardingSceneTests
{
    [Fact]
    public void Every_update_is_drawn_going_to_the_worker_its_key_hashes_to()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("sharded-traces").Svg);
        var drawn = SceneSvg.WithData(svg, "worker").Where(e => e.Name.LocalName == "rect").ToList();
        drawn.Select(e => (long.Parse(SceneSvg.Data(e, "key"), System.Globalization.CultureInfo.InvariantCulture), int.Parse(SceneSvg.Data(e, "worker"), System.Globalization.CultureInfo.InvariantCulture)))
            .Should().Equal(ShardingScenes.Input.Select(static u => (u.Key, ShardingScenes.WorkerOf(u.Key))));
    }

    [Fact]
    public void Each_worker_is_drawn_with_the_keys_and_batches_its_real_trace_holds()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("sharded-traces").Svg);
        var workers = SceneSvg.WithData(svg, "keys");
        var traces = ShardingScenes.Shard();
        workers.Should().HaveCount(ShardingScenes.Workers);
        for (var w = 0; w < ShardingScenes.Workers; w++)
        {
            SceneSvg.Data(workers[w], "keys").Should().Be(string.Join(' ', traces[w].Keys().Order()));
            SceneSvg.Data(workers[w], "batches").Should().Be(traces[w].BatchCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void The_workers_together_hold_every_key_once_and_the_hash_spreads_them()
    {
        var traces = ShardingScenes.Shard();
        var keys = traces.SelectMany(static t => t.Keys()).ToList();
        keys.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(ShardingScenes.Input.Select(static u => u.Key).Distinct());
        traces.Should().AllSatisfy(static t => t.Keys().Should().NotBeEmpty("every worker gets some keys"));
    }

    [Fact]
    public void The_sample_finds_the_sharded_answer_equal_to_one_trace()
    {
        var printed = SceneCatalog.Default.RunSample("sharding-same-answer");
        printed.Should().Contain("every key on exactly one worker, as one trace has them: True")
            .And.Contain("every key's updates the same as one trace's: True");
    }
}
