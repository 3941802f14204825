using Book.Scenes.Index;
using Traces.Index;

namespace Book.Tests.Scenes.Index;

[Trait("Part", "book")]
public sealed class IndexSceneTests
{
    [Fact]
    public void Every_key_s_chain_points_at_exactly_the_tries_that_hold_it_and_its_offset_there()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("index-positions").Svg);
        var trace = IndexScenes.IndexTrace();
        trace.TrieCount.Should().Be(3, "the batches are too small to merge");

        var keys = SceneSvg.WithData(svg, "index-key").Select(e => SceneSvg.Data(e, "index-key")).ToList();
        keys.Should().BeEquivalentTo(IndexScenes.IndexBatches.SelectMany(b => b).Distinct());
        foreach (var key in keys)
        {
            var drawn = SceneSvg.WithData(svg, "chain-of").Where(e => SceneSvg.Data(e, "chain-of") == key)
                .Select(e => (int.Parse(SceneSvg.Data(e, "to-trie"), CultureInfo.InvariantCulture), int.Parse(SceneSvg.Data(e, "to-offset"), CultureInfo.InvariantCulture)))
                .ToList();
            var holding = Enumerable.Range(0, trace.TrieCount).Where(t => trace.TrieAt(t).FindKey(key) >= 0)
                .Select(t => (t, trace.TrieAt(t).FindKey(key))).ToList();
            drawn.Should().BeEquivalentTo(holding, $"the chain of {key} holds one position per trie holding it");
            drawn.Select(p => p.Item1).Should().BeInDescendingOrder("positions are prepended, so the newest trie comes first");

            // Each chain node's target is a drawn cell of that trie holding the key.
            foreach (var (t, offset) in drawn)
            {
                SceneSvg.WithData(svg, "trie").Should().Contain(e => SceneSvg.Data(e, "trie") == Text(t)
                    && SceneSvg.Data(e, "offset") == Text(offset) && SceneSvg.Data(e, "key") == key);
            }
        }
    }

    [Fact]
    public void Each_row_shows_the_positions_Gallop_compares_from_the_finger_and_where_it_lands()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("gallop-probes").Svg);
        var rows = SceneSvg.WithData(svg, "query");
        rows.Select(r => SceneSvg.Data(r, "query")).Should().Equal(IndexScenes.GallopQueries.Select(q => Text(q)));

        // Drive KeySearch.Gallop directly over the same layer, finger by finger, recording what it compares.
        var layer = Enumerable.Range(0, IndexScenes.GallopKeys).Select(i => (Key: new ProbeKey(2 * i), End: i + 1)).ToArray();
        var finger = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var target = new ProbeKey(IndexScenes.GallopQueries[r], []);
            var moved = KeySearch.Gallop<ProbeKey>(layer.AsSpan(finger), target);
            var probes = target.Log!.Select(value => value / 2).ToList();
            var landing = finger + moved;
            landing.Should().Be(layer.Count(k => k.Key.Value < target.Value), "the finger lands on the first key not below the target");
            probes.Should().OnlyContain(p => p >= finger, "a finger only moves forward");

            SceneSvg.Data(rows[r], "start").Should().Be(Text(finger));
            SceneSvg.Data(rows[r], "landing").Should().Be(Text(landing));
            var numbered = SceneSvg.WithData(rows[r], "probe").Select(e => int.Parse(SceneSvg.Data(e, "position"), CultureInfo.InvariantCulture));
            numbered.Should().Equal(probes, $"row {r + 1} numbers the comparisons of Gallop in order");
            if (landing < layer.Length)
            {
                SceneSvg.Data(rows[r], "probes").Should().EndWith(" " + Text(landing), "GetSorted then checks the landing key for a match");
            }

            finger = landing;
        }

        rows.Should().Contain(r => SceneSvg.WithData(r, "probe").Count > KeySearch.LinearLimit, "one row gallops past the linear scan");
    }

    [Fact]
    public void The_comparison_sample_prints_the_counts_of_both_ways_for_both_batches()
    {
        var lines = SceneCatalog.Default.RunSample("index-comparisons").Split('\n');
        lines.Should().HaveCount(2 + IndexScenes.ComparisonBatches.Count);
        var counts = new List<(int Sorted, int Binary)>();
        for (var i = 0; i < IndexScenes.ComparisonBatches.Count; i++)
        {
            var (name, keys) = IndexScenes.ComparisonBatches[i];
            var count = IndexScenes.CountComparisons(IndexScenes.ComparisonTrace(), keys);
            counts.Add(count);
            lines[2 + i].Should().Be(string.Create(CultureInfo.InvariantCulture,
                $"{name,-27}{(double)count.Sorted / keys.Count,6:0.0} per key{(double)count.Binary / keys.Count,18:0.0} per key"));
        }

        counts[0].Sorted.Should().BeLessThan(counts[0].Binary, "dense batches cost the fingers little");
        counts[1].Sorted.Should().BeGreaterThan(counts[0].Sorted, "sparse batches move the fingers far");
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
