using Traces.Conformance;

namespace Traces.Conformance.Tests;

/// <summary>
/// A failure names the method at fault on its first line and shows the model's answer and the trace's side by
/// side, in one compact notation for updates.
/// </summary>
[Trait("Part", "shared")]
public sealed class FailureMessageTests
{
    [Fact]
    public void A_get_that_drops_retractions_is_blamed_not_the_keys_that_list_its_key()
    {
        // Key 2 has only a retraction: the buggy Get yields nothing for it while a correct Keys() lists it.
        var (trace, model) = Load(new RetractionDroppingTrace(), new(2, 0, 1, -1), new(3, 5, 1, 1));

        var failure = Assert.Throws<ConformanceException>(() => TraceChecker.MatchesModel(trace, model));

        string[] lines = failure.Message.Split('\n');
        lines[0].Should().StartWith("Get(2) disagrees with the model").And.NotContain("Keys()");
        lines.Should().HaveCount(3);
        lines[1].Should().Be("  model: (k=2, v=0, t=1, -1)");
        lines[2].Should().Be("  trace: nothing");
    }

    [Fact]
    public void The_side_by_side_lines_show_the_lost_retraction_beside_what_the_trace_kept()
    {
        var (trace, model) = Load(new RetractionDroppingTrace(), new(1, 7, 3, 2), new(1, 9, 3, -1));

        var failure = Assert.Throws<ConformanceException>(() => TraceChecker.MatchesModel(trace, model));

        failure.Message.Should().StartWith("Get(1) disagrees with the model").And.EndWith(
            "\n  model: (k=1, v=7, t=3, +2), (k=1, v=9, t=3, -1)" +
            "\n  trace: (k=1, v=7, t=3, +2)");
    }

    [Fact]
    public void A_random_run_against_a_get_that_drops_retractions_shrinks_to_a_test_of_at_most_three_updates()
    {
        var failure = Assert.Throws<ConformanceException>(() => RandomRun.Check(
            "failure message: a get that drops retractions",
            () => new RetractionDroppingTrace(),
            new Domain<long, long, Timestamp>(Domains.Int64Key, Domains.Int64Val, Domains.Timestamps(8)),
            WorkloadShape.Default,
            100));

        string[] lines = failure.Message.Split('\n');
        lines[0].Should().MatchRegex(@"^Model run ""failure message: a get that drops retractions"" failed on sequence \d+ of 100 \(seed \S+, \d+ choices\):$");
        lines[1].Should().MatchRegex(@"^  Step \d+: Get\(-?\d+\) disagrees with the model").And.NotContain("Keys()");
        failure.Message.Should().Contain("\nShrunk to ").And.Contain("which fail with:\n  Step 1: Get(");
        failure.Message.Should().Contain("\nAs a test:\n[Fact]\npublic void Shrunk_run()\n{\n");

        // The shrunk run is one Add of at most three updates, then the check that fails.
        string test = failure.Message[failure.Message.IndexOf("As a test:", StringComparison.Ordinal)..];
        var adds = test.Split('\n').Where(static l => l.Contains("twin.Add(batch)", StringComparison.Ordinal)).ToList();
        adds.Should().ContainSingle();
        System.Text.RegularExpressions.Regex.Count(adds[0], @"new\(").Should().BeInRange(1, 3);
        test.Should().Contain("    var twin = new TwinTraces<long, long, Timestamp>(new RetractionDroppingTrace());")
            .And.EndWith("    Verify();\n}");
        failure.InnerException.Should().BeOfType<ConformanceException>();
    }

    [Fact]
    public void Keys_that_list_a_cancelled_key_are_blamed_once_get_agrees_with_the_model()
    {
        var (trace, model) = Load(new FlawedTrace<long, long, Timestamp, long>(Flaw.ListsCancelledKeys), new(4, 0, 1, 1), new(4, 0, 1, -1));

        var act = () => TraceChecker.MatchesModel(trace, model);

        act.Should().Throw<ConformanceException>()
            .WithMessage("Keys() lists 4, but Get(4) consolidates to nothing (and Get agrees with the model).");
    }

