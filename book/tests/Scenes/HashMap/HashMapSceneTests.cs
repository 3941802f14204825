using Book.Scenes.HashMap;
using Traces;

namespace Book.Tests.Scenes.HashMap;

[Trait("Part", "book")]
public sealed class HashMapSceneTests
{
    [Fact]
    public void Each_key_points_at_its_list_holding_its_updates_in_arrival_order_then_its_unused_capacity()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("hashmap-layout").Svg);
        var trace = HashMapScenes.Trace();

        SceneSvg.WithData(svg, "entry").Should().HaveCount(trace.DictionaryCapacity);
        var keys = SceneSvg.WithData(svg, "entry").Where(e => e.Attribute("data-key") is not null)
            .Select(e => ulong.Parse(SceneSvg.Data(e, "key"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        keys.Should().BeEquivalentTo(HashMapScenes.Updates.Select(u => u.Key).Distinct());
        foreach (var key in keys)
        {
            var slots = SceneSvg.WithData(svg, "slot").Where(e => SceneSvg.Data(e, "key") == Text(key)).ToList();
            slots.Should().HaveCount(trace.ListCapacity(key));
            var held = HashMapScenes.Updates.Where(u => u.Key == key).ToList();
            slots.Where(e => e.Attribute("data-val") is not null)
                .Select(e => (SceneSvg.Data(e, "val"), SceneSvg.Data(e, "time"), SceneSvg.Data(e, "diff")))
                .Should().Equal(held.Select(u => (Text(u.Val), u.Time.ToString(), Text(u.Diff))), "part 1 keeps updates as they arrived");
        }
    }

    [Fact]
    public void The_byte_count_is_what_the_runtime_allocates_for_those_arrays_and_lists()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("hashmap-layout").Svg);
        var trace = HashMapScenes.Trace();

        long expected = Allocated(() => new Dictionary<ulong, List<(ulong, Timestamp, long)>>(trace.DictionaryCapacity))
            - Allocated(() => new Dictionary<ulong, List<(ulong, Timestamp, long)>>());
        expected.Should().Be(HashMapScenes.DictionaryBytes(trace.DictionaryCapacity));
        foreach (var key in trace.Keys())
        {
            var capacity = trace.ListCapacity(key);
            var list = Allocated(() => new List<(ulong, Timestamp, long)>(capacity));
            list.Should().Be(HashMapScenes.ListBytes(capacity));
            expected += list;
        }

        var total = SceneSvg.WithData(svg, "bytes").Single();
        SceneSvg.Data(total, "bytes").Should().Be(Text(expected));
        SceneSvg.Data(total, "updates").Should().Be(Text(HashMapScenes.Updates.Count));
        System.Runtime.CompilerServices.Unsafe.SizeOf<Update<ulong, ulong, Timestamp, long>>().Should().Be(HashMapScenes.UpdateBytes);
        System.Runtime.CompilerServices.Unsafe.SizeOf<(ulong, Timestamp, long)>().Should().Be(HashMapScenes.SlotBytes);
    }

    [Fact]
    public void The_sample_prints_Get_as_it_arrived_and_consolidated_after_AdvanceBy()
    {
        var lines = SceneCatalog.Default.RunSample("hashmap-get").Split('\n');
        var trace = HashMapScenes.Trace();
        lines[0].Should().Be("Get(1): " + string.Join(" ", trace.Get(1).Select(HashMapScenes.Slot)));
        trace.AdvanceBy(Antichain.Create<Timestamp>([2]));
        lines[^1].Should().Be("Get(2): " + string.Join(" ", trace.Get(2).Select(HashMapScenes.Slot)));
        trace.Get(2).Should().HaveCountLessThan(HashMapScenes.Updates.Count(u => u.Key == 2), "the updates at times 1 and 2 of value 20 cancel");
    }

    private static long Allocated(Func<object> allocate)
    {
        allocate();
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(allocate());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(ulong value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
