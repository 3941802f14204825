using Book.Scenes.Contract;
using Traces;
using Traces.Sorted;

namespace Book.Tests.Scenes.Contract;

[Trait("Part", "book")]
public sealed class CompactionSceneTests
{
    [Fact]
    public void The_table_prints_the_accumulations_of_the_updates_added_and_of_the_trace_after_AdvanceBy()
    {
        var after = Advanced();
        var rows = SceneCatalog.Default.RunSample("advance-by-accumulations").Split('\n')
            .SkipWhile(line => !line.StartsWith("time", StringComparison.Ordinal)).Skip(1).ToList();

        rows.Should().HaveCount(CompactionScenes.Probes.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var time = CompactionScenes.Probes[i];
            var cells = rows[i][time.ToString().Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            cells.Should().Equal(
                FrontierScenes.Frontier.LessEqual(time) ? "yes" : "no",
                Text(CompactionScenes.Accumulate(CompactionScenes.Updates, "x", time)),
                Text(CompactionScenes.Accumulate(after, "x", time)),
                Text(CompactionScenes.Accumulate(CompactionScenes.Updates, "y", time)),
                Text(CompactionScenes.Accumulate(after, "y", time)));
        }
    }

    [Fact]
    public void After_AdvanceBy_the_trace_holds_fewer_updates_and_the_same_collection_at_every_time_beyond_the_frontier()
    {
        var after = Advanced();
        after.Should().HaveCountLessThan(CompactionScenes.Updates.Count);
        for (ulong outer = 0; outer < 6; outer++)
        {
            for (ulong inner = 0; inner < 6; inner++)
            {
                var time = new Product<Timestamp, Timestamp>(outer, inner);
                if (FrontierScenes.Frontier.LessEqual(time))
                {
                    foreach (var val in new[] { "x", "y" })
                    {
                        CompactionScenes.Accumulate(after, val, time).Should()
                            .Be(CompactionScenes.Accumulate(CompactionScenes.Updates, val, time), $"{val} at {time}");
                    }
                }
            }
        }
    }

    [Fact]
    public void The_sample_also_shows_a_time_not_beyond_the_frontier_whose_accumulation_changed()
    {
        var after = Advanced();
        CompactionScenes.Probes.Should().Contain(time => !FrontierScenes.Frontier.LessEqual(time) &&
            CompactionScenes.Accumulate(after, "x", time) != CompactionScenes.Accumulate(CompactionScenes.Updates, "x", time));
    }

    private static List<Update<string, string, Product<Timestamp, Timestamp>, long>> Advanced()
    {
        var trace = new SortedTrace<string, string, Product<Timestamp, Timestamp>, long>();
        trace.Add(CompactionScenes.Updates);
        trace.AdvanceBy(FrontierScenes.Frontier);
        return trace.Get(CompactionScenes.Key).ToList();
    }

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