    [Fact]
    public void A_compacted_get_that_disagrees_is_blamed_with_the_count_and_both_answers()
    {
        var (trace, model) = Load(new RetractionDroppingTrace(), new(1, 7, 2, 1), new(1, 7, 4, -1));
        trace.AdvanceBy([3]);
        model.AdvanceBy([3]);

        var failure = Assert.Throws<ConformanceException>(() => TraceChecker.MatchesModel(trace, model));

        string[] lines = failure.Message.Split('\n');
        lines[0].Should().Be("Get(1) disagrees with the model after compaction to {3}: value 7 counts 1 at time 4 but should count 0.");
        lines[1].Should().Be("  model: (k=1, v=7, t=2, +1), (k=1, v=7, t=4, -1)");
        lines[2].Should().Be("  trace: (k=1, v=7, t=3, +1)");
    }

    [Fact]
    public void Updates_print_compactly_with_signed_diffs_and_product_times()
    {
        UpdateText.Of(new Update<long, long, Product<Timestamp, Timestamp>, long>(1, 7, new(4, 1), 2))
            .Should().Be("(k=1, v=7, t=(4, 1), +2)");
        UpdateText.Of(new Update<string, long, Timestamp, int>("a", -3, 0, -1)).Should().Be("(k=a, v=-3, t=0, -1)");
        UpdateText.List(Array.Empty<Update<long, long, Timestamp, long>>()).Should().Be("nothing");
        TraceChecker.Describe(new Update<long, long, Timestamp, long>[] { new(1, 2, 3, 0), new(2, 2, 3, -4) })
            .Should().Be("[(k=1, v=2, t=3, 0), (k=2, v=2, t=3, -4)]");
    }

    [Fact]
    public void A_hand_written_case_shows_what_it_expected_beside_what_the_trace_gave()
    {
        var suite = new IgnoresTimeSuite();

        var failure = Assert.Throws<ConformanceException>(suite.Negative_counts_are_kept);

        failure.Message.Should().Be(
            "Get(1), consolidated, is not what the case expects." +
            "\n  expected: (k=1, v=0, t=3, -3), (k=1, v=0, t=5, +1)" +
            "\n  trace:    (k=1, v=0, t=0, -2)");
    }

    private static (ITrace<long, long, Timestamp, long> Trace, ReferenceTrace<long, long, Timestamp, long> Model) Load(
        ITrace<long, long, Timestamp, long> trace,
        params Update<long, long, Timestamp, long>[] updates)
    {
        var model = new ReferenceTrace<long, long, Timestamp, long>();
        trace.Add(updates);
        model.Add(updates);
        return (trace, model);
    }

    /// <summary>The suite against a trace that ignores times; private, so xUnit does not run its cases on their own.</summary>
    private sealed class IgnoresTimeSuite : TraceConformance
    {
        protected override ITrace<TKey, TVal, TTime, TDiff> CreateTrace<TKey, TVal, TTime, TDiff>() =>
            new FlawedTrace<TKey, TVal, TTime, TDiff>(Flaw.IgnoresTime);
    }

    /// <summary>A correct trace (the model, compacting its times) whose Get forgets every negative diff.</summary>
    private sealed class RetractionDroppingTrace : ITrace<long, long, Timestamp, long>
    {
        private readonly List<Update<long, long, Timestamp, long>> _updates = [];

        public void Add(IEnumerable<Update<long, long, Timestamp, long>> updates) => _updates.AddRange(TraceArguments.ToCheckedArray(updates));

        public IEnumerable<Update<long, long, Timestamp, long>> Get(long key)
        {
            var mine = _updates.FindAll(u => u.Key == key);
            Consolidation.Consolidate(mine);
            return mine.Where(static u => u.Diff > 0); // the bug
        }

        public IEnumerable<long> Keys()
        {
            var all = new List<Update<long, long, Timestamp, long>>(_updates);
            Consolidation.Consolidate(all);
            return all.Select(static u => u.Key).Distinct();
        }

        public void AdvanceBy(Antichain<Timestamp> frontier)
        {
            TraceArguments.CheckFrontierAdvance(Antichain<Timestamp>.AtMinimum(), frontier);
            for (int i = 0; i < _updates.Count; i++)
            {
                _updates[i] = _updates[i] with { Time = _updates[i].Time.AdvanceBy(frontier) };
            }
        }
    }
}
