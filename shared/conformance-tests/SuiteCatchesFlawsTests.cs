using Traces.Conformance;

namespace Traces.Conformance.Tests;

/// <summary>
/// The suite can fail: each deliberately flawed trace is caught by the seeded model-based runs (not only by a
/// hand-written case), and the failure is shrunk and printed as a test.
/// </summary>
[Trait("Part", "shared")]
public sealed class SuiteCatchesFlawsTests
{
    public static TheoryData<Flaw> Flaws => [.. Enum.GetValues<Flaw>()];

    [Theory]
    [MemberData(nameof(Flaws))]
    public void Random_runs_catch_the_flaw_and_print_the_shrunk_run_as_a_test(Flaw flaw)
    {
        var failure = Assert.Throws<ConformanceException>(() => CatchingFamily(flaw));

        string message = failure.Message;
        message.Should().MatchRegex(@"^Model run ""flaws: [^""]+"" failed on sequence \d+ of \d+ \(seed \S+, \d+ choices\):\n  Step \d+: ");
        message.Should().MatchRegex(@"\nShrunk to \d+ choices, \[[\d, ]*\] \(\d+ simplifications in \d+ tries\), which fail with:\n  Step \d+: ");
        message.Should().Contain("\nAs a test:\n[Fact]\npublic void Shrunk_run()\n{\n    var twin = new TwinTraces<");
    }

    [Fact]
    public void The_ordinary_families_miss_the_flaws_that_need_thousands_of_keys_large_batches_or_colliding_hashes()
    {
        // Why the wide and colliding families exist: the ordinary runs never reach these flaws.
        foreach (var flaw in new[] { Flaw.ListsAtMost2048Keys, Flaw.LosesTheTailOfLargeBatches, Flaw.TakesEqualHashesForEqualKeys })
        {
            RandomRun.Check(
                $"flaws: {flaw}, ordinary shape",
                () => new FlawedTrace<long, long, Product<Timestamp, Timestamp>, long>(flaw),
                new Domain<long, long, Product<Timestamp, Timestamp>>(Domains.Int64Key, Domains.Int64Val, Domains.Products(4)),
                WorkloadShape.Default,
                100);
        }
    }

    [Fact]
    public void A_shrunk_failure_replays_from_the_choices_it_prints()
    {
        var failure = Assert.Throws<ConformanceException>(() => CatchingFamily(Flaw.IgnoresTime));
        var match = System.Text.RegularExpressions.Regex.Match(failure.Message, @"Shrunk to \d+ choices, \[([\d, ]*)\]");
        int[] draws = match.Groups[1].Value.Length == 0
            ? []
            : [.. match.Groups[1].Value.Split(", ").Select(static d => int.Parse(d, System.Globalization.CultureInfo.InvariantCulture))];

        var replayed = Assert.Throws<ConformanceException>(() => ModelRun.Replay(
            (choices, log) => RandomRun.Execute(
                () => new FlawedTrace<string, long, Product<Timestamp, Timestamp>, long>(Flaw.IgnoresTime), StringProducts, WorkloadShape.Default, choices, log),
            draws));
        replayed.Message.Should().StartWith("The replayed run fails: Step ").And.Contain("var twin = new TwinTraces<string, long, Product<Timestamp, Timestamp>>(");
    }

    [Fact]
    public void Every_family_draws_its_own_sequences_and_the_same_family_the_same_ones()
    {
        List<int[]> Draws(string family)
        {
            var seen = new List<int[]>();
            ModelRun.Check(family, (choices, _) =>
            {
                var draws = new List<int>();
                while (!choices.Exhausted)
                {
                    draws.Add(choices.Next(Choices.Range));
                }

                seen.Add([.. draws]);
            }, 5, 50);
            return seen;
        }

        var first = Draws("seeds: one family");
        Draws("seeds: one family").Should().BeEquivalentTo(first, o => o.WithStrictOrdering());
        var other = Draws("seeds: another family");
        for (int i = 0; i < first.Count; i++)
        {
            other[i].Should().NotEqual(first[i], "sequence {0} of two families must differ", i);
        }
    }

    [Fact]
    public void The_soak_setting_must_be_a_positive_integer()
    {
        ModelRun.SequencesFor(7, null).Should().Be(7);
        ModelRun.SequencesFor(7, "100000").Should().Be(100_000);
        foreach (string bad in new[] { "0", "-3", "ten", "1e5", " 5" })
        {
            var act = () => ModelRun.SequencesFor(7, bad);
            act.Should().Throw<InvalidOperationException>().WithMessage($"TRACES_SEQUENCES must be a positive integer, not \"{bad}\".");
            var cap = () => ModelRun.SequencesFor(7, bad, ModelRun.CapVariable);
            cap.Should().Throw<InvalidOperationException>().WithMessage($"TRACES_SEQUENCES_CAP must be a positive integer, not \"{bad}\".");
        }
    }

    [Fact]
    public void Choices_map_numbers_to_values_in_proportion_and_read_zero_once_exhausted()
    {
        var choices = new Choices([0, Choices.Range - 1, Choices.Range / 2]);
        choices.Next(10).Should().Be(0);
        choices.Next(10).Should().Be(9);
        choices.Next(3, 5).Should().Be(4);
        choices.Exhausted.Should().BeTrue();
        choices.Next(10).Should().Be(0);
        choices.Chance(0.9).Should().BeFalse("an exhausted run says no");

        var outOfRange = () => new Choices([Choices.Range]);
        outOfRange.Should().Throw<ArgumentOutOfRangeException>();
        var negative = () => new Choices([-1]);
        negative.Should().Throw<ArgumentOutOfRangeException>();
        var badBound = () => new Choices([]).Next(0);
        badBound.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static Domain<string, long, Product<Timestamp, Timestamp>> StringProducts { get; } =
        new(Domains.StringKey, Domains.Int64Val, Domains.Products(4));

    /// <summary>Runs the family that reaches <paramref name="flaw"/>: ordinary runs for most, the wide or colliding family for the rest.</summary>
    private static void CatchingFamily(Flaw flaw)
    {
        switch (flaw)
        {
            case Flaw.ListsAtMost2048Keys or Flaw.LosesTheTailOfLargeBatches:
                RandomRun.Check(
                    $"flaws: {flaw}",
                    () => new FlawedTrace<long, long, Product<Timestamp, Timestamp>, long>(flaw),
                    new Domain<long, long, Product<Timestamp, Timestamp>>(Domains.Int64Key, Domains.Int64Val, Domains.Products(6)),
                    WorkloadShape.Wide,
                    TraceConformance.WideSequences);
                break;
            case Flaw.TakesEqualHashesForEqualKeys:
                RandomRun.Check(
                    $"flaws: {flaw}",
                    () => new FlawedTrace<CollidingKey, long, Product<Timestamp, Timestamp>, long>(flaw),
                    new Domain<CollidingKey, long, Product<Timestamp, Timestamp>>(Domains.CollidingKey, Domains.Int64Val, Domains.Products(4)),
                    WorkloadShape.Default,
                    TraceConformance.OtherSequences);
                break;
            default:
                RandomRun.Check(
                    $"flaws: {flaw}",
                    () => new FlawedTrace<string, long, Product<Timestamp, Timestamp>, long>(flaw),
                    StringProducts,
                    WorkloadShape.Default,
                    TraceConformance.OtherSequences);
                break;
        }
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
