using Traces.Benchmarks;

namespace Traces.Benchmarks.Tests;

[Trait("Part", "benchmarks")]
public sealed class HeadlineTests
{
    private static readonly WorkloadSizes Sizes = WorkloadSizes.Full;

    [Theory]
    [InlineData(HeadlineKind.Ratio, "part5-load/array-sort", 1.7, "ratio part5-load/array-sort 1.7 (target <= 2; met)")]
    [InlineData(HeadlineKind.BytesPerUpdate, "part5-snapshot-1Mx1", 24.0, "bytes-per-update part5-snapshot-1Mx1 24 (target <= 2; missed)")]
    [InlineData(HeadlineKind.Ratio, "x/y", 0.2549, "ratio x/y 0.25 (target <= 2; met)")]
    [InlineData(HeadlineKind.Ratio, "x/y", 12.34, "ratio x/y 12.3 (target <= 2; missed)")]
    public void Lines_name_the_kind_the_headline_its_value_its_target_and_whether_it_was_met(HeadlineKind kind, string name, double value, string line)
    {
        new Headline(kind, name, value, AtMost: true, 2).Line.Should().Be(line);
    }

    [Fact]
    public void A_lower_bound_is_printed_as_one()
    {
        new Headline(HeadlineKind.Ratio, "a/b", 8, AtMost: false, 5).Line.Should().Be("ratio a/b 8 (target >= 5; met)");
        new Headline(HeadlineKind.Ratio, "a/b", 4.5, AtMost: false, 5).Line.Should().Be("ratio a/b 4.5 (target >= 5; missed)");
    }

