using System.Globalization;

namespace Traces.Benchmarks;

/// <summary>Lays a run's figures out as the tables, charts and ratios of the results file.</summary>
public static class ResultsBuilder
{
    private const double NanosecondsPerSecond = 1e9;

    /// <summary>A column of a table: its heading and how to get one subject's number (or none).</summary>
    private sealed record Column(string Heading, Func<string, double?> Value, Func<double, string> Format);

    /// <summary>Builds the results of a run.</summary>
    /// <param name="figures">The run's figures.</param>
    /// <param name="sizes">The sizes the run used.</param>
    /// <param name="rowOrder">The order of the rows: subjects not listed follow in measured order.</param>
    /// <param name="machine">The machine's description.</param>
    /// <param name="runtime">The runtime's description.</param>
    /// <param name="date">The run's date.</param>
    /// <param name="mode"><c>full</c> or <c>quick</c>.</param>
    public static BenchmarkResults Build(
        Figures figures, WorkloadSizes sizes, IReadOnlyList<string> rowOrder, string machine, string runtime, DateOnly date, string mode)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(rowOrder);
        var subjects = rowOrder.Concat(figures.Subjects).Distinct().ToList();
        var tables = new List<ResultTable>();
        var charts = new List<ResultChart>();

        void Add(string id, string title, string workload, Column[] columns, int chartColumn, string chartUnit, Func<double, double> chartValue)
        {
            var rows = subjects.Where(subject => figures.Has(workload, subject)).ToList();
            tables.Add(new ResultTable(
                id,
                title,
                ["Implementation", .. columns.Select(column => column.Heading)],
                rows.Select(subject => (IReadOnlyList<string>)
                    [subject, .. columns.Select(column => column.Value(subject) is { } value ? column.Format(value) : Formats.Missing)]).ToList()));
            var bars = new List<ChartBar>();
            foreach (string subject in rows)
            {
                if (columns[chartColumn].Value(subject) is { } value)
                {
                    bars.Add(new ChartBar(subject, Math.Round(chartValue(value), 3)));
                }
            }

            charts.Add(new ResultChart(id, $"{title}: {columns[chartColumn].Heading}", chartUnit, bars));
        }

        Column Rate(string heading, string workload, string variant) =>
            new(heading, subject => figures.Get(workload, subject, variant) is { } ns ? NanosecondsPerSecond / ns : null, Formats.Rate);

        Column Bytes(string heading, string variant) =>
            new(heading, subject => figures.Get(WorkloadIds.Memory, subject, variant), Formats.Significant);

        Column Micros(string heading, string variant) =>
            new(heading, subject => figures.Get(WorkloadIds.Latency, subject, variant) / 1_000, Formats.Significant);

        Column Millis(string heading, string variant) =>
            new(heading, subject => figures.Get(WorkloadIds.SideBySide, subject, variant) / 1_000_000, Formats.Significant);

        Column[] InsertColumns(string workload, Shape shape, int[] batchSizes, bool withMemory) =>
        [
            .. batchSizes.Select(batch =>
                Rate($"batches of {Shape.Abbreviate(batch)} (updates/s)", workload, WorkloadIds.InsertVariant(shape, batch))),
            .. withMemory ? [Bytes("bytes/update", WorkloadIds.SnapshotVariant(shape))] : Array.Empty<Column>(),
        ];

