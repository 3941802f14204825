using Traces.Conformance;

namespace Traces.Conformance.Tests;

/// <summary>
/// The suite can fail: each deliberately flawed trace is caught by the seeded model-based runs, and the failure
/// names the seed and the shortest failing prefix of operations.
/// </summary>
[Trait("Part", "shared")]
public sealed class SuiteCatchesFlawsTests
{
    public static TheoryData<Flaw> Flaws => [.. Enum.GetValues<Flaw>()];

    [Theory]
    [MemberData(nameof(Flaws))]
    public void Random_runs_catch_the_flaw_and_report_seed_and_prefix(Flaw flaw)
    {
        // Partially ordered times and string keys give every flaw a chance to show.
        var failures = new List<ConformanceException>();
        for (int seed = 1; seed <= 10; seed++)
        {
            try
            {
                RandomRun.Execute(
                    () => new FlawedTrace<string, long, Product<Timestamp, Timestamp>, long>(flaw),
                    new Domain<string, long, Product<Timestamp, Timestamp>>(Domains.StringKey, Domains.Int64Val, Domains.Products(4)),
                    WorkloadShape.Default,
                    seed);
            }
            catch (ConformanceException failure)
            {
                failures.Add(failure);
            }
        }

        failures.Should().NotBeEmpty($"the flaw {flaw} must be caught by some seed");
        string message = failures[0].Message;
        message.Should().MatchRegex(@"Random run with seed \d+ failed at step \d+");
        message.Should().Contain("Shortest failing prefix");
        message.Should().MatchRegex(@"\n  1\. ");
    }

    [Fact]
    public void The_reported_prefix_ends_at_the_first_failing_operation()
    {
        // Flawed at the first cancelling batch: the prefix is exactly as long as the step that failed.
        var failure = Assert.Throws<ConformanceException>(() =>
        {
            for (int seed = 1; seed <= 10; seed++)
            {
                RandomRun.Execute(
                    () => new FlawedTrace<long, long, Timestamp, long>(Flaw.ListsCancelledKeys),
                    new Domain<long, long, Timestamp>(Domains.Int64Key, Domains.Int64Val, Domains.Timestamps(5)),
                    WorkloadShape.Default,
                    seed);
            }
        });
        var match = System.Text.RegularExpressions.Regex.Match(failure.Message, @"failed at step (\d+)");
        int steps = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        failure.Message.Should().Contain($"\n  {steps}. ").And.NotContain($"\n  {steps + 1}. ");
    }

    [Fact]
    public void The_checker_rejects_a_key_listed_twice()
    {
        var model = new ReferenceTrace<long, long, Timestamp, long>();
        var act = () => TraceChecker.MatchesModel(new DuplicatingKeysTrace(), model);
        act.Should().Throw<ConformanceException>().WithMessage("*more than once*");
    }

    private sealed class DuplicatingKeysTrace : ITrace<long, long, Timestamp, long>
    {
        public void Add(IEnumerable<Update<long, long, Timestamp, long>> updates)
        {
        }

        public IEnumerable<Update<long, long, Timestamp, long>> Get(long key) => [new(key, 0, 0, 1)];

        public IEnumerable<long> Keys() => [1, 1];

        public void AdvanceBy(Antichain<Timestamp> frontier)
        {
        }
    }
}
