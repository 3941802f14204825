using Book.Scenes.Junctions;
using Traces.Junctions;

namespace Book.Tests.Scenes.Junctions;

[Trait("Part", "book")]
public sealed class JunctionSceneTests
{
    [Fact]
    public void The_two_indexes_figure_draws_both_indexes_before_and_after_the_move_of_a_relation_driven_alongside()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("junction-two-indexes").Svg);
        var drawn = SceneSvg.WithData(svg, "index")
            .Select(e => (Index: SceneSvg.Data(e, "index"), Pair: SceneSvg.Data(e, "pair"), Change: SceneSvg.Data(e, "change")))
            .ToList();

        var inventory = new OneToMany<string, string>();
        foreach (var (character, item) in JunctionScenes.Inventory)
        {
            inventory.Fwd.Insert(character, item);
        }

        var before = (Fwd: Pairs(inventory.Fwd), Bwd: Pairs(inventory.Bwd));
        inventory.Fwd.Insert(JunctionScenes.Move.Character, JunctionScenes.Move.Item);
        var after = (Fwd: Pairs(inventory.Fwd), Bwd: Pairs(inventory.Bwd));

        drawn.Where(d => d.Index == "fwd").Select(d => (d.Pair, d.Change)).Should().Equal(Changes(before.Fwd, after.Fwd));
        drawn.Where(d => d.Index == "bwd").Select(d => (d.Pair, d.Change)).Should().Equal(Changes(before.Bwd, after.Bwd));
        drawn.Should().Contain(("fwd", "russell,stick", "removed")).And.Contain(("bwd", "stick,jochen", "added"));

        // The two indexes hold the same relation, flipped, before and after.
        Flip(after.Fwd).Should().BeEquivalentTo(after.Bwd);
        Flip(before.Fwd).Should().BeEquivalentTo(before.Bwd);
    }

    [Fact]
    public void The_passage_figure_draws_each_step_of_a_walk_driven_alongside_and_the_walk_keeps_the_passage_rule()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("junction-passage").Svg);
        var rows = SceneSvg.WithData(svg, "step").ToList();
        rows.Should().HaveCount(JunctionScenes.Walk.Count);

        var relation = new ManyToMany<string, int>();
        foreach (var value in JunctionScenes.Start)
        {
            relation.Fwd.Insert("k", value);
        }

        var walk = relation.Fwd.Get("k").Iterate();
        int? last = null;
        var ended = false;
        for (var s = 0; s < JunctionScenes.Walk.Count; s++)
        {
            var step = JunctionScenes.Walk[s];
            var yielded = "";
            if (step.Op == "next")
            {
                // The passage rule: the smallest element beyond the last one returned, and nothing once ended.
                var contents = relation.Fwd.Get("k").ToList();
                var expected = ended ? null : contents.Where(v => last is null || v > last).Cast<int?>().FirstOrDefault();
                if (walk.TryNext(out var item))
                {
                    item.Should().Be(expected, "step {0} takes the next element past the walk's place", s);
                    (last, yielded) = (item, "→ " + item.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    expected.Should().BeNull("step {0} ends the walk only when nothing lies ahead or it has ended", s);
                    (ended, yielded) = (true, "end");
                }
            }
            else
            {
                foreach (var value in step.Values)
                {
                    _ = step.Op == "insert" ? relation.Fwd.Insert("k", value) : relation.Fwd.Remove("k", value);
                }
            }

            SceneSvg.Data(rows[s], "contents").Should().Be(string.Join(" ", relation.Fwd.Get("k")));
            SceneSvg.Data(rows[s], "yield").Should().Be(yielded);
            SceneSvg.Data(rows[s], "last").Should().Be(last?.ToString(CultureInfo.InvariantCulture) ?? "");
        }

        rows.Select(r => SceneSvg.Data(r, "yield")).Where(y => y.Length > 0).Should().Equal("→ 1", "→ 2", "→ 4", "→ 5", "→ 6", "end", "end");
    }

    [Fact]
    public void The_walks_sample_prints_what_the_passage_rule_gives()
    {
        var printed = SceneCatalog.Default.RunSample("junction-walks").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd()).ToList();
        int[] start = [1, 2, 4, 5];

        // Forward: after 1 2 4, the elements beyond 4; backward: after 5 4, the elements below 4, descending;
        // both ends: after front 1 and back 5, the back end takes the elements strictly between, descending.
        var forwardRest = start.Concat([3, 6]).Where(v => v > 4).Order();
        var backwardRest = start.Concat([3, 6, 0]).Where(v => v < 4).OrderDescending();
        var between = start.Concat([0, 3, 7]).Where(v => v > 1 && v < 5).OrderDescending();
        printed.Should().Equal(
            $"forward:   1 2 4 | insert 3, 6 | {string.Join(" ", forwardRest)} end",
            $"backward:  5 4 | insert 3, 6, 0 | {string.Join(" ", backwardRest)} end",
            $"both ends: front 1, back 5 | insert 0, 3, 7 | back {string.Join(" ", between)} end, then front end");
    }

    private static List<(string, string)> Pairs<TMap>(TMap map)
        where TMap : Sequence<(string Key, string Value)> => map.Select(p => (p.Key, p.Value)).ToList();

    private static List<(string, string)> Flip(List<(string A, string B)> pairs) => pairs.Select(p => (p.B, p.A)).ToList();

    private static List<(string, string)> Changes(List<(string, string)> before, List<(string, string)> after) =>
        before.Concat(after).Distinct().Order()
            .Select(p => (p.Item1 + "," + p.Item2, before.Contains(p) && after.Contains(p) ? "kept" : before.Contains(p) ? "removed" : "added"))
            .ToList();
}