        int largest = sizes.BatchSizes.Length - 1;
        Add("insert-tall", $"Insert, {Describe(sizes.Tall)}", WorkloadIds.Insert, InsertColumns(WorkloadIds.Insert, sizes.Tall, sizes.BatchSizes, true), largest, "updates/s", v => v);
        Add("insert-square", $"Insert, {Describe(sizes.Square)}", WorkloadIds.Insert, InsertColumns(WorkloadIds.Insert, sizes.Square, sizes.BatchSizes, true), largest, "updates/s", v => v);
        Add(
            "insert-string",
            $"Insert with string keys, {Describe(sizes.StringKeys)}",
            WorkloadIds.InsertString,
            InsertColumns(WorkloadIds.InsertString, sizes.StringKeys, sizes.InsertBatchSizes<string>(), false),
            0,
            "updates/s",
            v => v);
        Add(
            "lookup",
            string.Create(CultureInfo.InvariantCulture, $"Look-ups in batches of {WorkloadSizes.LookupBatchSize:N0} keys, after loading {Describe(sizes.Tall)}"),
            WorkloadIds.Lookup,
            [
                Rate("random batches (look-ups/s)", WorkloadIds.Lookup, WorkloadIds.LookupVariant(KeyOrder.Random)),
                Rate("sorted batches (look-ups/s)", WorkloadIds.Lookup, WorkloadIds.LookupVariant(KeyOrder.Sorted)),
            ],
            0,
            "look-ups/s",
            v => v);
        Add(
            "finger-lookup",
            string.Create(CultureInfo.InvariantCulture, $"Look-ups of {sizes.FingerBatchSizes.Max():N0} keys in batches of growing size, after loading {Describe(sizes.Tall)}"),
            WorkloadIds.FingerLookup,
            [
                .. sizes.FingerBatchSizes.SelectMany(batch => new[]
                {
                    Rate($"random {Shape.Abbreviate(batch)} (look-ups/s)", WorkloadIds.FingerLookup, WorkloadIds.FingerVariant(KeyOrder.Random, batch)),
                    Rate($"sorted {Shape.Abbreviate(batch)} (look-ups/s)", WorkloadIds.FingerLookup, WorkloadIds.FingerVariant(KeyOrder.Sorted, batch)),
                }),
            ],
            sizes.FingerBatchSizes.Length * 2 - 1,
            "look-ups/s",
            v => v);
        Add(
            "merge",
            $"Merging two batches of {sizes.MergeKeys.ToString("N0", CultureInfo.InvariantCulture)} updates",
            WorkloadIds.Merge,
            [
                Rate("plain (updates/s)", WorkloadIds.Merge, WorkloadIds.MergeVariant(false)),
                Rate("compacting (updates/s)", WorkloadIds.Merge, WorkloadIds.MergeVariant(true)),
            ],
            0,
            "updates/s",
            v => v);
        Add(
            "memory",
            "Bytes retained per update",
            WorkloadIds.Memory,
            [
                Bytes($"snapshot {sizes.Tall}", WorkloadIds.SnapshotVariant(sizes.Tall)),
                Bytes($"snapshot {sizes.Square}", WorkloadIds.SnapshotVariant(sizes.Square)),
                Bytes($"history {sizes.History}", WorkloadIds.HistoryVariant(sizes.History)),
            ],
            0,
            "bytes/update",
            v => v);
        Add(
            "memory-strings",
            $"Bytes retained per update with string keys and string values, {Describe(sizes.StringKeys)}",
            WorkloadIds.MemoryStrings,
            [
                new(
                    $"snapshot {sizes.StringKeys}",
                    subject => figures.Get(WorkloadIds.MemoryStrings, subject, WorkloadIds.SnapshotVariant(sizes.StringKeys)),
                    Formats.Significant),
            ],
            0,
            "bytes/update",
            v => v);
        Add(
            "latency",
            $"Single-update Add, over {sizes.LatencyUpdates.ToString("N0", CultureInfo.InvariantCulture)} updates, least of {sizes.LatencyRuns.ToString(CultureInfo.InvariantCulture)} runs",
            WorkloadIds.Latency,
            [Micros("slowest Add (µs)", "worst"), Micros("slowest Add, collector pauses taken out (µs)", "worst-own"), Micros("mean Add (µs)", "mean")],
            // The chart shows the figure the latency target is judged on: the slowest Add with collector pauses taken out.
            1,
            "µs",
            v => v);
        Add(
            "side-by-side",
            $"Side by side with the floors, medians of {sizes.SideBySideRounds.ToString(CultureInfo.InvariantCulture)} alternating rounds",
            WorkloadIds.SideBySide,
            [
                Millis("measured (ms)", SideBySidePairs.Measured),
                Millis("floor (ms)", SideBySidePairs.Floor),
                new("median ratio", subject => figures.Get(WorkloadIds.SideBySide, subject, SideBySidePairs.Ratio), Formats.Significant),
            ],
            2,
            "ratio",
            v => v);
        Add(
            "scan",
            $"Range scans of {AddOnData.ScanLength} consecutive keys, over {sizes.ScanEntries.ToString("N0", CultureInfo.InvariantCulture)} string entries",
            WorkloadIds.Scan,
            [Rate("entries scanned/s", WorkloadIds.Scan, "range")],
            0,
            "entries/s",
            v => v);
        Add(
            "lsm-peers",
            $"Key-value stores side by side: {sizes.ScanEntries.ToString("N0", CultureInfo.InvariantCulture)} string keys put, "
            + $"{StoreData.Gets.ToString("N0", CultureInfo.InvariantCulture)} point gets, {AddOnData.ScanRanges} range scans of "
            + $"{AddOnData.ScanLength} keys, the same through a snapshot",
            WorkloadIds.Store,
            [
                Rate("puts/s", WorkloadIds.Store, WorkloadIds.StoreVariant(StoreOperation.Put)),
                Rate("gets/s", WorkloadIds.Store, WorkloadIds.StoreVariant(StoreOperation.Get)),
                Rate("entries scanned/s", WorkloadIds.Store, WorkloadIds.StoreVariant(StoreOperation.Scan)),
                Rate("through a snapshot (entries/s)", WorkloadIds.Store, WorkloadIds.StoreVariant(StoreOperation.SnapshotScan)),
            ],
            2,
            "entries/s",
            v => v);
        Add(
            "junctions",
            $"A relation of {sizes.RelationLefts.ToString("N0", CultureInfo.InvariantCulture)} × {AddOnData.Fanout} pairs",
            WorkloadIds.Junction,
            [
                Rate("inserts/s", WorkloadIds.Junction, "insert"),
                Rate("look-ups/s", WorkloadIds.Junction, "lookup"),
                Rate("pairs iterated/s", WorkloadIds.Junction, "iterate"),
            ],
            0,
            "inserts/s",
            v => v);

        if (figures.Subjects.Any(subject => figures.Has(WorkloadIds.Blog, subject)))
        {
            foreach (var (table, chart) in BlogTables.Build(figures, sizes))
            {
                tables.Add(table);
                charts.Add(chart);
            }
        }

        return new BenchmarkResults(
            machine,
            runtime,
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            mode,
            tables,
            charts,
            HeadlineRatios.Compute(figures, sizes).Select(headline => headline.ToResult()).ToList());
    }

    private static string Describe(Shape shape) =>
        string.Create(CultureInfo.InvariantCulture, $"{shape.Keys:N0} keys × {shape.Vals:N0} {(shape.Vals == 1 ? "value" : "values")}");
}
