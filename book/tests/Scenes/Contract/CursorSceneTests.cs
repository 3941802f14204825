using Book.Scenes.Contract;
using Traces;
using Traces.Conformance;

namespace Book.Tests.Scenes.Contract;

[Trait("Part", "book")]
public sealed class CursorSceneTests
{
    [Fact]
    public void The_walk_prints_every_key_and_value_with_its_consolidated_history_in_order()
    {
        var model = new ReferenceTrace<string, string, Timestamp, long>();
        foreach (var batch in CursorScenes.Batches)
        {
            model.Add(batch);
        }

        var expected = new List<string>();
        foreach (var key in model.Keys())
        {
            foreach (var group in model.Get(key).GroupBy(u => u.Val))
            {
                expected.Add(CursorScenes.Row(key, group.Key, group.Select(u => (u.Time, u.Diff)).ToArray()));
            }
        }

        var lines = SceneCatalog.Default.RunSample("cursor-walk").Split('\n');
        lines.Skip(1).TakeWhile(line => line.Length > 0).Should().Equal(expected);
        expected.Should().NotContain(row => row.StartsWith("fig", StringComparison.Ordinal));
    }

    [Fact]
    public void The_seek_lands_on_the_first_key_after_the_one_sought_and_the_reads_after_the_add_throw()
    {
        var sample = SceneCatalog.Default.RunSample("cursor-walk");
        sample.Should().Contain($"SeekKey(\"{CursorScenes.Sought}\"): at key \"kiwi\"");
        sample.Should().Contain("cursor.StepKey() throws InvalidOperationException");
        sample.Should().Contain("Get(\"apple\") throws InvalidOperationException");
    }
}
