using Book.Scenes.OrdNeu;
using Traces;
using Traces.OrdNeu;

namespace Book.Tests.Scenes.OrdNeu;

[Trait("Part", "book")]
public sealed class BatchSceneTests
{
    [Fact]
    public void The_columns_are_the_columns_the_builder_writes()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("batch-columns").Svg);

        // Built independently here, from the same updates.
        var builder = OrdValBatch<long, long, Timestamp, long>.CreateBuilder(3, 6, 7);
        foreach (var update in BatchScenes.Updates)
        {
            builder.Push(update);
        }

        var storage = builder.Done(new Description<Timestamp>(
            Antichain.Create<Timestamp>([0UL]), Antichain.Create<Timestamp>([10UL]), Antichain<Timestamp>.AtMinimum())).Storage;

        SceneSvg.WithData(svg, "key").Select(e => SceneSvg.Data(e, "key"))
            .Should().Equal(Enumerable.Range(0, storage.KeyCount).Select(i => S(storage.KeyAt(i))));
        SceneSvg.WithData(svg, "key-offset").Select(e => SceneSvg.Data(e, "key-offset"))
            .Should().Equal(Enumerable.Range(0, storage.KeyCount + 1).Select(i => S(storage.KeyOffsetAt(i))));
        SceneSvg.WithData(svg, "val").Select(e => SceneSvg.Data(e, "val"))
            .Should().Equal(Enumerable.Range(0, storage.ValCount).Select(i => S(storage.ValAt(i))));
        SceneSvg.WithData(svg, "val-offset").Select(e => SceneSvg.Data(e, "val-offset"))
            .Should().Equal(Enumerable.Range(0, storage.ValCount + 1).Select(i => S(storage.ValOffsetAt(i))));

        // The stored row holds exactly the stored pairs: four of seven updates.
        var stored = SceneSvg.WithData(svg, "index").Where(e => e.Attribute("data-time") is not null).ToList();
        stored.Select(e => (SceneSvg.Data(e, "time"), SceneSvg.Data(e, "diff")))
            .Should().Equal(Enumerable.Range(0, storage.StoredUpdateCount)
                .Select(u => (storage.StoredUpdateAt(u).Time.ToString(), S(storage.StoredUpdateAt(u).Diff))));
        storage.StoredUpdateCount.Should().Be(4);
    }

    [Fact]
    public void The_logical_row_is_every_update_and_marks_exactly_the_singletons()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("batch-columns").Svg);
        var logical = SceneSvg.WithData(svg, "singleton");

        // Read back through a cursor, which knows nothing about how the picture decodes offsets.
        var expected = new List<(string Time, string Diff)>();
        var cursor = BatchScenes.Build(BatchScenes.Updates).GetCursor();
        for (; cursor.KeyValid; cursor.StepKey())
        {
            for (; cursor.ValValid; cursor.StepVal())
            {
                cursor.MapTimes((time, diff) => expected.Add((time.ToString(), S(diff))));
            }
        }

        logical.Select(e => (SceneSvg.Data(e, "time"), SceneSvg.Data(e, "diff"))).Should().Equal(expected);
        expected.Should().Equal(BatchScenes.Updates.Select(u => (u.Time.ToString(), S(u.Diff))));

        // A value is a singleton exactly when its update equals the last one stored before it: values 1, 2 and 4.
        logical.Where(e => SceneSvg.Data(e, "singleton") == "True").Select(e => SceneSvg.Data(e, "value"))
            .Should().Equal("1", "2", "4");
        logical.Where(e => SceneSvg.Data(e, "singleton") == "True")
            .Should().OnlyContain(e => e.Attribute("class")!.Value.Contains("fig-empty", StringComparison.Ordinal));
    }

    [Fact]
    public void The_snapshot_sample_stores_one_pair_however_many_keys()
    {
        var printed = SceneCatalog.Default.RunSample("batch-snapshot-counts");
        printed.Should().Contain("100,000 keys: 200,000 updates, 1 stored, 199,999 singletons");
        printed.Should().Contain("the figure's batch: 7 updates, 4 stored, 3 singletons");
    }
}