    [Fact]
    public void Only_the_full_run_prints_a_figure_as_comparable_with_the_targets()
    {
        var missed = new Headline(HeadlineKind.Ratio, "part5-merge/merge-floor", 2.43, AtMost: true, 2);
        var met = new Headline(HeadlineKind.BytesPerUpdate, "part5-snapshot-20Kx1", 21, AtMost: true, 28);

        missed.LineAt(WorkloadSizes.Full).Should().Be("ratio part5-merge/merge-floor 2.43 (target <= 2; missed)");
        missed.LineAt(WorkloadSizes.Quick)
            .Should().Be("ratio part5-merge/merge-floor 2.43 (target <= 2; missed; quick sizes, not comparable with the full run)");
        met.LineAt(WorkloadSizes.Quick)
            .Should().Be("bytes-per-update part5-snapshot-20Kx1 21 (target <= 28; met; quick sizes, not comparable with the full run)");
        missed.LineAt(WorkloadSizes.Tiny)
            .Should().Be("ratio part5-merge/merge-floor 2.43 (target <= 2; missed; not the full sizes, not comparable with the full run)");
        missed.LineAt(WorkloadSizes.Full with { })
            .Should().EndWith("; not the full sizes, not comparable with the full run)", "only the full sizes themselves are comparable");
        var act = () => missed.LineAt(null!);
        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Every_quick_headline_says_it_is_not_comparable_with_the_full_run()
    {
        HeadlineRatios.Compute(EveryFigure(), WorkloadSizes.Quick).Should().NotBeEmpty()
            .And.OnlyContain(static h => h.LineAt(WorkloadSizes.Quick).EndsWith("; quick sizes, not comparable with the full run)", StringComparison.Ordinal));
    }

    [Fact]
    public void Targets_are_bounds_either_way()
    {
        var atMost = new Headline(HeadlineKind.Ratio, "a/b", 1.7, AtMost: true, 2);
        var atLeast = new Headline(HeadlineKind.Ratio, "a/b", 1.7, AtMost: false, 5);

        (atMost.Target, atMost.Met).Should().Be(("<= 2", true));
        (atLeast.Target, atLeast.Met).Should().Be((">= 5", false));
        new Headline(HeadlineKind.Ratio, "a/b", 0.3, AtMost: true, 0.25).Target.Should().Be("<= 0.25");
    }

    [Fact]
    public void The_results_file_entry_carries_the_printed_value()
    {
        new Headline(HeadlineKind.BytesPerUpdate, "part5-snapshot-1Mx1", 24.04, AtMost: true, 28).ToResult()
            .Should().Be(new RatioResult("part5-snapshot-1Mx1 bytes/update", 24, "<= 28", true));
    }

    [Fact]
    public void No_headline_appears_while_the_parts_it_names_are_missing()
    {
        HeadlineRatios.Compute(ResultsFileTests.SampleFigures(), WorkloadSizes.Tiny)
            .Select(headline => headline.Name)
            .Should().Equal("part5-load/array-sort", "nested-sorteddictionary-load/part5-load", "part5-snapshot-2Kx1", "part5-snapshot-2Kx1/part1-snapshot-2Kx1");
        HeadlineRatios.Compute(new Figures(), Sizes).Should().BeEmpty();
    }

    [Fact]
    public void Every_headline_is_computed_from_the_figures_it_names()
    {
        var figures = EveryFigure();

        var lines = HeadlineRatios.Compute(figures, Sizes).Select(headline => headline.Line);

        lines.Should().Equal(
            "ratio part5-load/array-sort 1.5 (target <= 2; met)",
            "ratio nested-sorteddictionary-load/part5-load 8 (target >= 5; met)",
            "bytes-per-update part5-snapshot-1Mx1 24 (target <= 28; met)",
            "bytes-per-update part5-snapshot-1Kx1K 12 (target <= 16; met)",
            "ratio part5-snapshot-1Mx1/part1-snapshot-1Mx1 0.2 (target <= 0.25; met)",
            "ratio part5-string-slices-snapshot-1Mx1/part5-string-arrays-snapshot-1Mx1 0.6 (target <= 0.5; missed)",
            "ratio part5-merge/merge-floor 1.25 (target <= 2; met)",
            "ratio part4-lookup/dictionary-lookup 1.5 (target <= 1.43; missed)",
            "ratio part5-cursor-lookup/part1-lookup 1.25 (target <= 1; missed)",
            "ratio part3-cursor-random-100K/part3-cursor-sorted-100K 2 (target >= 1.5; met)",
            "ratio part4-cursor-random-100K/part4-cursor-sorted-100K 3 (target >= 1.5; met)",
            "ratio part5-cursor-random-100K/part5-cursor-sorted-100K 4 (target >= 2; met)",
            "ratio part5-unfueled-worst-add/part5-worst-add 40 (target >= 30; met)",
            "ratio rocksdb-scan/part5-lsm-scan 1.5 (target >= 1; met)",
            "ratio rocksdb-get/part5-lsm-get 0.4 (target >= 0.5; missed)");
    }

    [Fact]
    public void A_native_path_counts_when_it_is_faster()
    {
        var figures = EveryFigure();
        figures.Set(WorkloadIds.Lookup, "part4-native", "random", 10);
        figures.Set(WorkloadIds.Lookup, "part4-cursor", "random", 16);

        var headlines = HeadlineRatios.Compute(figures, Sizes).ToDictionary(headline => headline.Name, headline => headline.Value);

        headlines["part4-lookup/dictionary-lookup"].Should().Be(0.5);
    }

    [Fact]
    public void The_ratios_against_the_floors_are_the_side_by_side_medians_not_figures_taken_apart()
    {
        // EveryFigure's separate BenchmarkDotNet figures would give 3 and 5; the side-by-side medians count.
        var headlines = HeadlineRatios.Compute(EveryFigure(), Sizes).ToDictionary(headline => headline.Name, headline => headline.Value);

        headlines["part5-load/array-sort"].Should().Be(1.5);
        headlines["part5-merge/merge-floor"].Should().Be(1.25);
    }

    private static Figures EveryFigure()
    {
        var figures = new Figures();
        string load = WorkloadIds.InsertVariant(Sizes.Tall, 100_000);
        figures.Set(WorkloadIds.Insert, "part5", load, 30);
        figures.Set(WorkloadIds.Insert, SubjectNames.ArraySort, load, 10);
        figures.Set(WorkloadIds.SideBySide, SideBySidePairs.Load, SideBySidePairs.Ratio, 1.5);
        figures.Set(WorkloadIds.Insert, SubjectNames.NestedSortedDictionary, load, 240);
        figures.Set(WorkloadIds.Memory, "part5", "snapshot-1Mx1", 24);
        figures.Set(WorkloadIds.Memory, "part5", "snapshot-1Kx1K", 12);
        figures.Set(WorkloadIds.Memory, "part1", "snapshot-1Mx1", 120);
        figures.Set(WorkloadIds.MemoryStrings, StringMemoryProbe.Arrays, "snapshot-1Mx1", 130);
        figures.Set(WorkloadIds.MemoryStrings, StringMemoryProbe.Slices, "snapshot-1Mx1", 78);
        figures.Set(WorkloadIds.Merge, "part5-merger", "plain", 5);
        figures.Set(WorkloadIds.Merge, SubjectNames.MergeFloor, "plain", 1);
        figures.Set(WorkloadIds.SideBySide, SideBySidePairs.Merge, SideBySidePairs.Ratio, 1.25);
        figures.Set(WorkloadIds.Lookup, "part4", "random", 30);
        figures.Set(WorkloadIds.Lookup, "part4", "sorted", 10);
        figures.Set(WorkloadIds.Lookup, SubjectNames.Dictionary, "random", 20);
        figures.Set(WorkloadIds.Lookup, "part3", "random", 40);
        figures.Set(WorkloadIds.Lookup, "part3", "sorted", 20);
        figures.Set(WorkloadIds.Lookup, "part1", "random", 20);
        figures.Set(WorkloadIds.Lookup, "part5-cursor", "random", 25);
        foreach (var (part, random, sorted) in new[] { ("part3", 30.0, 15.0), ("part4", 30.0, 10.0), ("part5", 40.0, 10.0) })
        {
            figures.Set(WorkloadIds.FingerLookup, part + "-cursor", WorkloadIds.FingerVariant(KeyOrder.Random, 100_000), random);
            figures.Set(WorkloadIds.FingerLookup, part + "-cursor", WorkloadIds.FingerVariant(KeyOrder.Sorted, 100_000), sorted);
        }
        figures.Set(WorkloadIds.Latency, "part5", "worst", 90_000_000);
        figures.Set(WorkloadIds.Latency, "part5-unfueled", "worst", 90_000_000);
        figures.Set(WorkloadIds.Latency, "part5", "worst-own", 50_000);
        figures.Set(WorkloadIds.Latency, "part5-unfueled", "worst-own", 2_000_000);
        figures.Set(WorkloadIds.Store, "part5-lsm", "scan", 200);
        figures.Set(WorkloadIds.Store, "rocksdb", "scan", 300);
        figures.Set(WorkloadIds.Store, "zonetree", "scan", 100);
        figures.Set(WorkloadIds.Store, "part5-lsm", "get", 2_000);
        figures.Set(WorkloadIds.Store, "rocksdb", "get", 800);
        return figures;
    }
}
