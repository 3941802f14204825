namespace Book.Tests.Scenes;

[Trait("Part", "book")]
public sealed class SceneCatalogTests
{
    public static TheoryData<string> Figures() => Names(SceneKind.Figure);

    public static TheoryData<string> Players() => Names(SceneKind.Player);

    public static TheoryData<string> Samples() => Names(SceneKind.Output);

    [Theory]
    [MemberData(nameof(Figures))]
    public void Every_figure_draws_one_well_formed_svg_with_a_description(string name)
    {
        var figure = SceneCatalog.Default.DrawFigure(name);
        SceneSvg.Parse(figure.Svg).Attribute("aria-label")!.Value.Should().NotBeNullOrWhiteSpace();
        figure.Svg.Should().NotContain(" id=", "figures carry no ids, so a page may hold many");
        SceneCatalog.Default.DrawFigure(name).Should().Be(figure, "a scene gives the same picture on every run");
    }

    [Theory]
    [MemberData(nameof(Players))]
    public void Every_player_records_frames_of_well_formed_svg(string name)
    {
        var player = SceneCatalog.Default.RecordPlayer(name);
        player.Frames.Should().HaveCountGreaterThan(1);
        foreach (var frame in player.Frames)
        {
            SceneSvg.Parse(frame.Svg);
            frame.Label.Should().NotBeNullOrWhiteSpace();
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_prints_something_and_the_same_every_run(string name)
    {
        var printed = SceneCatalog.Default.RunSample(name);
        printed.Should().NotBeNullOrWhiteSpace();
        SceneCatalog.Default.RunSample(name).Should().Be(printed);
    }

    [Fact]
    public void An_unknown_name_or_a_name_of_the_wrong_kind_is_refused_with_the_known_names()
    {
        var unknown = () => SceneCatalog.Default.DrawFigure("no-such-scene");
        unknown.Should().Throw<KeyNotFoundException>().WithMessage("*no figure scene named 'no-such-scene'*advance-by-grid*");
        var wrongKind = () => SceneCatalog.Default.RecordPlayer("advance-by-grid");
        wrongKind.Should().Throw<KeyNotFoundException>().WithMessage("*no player scene named 'advance-by-grid'*");
    }

    private static TheoryData<string> Names(SceneKind kind)
    {
        var data = new TheoryData<string>();
        foreach (var scene in SceneCatalog.Default.All.Values.Where(s => s.Kind == kind).OrderBy(static s => s.Name, StringComparer.Ordinal))
        {
            data.Add(scene.Name);
        }

        return data;
    }
}
