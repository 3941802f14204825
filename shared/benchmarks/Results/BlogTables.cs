using System.Globalization;

namespace Traces.Benchmarks;

/// <summary>
/// The tables of the blog's experiments re-run (<see cref="BlogProbe"/>), with the figures the blog post published
/// beside ours, each also as a ratio to the same run's hash-map baseline.
/// </summary>
/// <remarks>
/// The published figures are the post's (<c>frankmcsherry/blog</c>, <c>posts/2016-08-03.md</c>, part 2), for the first
/// million updates of each run; the post publishes no look-up figures (its parts 3 and 4, with the look-up profile,
/// are announced there as coming later), so the look-up table has none.
/// </remarks>
public static class BlogTables
{
    private const double NanosecondsPerSecond = 1e9;

    /// <summary>The post's rows: what it measured, and updates per second on each shape (in the probe's shape order).</summary>
    public static IReadOnlyList<(string Name, double[] UpdatesPerSecond)> Published { get; } =
    [
        ("blog: Rust HashMap", [16_517_799, 2_578_612]),
        ("blog: Rust sorted lists, consolidating merge", [22_862_046, 6_695_085]),
    ];

    /// <summary>
    /// Builds both tables, each with its chart: for the insert table, each subject's throughput on the last shape (the
    /// one with most keys); for the look-up table, random batches of 1 000 on that shape.
    /// </summary>
    /// <param name="figures">The run's figures.</param>
    /// <param name="sizes">The run's sizes.</param>
    public static IEnumerable<(ResultTable Table, ResultChart Chart)> Build(Figures figures, WorkloadSizes sizes)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(sizes);
        var shape = sizes.BlogShapes[^1];
        var insertBars = new List<ChartBar>();
        var lookupBars = new List<ChartBar>();
        foreach (string subject in BlogProbe.Subjects)
        {
            if (RateOf(figures, subject, shape) is { } rate)
            {
                insertBars.Add(new ChartBar(subject, Math.Round(rate, 3)));
            }

            if (figures.Get(WorkloadIds.Blog, subject, BlogProbe.LookupVariant(shape, KeyOrder.Random, BlogProbe.LookupBatchSizes[0])) is { } ns)
            {
                lookupBars.Add(new ChartBar(subject, Math.Round(NanosecondsPerSecond / ns, 3)));
            }
        }

        yield return (Insert(figures, sizes), new ResultChart("blog-insert", $"The blog's insert profile, {shape}", "updates/s", insertBars));
        yield return (Lookup(figures, sizes), new ResultChart(
            "blog-lookup",
            string.Create(CultureInfo.InvariantCulture, $"The blog's look-up profile, {shape}, random batches of {BlogProbe.LookupBatchSizes[0]:N0}"),
            "look-ups/s",
            lookupBars));
    }

    /// <summary>Builds the insert table: ours and the post's, with ratios to the hash map of the same run.</summary>
    /// <param name="figures">The run's figures.</param>
    /// <param name="sizes">The run's sizes.</param>
    public static ResultTable Insert(Figures figures, WorkloadSizes sizes)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(sizes);
        var shapes = sizes.BlogShapes;
        var columns = new List<string> { "Implementation" };
        foreach (var shape in shapes)
        {
            columns.Add($"{shape}, {Shape.Abbreviate(shape.Updates)} updates (updates/s)");
            columns.Add($"{shape}: ratio to the hash map");
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (string subject in BlogProbe.Subjects)
        {
            var row = new List<string> { subject };
            foreach (var shape in shapes)
            {
                double? rate = RateOf(figures, subject, shape);
                double? baseline = RateOf(figures, SubjectNames.Dictionary, shape);
                row.Add(figures.Get(WorkloadIds.Blog, subject, BlogProbe.StoppedVariant(shape)) is { } stopped
                    ? string.Create(CultureInfo.InvariantCulture, $"stopped after {stopped:N0} updates (10 min)")
                    : rate is { } r ? Formats.Rate(r) : Formats.Missing);
                row.Add(rate is { } a && baseline is { } b ? Formats.Significant(a / b) : Formats.Missing);
            }

            rows.Add(row);
        }

        foreach (var (name, published) in Published)
        {
            var row = new List<string> { name };
            for (int s = 0; s < shapes.Length; s++)
            {
                bool comparable = s < published.Length;
                row.Add(comparable ? Formats.Rate(published[s]) : Formats.Missing);
                row.Add(comparable ? Formats.Significant(published[s] / Published[0].UpdatesPerSecond[s]) : Formats.Missing);
            }

            rows.Add(row);
        }

        return new ResultTable("blog-insert", "The blog's insert profile, re-run: a counter's keys and values in batches of 1,000", columns, rows);
    }

    /// <summary>Builds the look-up table: random and sorted batches of each size on each shape, and sorted over random.</summary>
    /// <param name="figures">The run's figures.</param>
    /// <param name="sizes">The run's sizes.</param>
    public static ResultTable Lookup(Figures figures, WorkloadSizes sizes)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(sizes);
        var columns = new List<string> { "Implementation" };
        foreach (var shape in sizes.BlogShapes)
        {
            foreach (int batch in BlogProbe.LookupBatchSizes)
            {
                columns.Add($"{shape}, random {Shape.Abbreviate(batch)} (look-ups/s)");
                columns.Add($"{shape}, sorted {Shape.Abbreviate(batch)}: × random");
            }
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (string subject in BlogProbe.Subjects)
        {
            if (!figures.Has(WorkloadIds.Blog, subject))
            {
                continue;
            }

            var row = new List<string> { subject };
            foreach (var shape in sizes.BlogShapes)
            {
                foreach (int batch in BlogProbe.LookupBatchSizes)
                {
                    double? random = figures.Get(WorkloadIds.Blog, subject, BlogProbe.LookupVariant(shape, KeyOrder.Random, batch));
                    double? sorted = figures.Get(WorkloadIds.Blog, subject, BlogProbe.LookupVariant(shape, KeyOrder.Sorted, batch));
                    row.Add(random is { } r ? Formats.Rate(NanosecondsPerSecond / r) : Formats.Missing);
                    row.Add(random is { } a && sorted is { } b ? Formats.Significant(a / b) : Formats.Missing);
                }
            }

            rows.Add(row);
        }

        return new ResultTable(
            "blog-lookup",
            string.Create(CultureInfo.InvariantCulture, $"The blog's look-up profile, re-run: {BlogProbe.LookupsPerFigure:N0} present keys per figure, in batches"),
            columns,
            rows);
    }

    private static double? RateOf(Figures figures, string subject, BlogShape shape) =>
        figures.Get(WorkloadIds.Blog, subject, BlogProbe.InsertVariant(shape)) is { } ns ? NanosecondsPerSecond / ns : null;
}
