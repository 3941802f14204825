using Book.Scenes.Contract;
using Traces;

namespace Book.Tests.Scenes.Contract;

[Trait("Part", "book")]
public sealed class FrontierSceneTests
{
    [Fact]
    public void The_grid_draws_every_time_where_AdvanceBy_sends_it()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("advance-by-grid").Svg);
        var drawn = SceneSvg.WithData(svg, "time").ToDictionary(e => SceneSvg.Data(e, "time"), e => SceneSvg.Data(e, "advanced"));

        drawn.Should().HaveCount(FrontierScenes.Side * FrontierScenes.Side);
        for (ulong outer = 0; outer < FrontierScenes.Side; outer++)
        {
            for (ulong inner = 0; inner < FrontierScenes.Side; inner++)
            {
                var time = new Product<Timestamp, Timestamp>(outer, inner);
                drawn[time.ToString()].Should().Be(time.AdvanceBy(FrontierScenes.Frontier).ToString());
            }
        }
    }

    [Fact]
    public void Times_beyond_the_frontier_are_left_where_they_are()
    {
        foreach (var (time, advanced) in FrontierScenes.Moves())
        {
            if (FrontierScenes.Frontier.LessEqual(time))
            {
                advanced.Should().Be(time);
            }
        }
    }
}
