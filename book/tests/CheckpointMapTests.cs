using System.Text.RegularExpressions;

namespace Book.Tests;

/// <summary>
/// The <c>./checkpoint</c> script's map from part to test projects against the solution and the chapters: every test
/// project in <c>Series.sln</c> is run by exactly one part, and every chapter's checkpoint names a part the script knows.
/// </summary>
[Trait("Part", "book")]
public sealed partial class CheckpointMapTests
{
    private static readonly string Root = TestPaths.RepositoryRoot;

    [Fact]
    public void Every_test_project_in_the_solution_is_run_by_exactly_one_part()
    {
        var map = CheckpointMap();
        var solutionTests = SolutionProjects().Where(static p => p.EndsWith(".Tests.csproj", StringComparison.Ordinal)).ToList();
        solutionTests.Should().NotBeEmpty();

        foreach (var project in solutionTests)
        {
            map.Where(entry => entry.Projects.Contains(project)).Select(static entry => entry.Part)
                .Should().ContainSingle($"{project} is in Series.sln, so exactly one ./checkpoint part must run it");
        }

        map.SelectMany(static entry => entry.Projects).Should()
            .OnlyHaveUniqueItems().And.BeSubsetOf(solutionTests, "./checkpoint runs only test projects of the solution");
    }

    [Fact]
    public void The_map_names_each_part_once_and_each_part_runs_the_tests_of_its_own_trait()
    {
        var map = CheckpointMap();
        map.Select(static entry => entry.Part).Should().OnlyHaveUniqueItems()
            .And.Equal(["0", "1", "2", "3", "4", "5", "lsm", "junctions", "shared", "book", "benchmarks", "exercises"]);
        foreach (var (part, projects) in map)
        {
            foreach (var project in projects)
            {
                var traits = Directory.EnumerateFiles(Path.GetDirectoryName(Path.Combine(Root, project))!, "*.cs", SearchOption.AllDirectories)
                    .Where(static f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}fixtures{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                    .SelectMany(static f => PartTrait().Matches(File.ReadAllText(f)).Select(static m => m.Groups[1].Value))
                    .Distinct(StringComparer.Ordinal);
                traits.Should().Equal([part], $"./checkpoint {part} runs {project}, so its tests carry Part={part} (and --filter Part={part} still works)");
            }
        }
    }

    [Fact]
    public void Every_chapter_checkpoint_names_a_known_part()
    {
        var parts = CheckpointMap().Select(static entry => entry.Part).ToHashSet(StringComparer.Ordinal);
        var chapters = Directory.GetFiles(Path.Combine(Root, "book", "chapters"), "*.md").Order(StringComparer.Ordinal).ToList();
        chapters.Should().NotBeEmpty();
        var checkpoints = 0;
        foreach (var chapter in chapters)
        {
            var errors = new List<BuildError>();
            var checkpoint = FrontMatter.Read(File.ReadAllLines(chapter), Path.GetFileName(chapter), Root, errors).Checkpoint;
            errors.Should().BeEmpty();
            if (checkpoint is null or "dotnet build Series.sln")
            {
                continue; // no checkpoint, or the introduction's "does everything build" check
            }

            var match = ChapterCheckpoint().Match(checkpoint);
            match.Success.Should().BeTrue($"{Path.GetFileName(chapter)}'s checkpoint '{checkpoint}' should be ./checkpoint PART");
            parts.Should().Contain(match.Groups[1].Value, $"{Path.GetFileName(chapter)}'s checkpoint names a part ./checkpoint knows");
            checkpoints++;
        }

        checkpoints.Should().BeGreaterThan(chapters.Count / 2, "most chapters have a checkpoint");
    }

    /// <summary>The script's map: the lines <c>part: project...</c> between <c>parts='</c> and the closing quote.</summary>
    private static List<(string Part, string[] Projects)> CheckpointMap()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "checkpoint"));
        var start = Array.IndexOf(lines, "parts='");
        start.Should().BeGreaterThanOrEqualTo(0, "the checkpoint script holds its map in parts='...'");
        var end = Array.IndexOf(lines, "'", start + 1);
        end.Should().BeGreaterThan(start);
        var map = new List<(string, string[])>();
        foreach (var line in lines[(start + 1)..end].Where(static l => l.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            colon.Should().BePositive($"'{line}' is 'part: project...'");
            var projects = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            projects.Should().NotBeEmpty($"part {line[..colon]} runs at least one project");
            foreach (var project in projects)
            {
                File.Exists(Path.Combine(Root, project)).Should().BeTrue($"./checkpoint {line[..colon]} names {project}, which must exist");
            }

            map.Add((line[..colon], projects));
        }

        return map;
    }

    private static List<string> SolutionProjects() =>
        SolutionProject().Matches(File.ReadAllText(Path.Combine(Root, "Series.sln")))
            .Select(static m => m.Groups[1].Value.Replace('\\', '/')).ToList();

    [GeneratedRegex("""^Project\("[^"]*"\) = "[^"]*", "([^"]*\.csproj)", """, RegexOptions.Multiline)]
    private static partial Regex SolutionProject();

    [GeneratedRegex("""\[Trait\("Part", "([^"]+)"\)\]""")]
    private static partial Regex PartTrait();

    [GeneratedRegex(@"^\./checkpoint ([a-z0-9]+)$")]
    private static partial Regex ChapterCheckpoint();
}
