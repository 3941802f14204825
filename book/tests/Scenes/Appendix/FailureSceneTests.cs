using Book.Scenes.Appendix;

namespace Book.Tests.Scenes.Appendix;

[Trait("Part", "book")]
public sealed class FailureSceneTests
{
    [Fact]
    public void The_suite_catches_the_dropped_retractions_and_the_sample_prints_its_report()
    {
        var report = FailureScenes.Report();
        report.Should().MatchRegex(@"\(seed \S+, \d+ choices\)", "a failure names the seed to replay");

        var printed = SceneCatalog.Default.RunSample("conformance-failure").Split('\n');
        printed.Should().HaveCountGreaterThan(2).And.AllSatisfy(static l => l.Length.Should().BeLessThanOrEqualTo(96));
        var shownWords = string.Join('\n', printed).TrimEnd('…').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var reportWords = report.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        shownWords.Should().Equal(reportWords.Take(shownWords.Length), "the sample shows the report's own words, only wrapped");
    }

    [Fact]
    public void The_report_blames_get_and_shows_the_lost_retractions_as_the_chapter_says()
    {
        // The appendix's paragraph after the sample reads these lines; if they change, so must the paragraph.
        var lines = FailureScenes.Report().Split('\n');
        lines[0].Should().MatchRegex($@"^Model run ""{FailureScenes.Family}"" failed on sequence 0 of 100 \(seed \S+, \d+ choices\):$");
        lines[1].Should().MatchRegex(@"^  Step \d+: Get\(-?\d+\) disagrees with the model").And.NotContain("Keys()");
        lines[2].Should().MatchRegex(@"^    model: (nothing|\(k=-?\d+, v=\d+, t=\d+, [+-]?\d+\))", "the model's answer, consolidated");
        lines[3].Should().MatchRegex(@"^    trace: ");
        int shrunk = Array.FindIndex(lines, static l => l.StartsWith("Shrunk to ", StringComparison.Ordinal));
        shrunk.Should().BePositive();
        lines[shrunk + 1].Should().Be("  Step 1: Get(-40000) disagrees with the model (consolidated):", "the shrunk run fails on its first step, at key index 0");
        lines[shrunk + 2].Should().MatchRegex(@"^    model: \(k=-40000, v=0, t=0, -1\)$", "one retraction, at the smallest value and time");
        lines[shrunk + 3].Should().Be("    trace: nothing");
        lines.Should().Contain("    batch.Clear(); batch.AddRange([new(-40000, 0, 0, -1)]); twin.Add(batch);");
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(96, 1)]
    [InlineData(97, 2)]
    [InlineData(300, 4)]
    public void Wrapping_keeps_every_piece_within_the_column_and_every_character(int length, int pieces)
    {
        var line = string.Join(' ', Enumerable.Repeat("word", length / 5 + 1))[..length];
        var wrapped = FailureScenes.Wrap(line).ToList();
        wrapped.Should().HaveCount(pieces).And.AllSatisfy(static p => p.Length.Should().BeLessThanOrEqualTo(96));
        string.Join(' ', wrapped.Select(static p => p.Trim())).Should().Be(line.TrimEnd());
    }
}
