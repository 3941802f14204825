using Book.Scenes.OrdNeu;
using Traces;
using Traces.OrdNeu;
using Batch = Traces.OrdNeu.OrdValBatch<long, long, Traces.Timestamp, long>;

namespace Book.Tests.Scenes.OrdNeu;

[Trait("Part", "book")]
public sealed class MergeSceneTests
{
    /// <summary>Drives the fueled merge here: positions and written keys after each call, until a call leaves fuel.</summary>
    private static List<(int Older, int Newer, List<long> Keys, long Left)> Calls()
    {
        var older = BatchScenes.Build(MergeScenes.Older, 0, 4);
        var newer = BatchScenes.Build(MergeScenes.Newer, 4, 8);
        var merger = (OrdValMerger<Batch, long, long, Timestamp, long, ArrayContainer<long>, ArrayContainer<long>>)
            Batch.BeginMerge(older, newer, Antichain<Timestamp>.AtMinimum());
        var calls = new List<(int, int, List<long>, long)>();
        long fuel;
        do
        {
            fuel = MergeScenes.FuelPerCall;
            merger.Work(older, newer, ref fuel);
            var keys = Enumerable.Range(0, merger.Written.KeyCount).Select(merger.Written.KeyAt).ToList();
            calls.Add((merger.Positions.Older, merger.Positions.Newer, keys, fuel));
        }
        while (fuel <= 0);

        return calls;
    }

    [Fact]
    public void The_still_picture_shows_the_positions_and_output_after_its_calls()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("merge-fueled").Svg);
        var (p1, p2, keys, _) = Calls()[MergeScenes.CallsBeforePicture - 1];

        SceneSvg.Data(SceneSvg.WithData(svg, "older-position").Single(), "older-position").Should().Be(S(p1));
        SceneSvg.Data(SceneSvg.WithData(svg, "newer-position").Single(), "newer-position").Should().Be(S(p2));
        SceneSvg.WithData(svg, "output-key").Select(e => SceneSvg.Data(e, "output-key")).Should().Equal(keys.Select(S));

        // Exactly the keys before each position are drawn as consumed.
        SceneSvg.WithData(svg, "older-key").Where(e => SceneSvg.Data(e, "consumed") == "True").Should().HaveCount(p1);
        SceneSvg.WithData(svg, "newer-key").Where(e => SceneSvg.Data(e, "consumed") == "True").Should().HaveCount(p2);
        p1.Should().BeGreaterThan(0).And.BeLessThan(MergeScenes.Older.Select(u => u.Key).Distinct().Count(), "the merge is part way");
    }

    [Fact]
    public void The_player_has_one_frame_per_call_and_each_draws_that_call()
    {
        var player = SceneCatalog.Default.RecordPlayer("merge-fueled-steps");
        var calls = Calls();

        player.Frames.Should().HaveCount(calls.Count + 1, "a first frame before any call, then one per call");
        for (int i = 0; i < calls.Count; i++)
        {
            var (p1, p2, keys, left) = calls[i];
            var svg = SceneSvg.Parse(player.Frames[i + 1].Svg);
            SceneSvg.Data(SceneSvg.WithData(svg, "older-position").Single(), "older-position").Should().Be(S(p1));
            SceneSvg.Data(SceneSvg.WithData(svg, "newer-position").Single(), "newer-position").Should().Be(S(p2));
            SceneSvg.WithData(svg, "output-key").Select(e => SceneSvg.Data(e, "output-key")).Should().Equal(keys.Select(S));
            player.Frames[i + 1].Label.Should().Contain($"fuel left {S(left)}");
        }

        calls[^1].Left.Should().BePositive("the replay stops at the first call that leaves fuel");
        calls.Take(calls.Count - 1).Should().OnlyContain(c => c.Left <= 0);
    }

    [Fact]
    public void The_fuel_sample_prints_each_call_of_the_same_merge()
    {
        var printed = SceneCatalog.Default.RunSample("merge-fuel-calls").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var calls = Calls();
        for (int i = 0; i < calls.Count; i++)
        {
            printed[i].Should().StartWith($"call {S(i + 1)}: fuel 2 -> {S(calls[i].Left),2}  positions ({S(calls[i].Older)}, {S(calls[i].Newer)})");
        }

        printed[calls.Count].Should().StartWith("merged: 12 updates, 8 keys");
    }

    [Fact]
    public void The_compaction_picture_joins_each_input_to_the_advanced_and_consolidated_output()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("merge-compaction").Svg);
        var frontier = Antichain.Create<Timestamp>([MergeScenes.CompactFrontier]);

        // The model: advance every time by the frontier, then consolidate.
        var expected = MergeScenes.CompactOlder.Concat(MergeScenes.CompactNewer)
            .GroupBy(u => (u.Key, u.Val, Time: u.Time.AdvanceBy(frontier).Value))
            .Select(g => (g.Key, Diff: g.Sum(u => u.Diff)))
            .Where(g => g.Diff != 0)
            .OrderBy(g => g.Key.Key).ThenBy(g => g.Key.Val).ThenBy(g => g.Key.Time)
            .Select(g => $"({S(g.Key.Key)}, {S(g.Key.Val)}, {g.Key.Time}, {(g.Diff > 0 ? "+" : "")}{S(g.Diff)})")
            .ToList();

        SceneSvg.WithData(svg, "output").Select(e => SceneSvg.Data(e, "output")).Where(o => o != "cancelled")
            .Should().Equal(expected);
        SceneSvg.WithData(svg, "input").Should().HaveCount(MergeScenes.CompactOlder.Count + MergeScenes.CompactNewer.Count);

        // Every line ends at the output its advanced update folds into, or at "cancelled" when the group sums to zero.
        foreach (var edge in SceneSvg.WithData(svg, "from"))
        {
            string to = SceneSvg.Data(edge, "to");
            string from = SceneSvg.Data(edge, "from");
            var input = MergeScenes.CompactOlder.Concat(MergeScenes.CompactNewer)
                .Single(u => $"({S(u.Key)}, {S(u.Val)}, {u.Time}, {(u.Diff > 0 ? "+" : "")}{S(u.Diff)})" == from);
            string prefix = $"({S(input.Key)}, {S(input.Val)}, {input.Time.AdvanceBy(frontier)},";
            if (to == "cancelled")
            {
                expected.Should().NotContain(e => e.StartsWith(prefix, StringComparison.Ordinal));
            }
            else
            {
                to.Should().StartWith(prefix);
            }
        }

        MergeScenes.MergeCompacting().Description.Since.SetEquals(frontier).Should().BeTrue();
    }
}
