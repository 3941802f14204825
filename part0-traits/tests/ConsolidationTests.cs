namespace Traces.Tests;

/// <summary>Consolidation and the shared argument checks.</summary>
[Trait("Part", "0")]
public sealed class ConsolidationTests
{
    [Fact]
    public void Consolidate_sorts_sums_and_drops_zeros()
    {
        List<Update<string, long, Timestamp, long>> updates =
        [
            new("b", 1, 2, 1), new("a", 2, 1, 3), new("b", 1, 2, -1), new("a", 2, 1, -1), new("a", 1, 5, 0), new("a", 1, 4, 2),
        ];
        Consolidation.Consolidate(updates);
        updates.Should().Equal(new Update<string, long, Timestamp, long>("a", 1, 4, 2), new("a", 2, 1, 2));
    }

    [Fact]
    public void Consolidate_matches_summing_in_a_dictionary_on_random_input()
    {
        var rng = new Random(RandomTimes.Seed);
        for (int trial = 0; trial < 200; trial++)
        {
            var updates = new List<Update<long, long, Timestamp, long>>();
            var sums = new Dictionary<(long, long, Timestamp), long>();
            for (int i = 0; i < rng.Next(60); i++)
            {
                var u = new Update<long, long, Timestamp, long>(rng.Next(4), rng.Next(3), RandomTimes.Timestamp(rng), rng.Next(-2, 3));
                updates.Add(u);
                sums[(u.Key, u.Val, u.Time)] = sums.GetValueOrDefault((u.Key, u.Val, u.Time)) + u.Diff;
            }

            Consolidation.Consolidate(updates);
            var expected = sums.Where(p => p.Value != 0).OrderBy(p => p.Key).Select(p => new Update<long, long, Timestamp, long>(p.Key.Item1, p.Key.Item2, p.Key.Item3, p.Value));
            updates.Should().Equal(expected, $"seed {RandomTimes.Seed}, trial {trial}");
        }
    }

    [Fact]
    public void MergeSorted_sums_equal_updates_drops_zeros_and_keeps_the_rest_in_order()
    {
        Update<string, long, Timestamp, long>[] left = [new("a", 1, 1, 1), new("b", 1, 1, 2), new("c", 1, 1, 1)];
        Update<string, long, Timestamp, long>[] right = [new("a", 1, 1, -1), new("b", 1, 1, 1), new("b", 2, 1, 1), new("d", 1, 1, 1)];
        var destination = new Update<string, long, Timestamp, long>[left.Length + right.Length];

        int written = Consolidation.MergeSorted<string, long, Timestamp, long>(left, right, destination);

        destination[..written].Should().Equal(
            new Update<string, long, Timestamp, long>("b", 1, 1, 3), new("b", 2, 1, 1), new("c", 1, 1, 1), new("d", 1, 1, 1));
    }

    [Fact]
    public void MergeSorted_refuses_a_destination_too_short_for_both_runs_and_writes_nothing()
    {
        Update<long, long, Timestamp, long>[] left = [new(1, 1, 1, 1)];
        Update<long, long, Timestamp, long>[] right = [new(2, 1, 1, 1)];
        var destination = new Update<long, long, Timestamp, long>[1];

        var merge = () => Consolidation.MergeSorted<long, long, Timestamp, long>(left, right, destination);

        merge.Should().Throw<ArgumentException>().WithParameterName("destination");
        destination[0].Should().Be(default(Update<long, long, Timestamp, long>));
    }

    [Fact]
    public void ConsolidateTimes_sorts_by_time_and_drops_zeros()
    {
        List<(Timestamp Time, long Diff)> history = [(3, 1), (1, 2), (3, -1), (2, 0), (1, 1)];
        Consolidation.ConsolidateTimes(history);
        history.Should().Equal(((Timestamp)1, 3L));
        Consolidation.IsZero(0L).Should().BeTrue();
    }

    [Fact]
    public void Consolidating_in_place_allocates_nothing()
    {
        // Span.Sort with a struct comparer boxed it and made a delegate on every call: 88 bytes per history.
        (Timestamp Time, long Diff)[] history = [(3, 1), (1, 2), (3, -1), (2, 4)];
        Update<long, long, Timestamp, long>[] updates = [new(2, 0, 1, 1), new(1, 0, 1, 1), new(2, 0, 1, 1)];
        Consolidation.ConsolidateTimes(history.ToArray().AsSpan());
        Consolidation.Consolidate(updates.ToArray().AsSpan());

        long before = GC.GetAllocatedBytesForCurrentThread();
        int times = Consolidation.ConsolidateTimes(history.AsSpan());
        int length = Consolidation.Consolidate(updates.AsSpan());
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        (times, length).Should().Be((2, 2));
        allocated.Should().Be(0);
    }

    [Fact]
    public void Checked_array_rejects_null_batch_and_null_fields()
    {
        FluentActions.Invoking(() => TraceArguments.ToCheckedArray<string, string, Timestamp, long>(null!))
            .Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => TraceArguments.ToCheckedArray<string, string, Timestamp, long>([new("a", "x", 1, 1), new(null!, "x", 1, 1)]))
            .Should().Throw<ArgumentException>().WithMessage("Update 1 of the batch has a null key*");
        FluentActions.Invoking(() => TraceArguments.ToCheckedArray<string, string, Timestamp, long>([new("a", null!, 1, 1)]))
            .Should().Throw<ArgumentException>().WithMessage("Update 0 of the batch has a null value*");
        TraceArguments.ToCheckedArray<string, string, Timestamp, long>([new("a", "x", 1, 1)]).Should().HaveCount(1);
    }

    [Fact]
    public void Frontier_check_rejects_null_and_regressions()
    {
        Antichain<Timestamp> current = [4];
        FluentActions.Invoking(() => TraceArguments.CheckFrontierAdvance<Timestamp>(current, null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => TraceArguments.CheckFrontierAdvance<Timestamp>(current, [3]))
            .Should().Throw<ArgumentException>().WithMessage("*goes backwards*");
        TraceArguments.CheckFrontierAdvance<Timestamp>(current, [4]);
        TraceArguments.CheckFrontierAdvance<Timestamp>(current, []);
    }
}
