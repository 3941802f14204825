using System.Xml.Linq;
using Book.Scenes.Spine;
using Traces;
using Traces.OrdNeu;
using ValBatch = Traces.OrdNeu.OrdValBatch<long, long, Traces.Timestamp, long>;
using ValMerger = Traces.OrdNeu.OrdValMerger<
    Traces.OrdNeu.OrdValBatch<long, long, Traces.Timestamp, long>, long, long, Traces.Timestamp, long,
    Traces.OrdNeu.ArrayContainer<long>, Traces.OrdNeu.ArrayContainer<long>>;

namespace Book.Tests.Scenes.Spine;

[Trait("Part", "book")]
public sealed class SpineSceneTests
{
    [Fact]
    public void The_player_has_a_frame_per_insert_and_each_draws_the_levels_of_a_spine_driven_alongside()
    {
        var player = SceneCatalog.Default.RecordPlayer("spine-run");
        player.Frames.Should().HaveCount(SpineRun.Sizes.Count);

        var spine = new Spine<ValBatch, Timestamp>();
        for (var insert = 1; insert <= SpineRun.Sizes.Count; insert++)
        {
            var (fueled, forced, merges) = (spine.FueledEffort, spine.ForcedEffort, spine.FueledMerges);
            Insert(spine, insert, SpineRun.Sizes[insert - 1]);
            var frame = player.Frames[insert - 1];
            var svg = SceneSvg.Parse(frame.Svg);

            var step = SceneSvg.WithData(svg, "insert").Single();
            SceneSvg.Data(step, "insert").Should().Be(insert.ToString(CultureInfo.InvariantCulture));
            Number(step, "fuel").Should().Be(spine.FueledEffort - fueled, "insert {0} spent that much fuel", insert);
            Number(step, "rollup").Should().Be(spine.ForcedEffort - forced, "insert {0} rolled up that much", insert);
            Number(step, "advanced").Should().Be(spine.FueledMerges - merges, "insert {0} fuelled that many merges", insert);
            frame.Label.Should().StartWith($"insert {insert}: ").And.Contain($" {spine.FueledEffort - fueled} unit");

            DrawnLevels(svg).Should().Equal(RealLevels(spine), "frame {0} draws the spine after insert {0}", insert);
        }
    }

    [Fact]
    public void The_filmstrip_column_of_each_insert_draws_the_levels_of_a_spine_driven_alongside()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("spine-filmstrip").Svg);
        var cells = SceneSvg.WithData(svg, "insert").ToLookup(e => (int)Number(e, "insert"));
        cells.Count.Should().Be(SpineRun.Sizes.Count);

        var spine = new Spine<ValBatch, Timestamp>();
        for (var insert = 1; insert <= SpineRun.Sizes.Count; insert++)
        {
            Insert(spine, insert, SpineRun.Sizes[insert - 1]);
            var drawn = cells[insert]
                .Select(e => ((int)Number(e, "level"), SceneSvg.Data(e, "state"), Number(e, "count"), Number(e, "written")))
                .OrderBy(c => c.Item1).ToList();
            var real = RealLevels(spine).Select(l => (l.Index, l.State, l.Count, l.Written)).ToList();
            drawn.Should().Equal(real, "column {0} draws the spine after insert {0}", insert);
        }
    }

    [Fact]
    public void The_run_shows_merges_part_way_done_and_an_insert_that_rolls_up()
    {
        var player = SceneCatalog.Default.RecordPlayer("spine-run");
        var levels = player.Frames.SelectMany(f => DrawnLevels(SceneSvg.Parse(f.Svg))).ToList();
        levels.Should().Contain(l => l.State == "merging" && l.Written > 0 && l.Written < l.Older + l.Newer);
        player.Frames.Should().Contain(f => f.Label.Contains("roll-up", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SpineMergePolicy.Fueled)]
    [InlineData(SpineMergePolicy.Eager)]
    public void The_fueled_versus_eager_sample_prints_the_batches_and_the_work_of_a_spine_driven_alongside(SpineMergePolicy policy)
    {
        var printed = SceneCatalog.Default.RunSample("spine-fueled-versus-eager").Split('\n');
        var spine = new Spine<ValBatch, Timestamp>(1, policy);
        long total = 0, most = 0;
        for (var insert = 1; insert <= 1024; insert++)
        {
            var before = spine.FueledEffort + spine.ForcedEffort;
            Insert(spine, insert, 1);
            var work = spine.FueledEffort + spine.ForcedEffort - before;
            total += work;
            most = Math.Max(most, work);
        }

        var line = printed.Single(l => l.StartsWith(policy.ToString(), StringComparison.Ordinal));
        line.Should().MatchRegex($@"^{policy} ?: +{spine.Batches().Count} batch\(es\), +{total} updates written by merges, at most +{most} by one insert");
        if (policy == SpineMergePolicy.Fueled)
        {
            most.Should().BeLessThan(64, "no fueled insert pays for a large merge");
        }
        else
        {
            most.Should().BeGreaterThan(1024, "the eager spine's last insert merges everything");
        }
    }

    /// <summary>Builds insert <paramref name="insert"/>'s batch as the run does, inserts it, and lets it join the levels.</summary>
    internal static void Insert(Spine<ValBatch, Timestamp> spine, int insert, int size)
    {
        var builder = ValBatch.CreateBuilder(size, size, size);
        for (var i = 0; i < size; i++)
        {
            builder.Push(new Update<long, long, Timestamp, long>(i * 100 + insert, 0, (ulong)(insert - 1), 1));
        }

        spine.Insert(builder.Done(new Description<Timestamp>([(ulong)(insert - 1)], [(ulong)insert], Antichain<Timestamp>.AtMinimum())));
        spine.SetPhysicalCompaction([(ulong)insert]);
    }

    /// <summary>Each level of the spine as (level, state, count, older, newer, written), level 0 first.</summary>
    internal static List<Level> RealLevels(Spine<ValBatch, Timestamp> spine) =>
        spine.Summaries().OrderBy(s => s.Level).Select(s =>
        {
            var (batch, newer, merger) = spine.InspectLevel(s.Level);
            var state = s.Batches switch { 0 => "vacant", 1 => batch is null ? "placeholder" : "single", _ => merger is null ? "merged" : "merging" };
            return new Level(s.Level, state, s.Count, batch?.Count ?? 0, newer?.Count ?? 0, merger is null ? 0 : ((ValMerger)merger).Effort);
        }).ToList();

    private static List<Level> DrawnLevels(XElement svg) =>
        SceneSvg.WithData(svg, "level").Select(e => new Level(
            (int)Number(e, "level"), SceneSvg.Data(e, "state"), Number(e, "count"), Number(e, "older"), Number(e, "newer"), Number(e, "written")))
            .OrderBy(l => l.Index).ToList();

    private static long Number(XElement element, string name) =>
        long.Parse(SceneSvg.Data(element, name), CultureInfo.InvariantCulture);

    internal sealed record Level(int Index, string State, long Count, long Older, long Newer, long Written);
}
