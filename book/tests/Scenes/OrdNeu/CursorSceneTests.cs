using Book.Scenes.OrdNeu;
using Traces;
using Traces.OrdNeu;

namespace Book.Tests.Scenes.OrdNeu;

[Trait("Part", "book")]
public sealed class CursorSceneTests
{
    [Fact]
    public void The_probes_are_a_galloping_search_that_lands_where_the_cursor_lands()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("cursor-gallop").Svg);
        var probes = SceneSvg.WithData(svg, "probe")
            .Select(e => (Position: I(SceneSvg.Data(e, "position")), Passed: SceneSvg.Data(e, "passed") == "True")).ToList();
        int answer = I(SceneSvg.Data(SceneSvg.WithData(svg, "answer").Single(), "answer"));

        // The cursor's own seek, over a batch built here.
        var batch = BatchScenes.Build([.. Enumerable.Range(0, CursorScenes.KeyCount)
            .Select(i => new Update<long, long, Timestamp, long>(2 * i + 1, 0, 0UL, 1))]);
        var cursor = batch.GetCursor();
        cursor.SeekKey(CursorScenes.Sought);
        cursor.Key.Should().Be(batch.Storage.KeyAt(answer));
        batch.Storage.KeyAt(answer - 1).Should().BeLessThan(CursorScenes.Sought);

        // Each drawn answer is the test's answer at that position.
        probes.Should().OnlyContain(p => p.Passed == batch.Storage.KeyAt(p.Position) < CursorScenes.Sought);

        // Eight one by one, then doubling steps, and far fewer tests than a scan.
        probes.Take(Galloping.LinearPrefix).Select(p => p.Position).Should().Equal(Enumerable.Range(0, Galloping.LinearPrefix));
        probes.Should().HaveCountLessThan(answer);
        probes.Should().Contain((answer - 1, true)).And.Contain((answer, false));
    }

    [Fact]
    public void The_keys_drawn_are_the_batch_keys()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("cursor-gallop").Svg);
        var storage = CursorScenes.OddKeys().Storage;
        SceneSvg.WithData(svg, "key").Select(e => SceneSvg.Data(e, "key"))
            .Should().Equal(Enumerable.Range(0, storage.KeyCount).Select(i => storage.KeyAt(i).ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_cursor_sample_moves_forward_only()
    {
        var printed = SceneCatalog.Default.RunSample("cursor-moves").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        printed.Should().HaveCount(6);
        printed[1].Should().Contain("key 3, val 10");
        printed[2].Should().Contain("key 3, val 30, times (2, +1) (5, -1)");
        printed[3].Should().Contain("key 3, val 10", "a seek to a smaller key stays at the key and rewinds its values");
        printed[5].Should().Contain("past the last key");
    }
}
