using Traces.Benchmarks;

namespace Traces.Benchmarks.Tests;

/// <summary>The add-on workloads run once, at a tiny size, on every registered subject and on the baselines.</summary>
[Trait("Part", "benchmarks")]
public sealed class AddOnWorkloadTests
{
    private static readonly WorkloadSizes Sizes = WorkloadSizes.Tiny;

    public static TheoryData<string> ScanSubjects => new(SubjectCatalog.Default.ScanNames());

    public static TheoryData<string> RelationSubjects => new(SubjectCatalog.Default.RelationNames());

    [Theory]
    [MemberData(nameof(ScanSubjects))]
    public void Scans_visit_every_entry_of_each_range(string subject)
    {
        var benchmark = new ScanBenchmarks { Subject = subject, Entries = Sizes.ScanEntries };
        benchmark.Setup();

        benchmark.Scan().Should().Be(ScanBenchmarks.EntriesPerOperation);
    }

    [Theory]
    [MemberData(nameof(RelationSubjects))]
    public void Relations_hold_and_find_every_pair(string subject)
    {
        foreach (var operation in Enum.GetValues<RelationOperation>())
        {
            var benchmark = new JunctionBenchmarks { Subject = subject, Operation = operation, Lefts = Sizes.RelationLefts };
            benchmark.Setup();

            benchmark.Run().Should().Be(benchmark.ExpectedResult, $"{subject} runs {operation}");
        }
    }

    [Fact]
    public void Junction_walks_under_writes_visit_every_pair_both_ways_and_leave_the_relation_as_it_was()
    {
        JunctionWalkBenchmarks.Subjects.Should().HaveCount(2, "both backings of the junction take part");
        foreach (string subject in JunctionWalkBenchmarks.Subjects)
        {
            foreach (var direction in Enum.GetValues<WalkDirection>())
            {
                var benchmark = new JunctionWalkBenchmarks { Subject = subject, Direction = direction, Lefts = Sizes.WalkLefts };
                benchmark.Setup();

                benchmark.Run().Should().Be(benchmark.ExpectedResult, $"{subject} walks {direction}");
                benchmark.Run().Should().Be(benchmark.ExpectedResult, $"{subject} walks {direction} again");
            }
        }
    }

    [Fact]
    public void Scan_baselines_agree_on_bounds_between_keys_and_outside_the_data()
    {
        var entries = AddOnData.Entries(50);
        var view = RangeScanBaselines.SortedSetViewScan(entries);
        var search = RangeScanBaselines.SortedArraySearch(entries);
        (string Lower, string Upper)[] ranges =
        [
            (AddOnData.ScanKey(3), AddOnData.ScanKey(7)),
            (AddOnData.ScanKey(3) + "!", AddOnData.ScanKey(7)),
            ("", AddOnData.ScanKey(0)),
            ("z", "zz"),
            (AddOnData.ScanKey(9), AddOnData.ScanKey(2)),
        ];

        ranges.Select(range => view(range.Lower, range.Upper)).Should().Equal(5, 4, 1, 0, 0);
        ranges.Select(range => search(range.Lower, range.Upper)).Should().Equal(5, 4, 1, 0, 0);
    }

    [Fact]
    public void Every_left_and_every_right_meets_fanout_partners_exactly_once()
    {
        var pairs = AddOnData.Pairs(200);

        pairs.Should().OnlyHaveUniqueItems().And.HaveCount(200 * AddOnData.Fanout);
        pairs.GroupBy(pair => pair.Left).Should().OnlyContain(group => group.Count() == AddOnData.Fanout);
        pairs.GroupBy(pair => pair.Right).Should().OnlyContain(group => group.Count() == AddOnData.Fanout);
        var multipleOf31 = () => AddOnData.Pairs(310);
        multipleOf31.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Add_on_subjects_register_in_one_line_each_and_refuse_baseline_names()
    {
        var registry = new TraceRegistry()
            .AddScan("lsm", RangeScanBaselines.SortedArraySearch)
            .AddRelation("junction", () => new HandKeptRelation());
        var catalog = new SubjectCatalog(registry);

        catalog.ScanNames().Should().Equal(["lsm", .. RangeScanBaselines.Names]);
        catalog.RelationNames().Should().Equal("junction", HandKeptRelation.Name);
        catalog.CreateScan("lsm", AddOnData.Entries(10))(AddOnData.ScanKey(0), AddOnData.ScanKey(9)).Should().Be(10);
        registry.Invoking(r => r.AddScan(RangeScanBaselines.SortedArray, RangeScanBaselines.SortedArraySearch)).Should().Throw<ArgumentException>();
        registry.Invoking(r => r.AddRelation(HandKeptRelation.Name, () => new HandKeptRelation())).Should().Throw<ArgumentException>();
        catalog.Invoking(c => c.CreateRelation("missing")).Should().Throw<ArgumentException>();
        catalog.Invoking(c => c.CreateScan("missing", [])).Should().Throw<ArgumentException>();
    }
}
