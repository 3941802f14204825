using Book.Scenes.Sorted;
using Traces;
using Traces.Sorted;

namespace Book.Tests.Scenes.Sorted;

[Trait("Part", "book")]
public sealed class SortedSceneTests
{
    [Fact]
    public void Each_row_holds_the_list_lengths_of_SortedTrace_after_that_Add()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("sorted-filmstrip").Svg);
        var rows = SceneSvg.WithData(svg, "add");
        var trace = new SortedTrace<ulong, ulong, Timestamp, long>();
        var batches = SortedScenes.Batches();

        rows.Should().HaveCount(batches.Count);
        for (var i = 0; i < batches.Count; i++)
        {
            trace.Add(batches[i]);
            var lengths = trace.ListLengths();
            var bars = SceneSvg.WithData(rows[i], "length").Select(e => int.Parse(SceneSvg.Data(e, "length"), System.Globalization.CultureInfo.InvariantCulture));
            bars.Should().Equal(lengths, $"row {i + 1} draws the lists after Add {i + 1}");
            lengths.Sum().Should().Be(batches.Take(i + 1).Sum(b => b.Length), "nothing cancels, so no update is lost");
            for (var l = 1; l < lengths.Length; l++)
            {
                lengths[l - 1].Should().BeGreaterThanOrEqualTo(2 * lengths[l], "each list is at least twice the one after it");
            }
        }
    }

    [Fact]
    public void The_filmstrip_shows_Adds_that_merge_nothing_once_and_several_times()
    {
        var merges = SceneSvg.WithData(SceneSvg.Parse(SceneCatalog.Default.DrawFigure("sorted-filmstrip").Svg), "merges")
            .Select(e => SceneSvg.Data(e, "merges")).ToList();
        merges.Should().Contain("0").And.Contain("1").And.Contain(m => int.Parse(m, System.Globalization.CultureInfo.InvariantCulture) >= 2);

        // The chapter points at rows 4 and 11: one update, several merges, one list left.
        var rows = SceneSvg.WithData(SceneSvg.Parse(SceneCatalog.Default.DrawFigure("sorted-filmstrip").Svg), "add");
        foreach (var row in new[] { 4, 11 })
        {
            SceneSvg.Data(rows[row - 1], "batch").Should().Be("1");
            int.Parse(SceneSvg.Data(rows[row - 1], "merges"), System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(2);
            SceneSvg.Data(rows[row - 1], "lengths").Should().NotContain(" ");
        }
    }

    [Fact]
    public void The_sample_prints_Get_consolidated_across_lists_and_the_keys_in_order()
    {
        var trace = new SortedTrace<ulong, ulong, Timestamp, long>();
        foreach (var batch in SortedScenes.GetBatches())
        {
            trace.Add(batch);
        }

        var lines = SceneCatalog.Default.RunSample("sorted-get").Split('\n');
        trace.ListCount.Should().Be(3, "key 5 is spread over three lists that were not merged");
        lines[^2].Should().Be("Get(5): " + string.Join(" ", trace.Get(5).Select(SortedScenes.Item)));
        trace.Get(5).Should().ContainSingle();
        lines[^1].Should().Be("Keys(): " + string.Join(" ", trace.Keys().Order()));
    }
}
