namespace Book.Tests.Scenes;

/// <summary>Scenes for the fixture site: one of each kind, and one that fails.</summary>
public static class FixtureScenes
{
    /// <summary>The catalog of the fixture site: the book's scenes and these.</summary>
    internal static SceneCatalog Catalog { get; } = new(typeof(SceneCatalog).Assembly, typeof(FixtureScenes).Assembly);

    /// <summary>Two boxes.</summary>
    [Scene("fixture-boxes")]
    public static Figure Boxes() =>
        new SvgCanvas(120, 40).Cell(0, 0, 50, 30, "1", "box a", ("value", 1)).Cell(60, 0, 50, 30, "2", "box b", ("value", 2))
            .ToFigure("Two boxes holding 1 and 2.");

    /// <summary>Three frames counting up.</summary>
    [Scene("fixture-counter")]
    public static Player Counter() =>
        new("A counter.", [.. Enumerable.Range(1, 3).Select(static i =>
            new PlayerFrame($"count {i}", new SvgCanvas(60, 30).Cell(0, 0, 50, 30, $"{i}", "box", ("count", i)).ToSvg($"The count is {i}.")))]);

    /// <summary>Prints two lines.</summary>
    [Scene("fixture-hello")]
    public static void Hello(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("hello <world> & all");
        output.WriteLine("second line");
    }

    /// <summary>Prints a line wider than the code column.</summary>
    [Scene("fixture-wide")]
    public static void Wide(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(new string('x', CodeColumn.Characters + 1));
    }

    /// <summary>Throws, as a broken scene would.</summary>
    [Scene("fixture-throws")]
    public static Figure Throws() => throw new InvalidOperationException("the structure is empty");
}
