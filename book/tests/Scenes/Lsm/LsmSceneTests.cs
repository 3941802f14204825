using System.Text;
using Book.Scenes.Lsm;
using Traces.Lsm;

namespace Book.Tests.Scenes.Lsm;

[Trait("Part", "book")]
public sealed class LsmSceneTests
{
    [Fact]
    public void The_scan_column_is_the_real_stores_scan_at_the_snapshot()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("lsm-merge-at-snapshot").Svg);
        var drawn = SceneSvg.WithData(svg, "result-key").ToDictionary(e => SceneSvg.Data(e, "result-key"), e => SceneSvg.Data(e, "result"));

        var store = Replay();
        var scanned = Scan(store, LsmScenes.ReadVersion);
        drawn.Where(d => d.Value != "(none)").Should().BeEquivalentTo(scanned);
        drawn.Keys.Should().BeEquivalentTo(Writes().Select(w => w.Key).Distinct());

        // The chapter says so: the spine has begun merging the two runs, and a scan still reads both inputs.
        store.Spine.Summaries().Should().Contain(level => level.Batches == 2);
        store.InspectSources().Runs.Should().HaveCount(2);
    }

    [Fact]
    public void Each_source_holds_the_writes_of_its_stretch_and_offers_its_newest_one_at_the_snapshot_and_the_newest_offer_wins()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("lsm-merge-at-snapshot").Svg);
        var segments = Segments(); // newest first, as the figure's sources

        var held = SceneSvg.WithData(svg, "version")
            .Select(e => (Source: int.Parse(SceneSvg.Data(e, "source"), CultureInfo.InvariantCulture), Key: SceneSvg.Data(e, "key"),
                Version: ulong.Parse(SceneSvg.Data(e, "version"), CultureInfo.InvariantCulture)))
            .Distinct().ToList();
        var expectedHeld = segments.SelectMany((segment, s) => segment.Select(w => (Source: s, w.Key, w.Version))).ToList();
        held.Should().BeEquivalentTo(expectedHeld);

        var offers = SceneSvg.WithData(svg, "offer-source").ToDictionary(
            e => (int.Parse(SceneSvg.Data(e, "offer-source"), CultureInfo.InvariantCulture), SceneSvg.Data(e, "key")),
            e => (Offer: SceneSvg.Data(e, "offer"), Wins: SceneSvg.Data(e, "wins")));
        var expectedOffers = new Dictionary<(int, string), (string Offer, string Wins)>();
        foreach (var key in Writes().Select(w => w.Key).Distinct())
        {
            var won = false;
            for (var s = 0; s < segments.Count; s++)
            {
                var newest = segments[s].Where(w => w.Key == key && w.Version <= LsmScenes.ReadVersion).MaxBy(w => w.Version);
                if (newest is not null)
                {
                    expectedOffers[(s, key)] = (newest.Value ?? "(tombstone)", won ? "False" : "True");
                    won = true;
                }
            }
        }

        offers.Should().BeEquivalentTo(expectedOffers);
    }

    [Fact]
    public void The_sample_prints_the_real_scan_at_each_version()
    {
        var printed = SceneCatalog.Default.RunSample("lsm-scan-at-versions").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var store = Replay();
        var versions = new ulong[] { 4, 7, LsmScenes.ReadVersion, store.Version };
        printed.Should().HaveCount(versions.Length);
        for (var i = 0; i < versions.Length; i++)
        {
            var expected = string.Join("  ", Scan(store, versions[i]).Select(p => p.Key + "=" + p.Value));
            printed[i].TrimEnd().Should().EndWith(": " + expected).And.Contain($"version {versions[i],2}:");
        }
    }

    private sealed record Write(string Key, ulong Version, string? Value);

    /// <summary>The script's writes with their versions; a delete has no value.</summary>
    private static List<Write> Writes()
    {
        var writes = new List<Write>();
        foreach (var step in LsmScenes.Script.Where(s => s.Op is "put" or "delete"))
        {
            writes.Add(new Write(step.Key, (ulong)writes.Count + 1, step.Op == "put" ? step.Value : null));
        }

        return writes;
    }

    /// <summary>The writes between freezes, newest stretch first: mutable, frozen, then the flushed runs.</summary>
    private static List<List<Write>> Segments()
    {
        var segments = new List<List<Write>> { new() };
        var version = 0UL;
        foreach (var step in LsmScenes.Script)
        {
            if (step.Op == "freeze")
            {
                segments.Add([]);
            }
            else if (step.Op is "put" or "delete")
            {
                version++;
                segments[^1].Add(new Write(step.Key, version, step.Op == "put" ? step.Value : null));
            }
        }

        segments.Reverse();
        return segments;
    }

    private static LsmStore Replay()
    {
        var store = new LsmStore();
        foreach (var step in LsmScenes.Script)
        {
            _ = step.Op switch
            {
                "put" => store.Put(Encoding.UTF8.GetBytes(step.Key), Encoding.UTF8.GetBytes(step.Value)) > 0,
                "delete" => store.Delete(Encoding.UTF8.GetBytes(step.Key)) > 0,
                "freeze" => store.Freeze(),
                "flush" => store.Flush(),
                _ => store.OpenSnapshot() is not null,
            };
        }

        return store;
    }

    private static Dictionary<string, string> Scan(LsmStore store, ulong version)
    {
        var result = new Dictionary<string, string>();
        for (var scan = store.Scan(Bound.Unbounded, Bound.Unbounded, version); scan.IsValid; scan.Next())
        {
            result.Add(Encoding.UTF8.GetString(scan.Key.Span), Encoding.UTF8.GetString(scan.Value.Span));
        }

        return result;
    }
}
