using Book.Scenes.Tries;
using Traces;
using Traces.Tries;

namespace Book.Tests.Scenes.Tries;

[Trait("Part", "book")]
public sealed class TrieSceneTests
{
    [Fact]
    public void The_layers_are_the_trie_s_arrays_and_each_arrow_spans_the_range_its_entry_owns()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("trie-layers").Svg);
        var trie = TrieScenes.Build(TrieScenes.LayerUpdates);
        var cells = SceneSvg.WithData(svg, "layer");

        cells.Where(e => SceneSvg.Data(e, "layer") == "keys").Select(e => (SceneSvg.Data(e, "key"), SceneSvg.Data(e, "end")))
            .Should().Equal(trie.Keys.ToArray().Select(k => (k.Key, Text(k.End))));
        cells.Where(e => SceneSvg.Data(e, "layer") == "vals").Select(e => (SceneSvg.Data(e, "val"), SceneSvg.Data(e, "end")))
            .Should().Equal(trie.Vals.ToArray().Select(v => (v.Val, Text(v.End))));
        cells.Where(e => SceneSvg.Data(e, "layer") == "history").Select(e => (SceneSvg.Data(e, "time"), SceneSvg.Data(e, "diff")))
            .Should().Equal(trie.History.ToArray().Select(h => (h.Time.ToString(), Text(h.Diff))));

        var arrows = SceneSvg.WithData(svg, "from-layer");
        arrows.Should().HaveCount(trie.Keys.Length + trie.Vals.Length);
        foreach (var arrow in arrows)
        {
            var from = int.Parse(SceneSvg.Data(arrow, "from"), CultureInfo.InvariantCulture);
            var (start, end) = SceneSvg.Data(arrow, "from-layer") == "keys"
                ? (trie.ValsStart(from), trie.Keys[from].End)
                : (trie.HistoryStart(from), trie.Vals[from].End);
            SceneSvg.Data(arrow, "start").Should().Be(Text(start));
            SceneSvg.Data(arrow, "end").Should().Be(Text(end));
        }
    }

    [Fact]
    public void Each_key_of_the_merge_is_copied_whole_when_on_one_side_and_merged_when_on_both()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("trie-merge").Svg);
        var older = TrieScenes.Build(TrieScenes.OlderUpdates);
        var newer = TrieScenes.Build(TrieScenes.NewerUpdates);
        var merged = TrieMerge.Merge(older, newer);
        var expected = TrieScenes.Build(TrieScenes.OlderUpdates.Concat(TrieScenes.NewerUpdates));

        var rows = SceneSvg.WithData(svg, "how");
        rows.Select(r => SceneSvg.Data(r, "key")).Should().Equal(
            older.Keys.ToArray().Select(k => k.Key).Union(newer.Keys.ToArray().Select(k => k.Key)).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var key = SceneSvg.Data(row, "key");
            var (o, n, m) = (older.FindKey(key), newer.FindKey(key), merged.FindKey(key));
            SceneSvg.Data(row, "how").Should().Be(o >= 0 && n >= 0 ? "merged" : o >= 0 ? "copied from older" : "copied from newer");
            SceneSvg.Data(row, "merged").Should().Be(m >= 0 ? TrieScenes.Subtree(merged, m) : "");
            var e = expected.FindKey(key);
            SceneSvg.Data(row, "merged").Should().Be(e >= 0 ? TrieScenes.Subtree(expected, e) : "", "the merge equals building the union");
            if (o < 0 || n < 0)
            {
                SceneSvg.Data(row, "merged").Should().Be(SceneSvg.Data(row, o >= 0 ? "older" : "newer"), "a one-sided key is copied untouched");
            }
        }

        rows.Should().Contain(r => SceneSvg.Data(r, "how") == "merged" && SceneSvg.Data(r, "in-merged") == "True");
        rows.Should().Contain(r => SceneSvg.Data(r, "how") == "merged" && SceneSvg.Data(r, "in-merged") == "False", "one shared key cancels");
    }

    [Fact]
    public void The_sizes_sample_prints_the_layer_lengths_and_bytes_of_each_workload()
    {
        var lines = SceneCatalog.Default.RunSample("trie-sizes").Split('\n');
        lines.Should().HaveCount(2 + TrieScenes.Workloads.Count);
        for (var i = 0; i < TrieScenes.Workloads.Count; i++)
        {
            var (name, keys, vals, times) = TrieScenes.Workloads[i];
            var cells = lines[2 + i][name.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => long.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            var updates = (long)(keys * vals * times);
            cells.Should().Equal((long)keys, (long)(keys * vals), updates, 16 * (long)keys + 16 * (long)(keys * vals) + 16 * updates, 32 * updates);
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
