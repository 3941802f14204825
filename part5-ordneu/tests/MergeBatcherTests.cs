using Traces.Conformance;
using Traces.OrdNeu.Tests.SpineTestBatch;

namespace Traces.OrdNeu.Tests;

[Trait("Part", "5")]
public sealed class MergeBatcherTests
{
    private static Update<ulong, ulong, Timestamp, long> U(ulong key, ulong val, ulong time, long diff) => new(key, val, time, diff);

    // Updates of `count` distinct keys from `first` on, in a scrambled order.
    private static Update<ulong, ulong, Timestamp, long>[] Distinct(int first, int count) =>
        Enumerable.Range(first, count).Select(i => U((ulong)i * 7_919 % 1_000_003, 0, 0, 1)).Reverse().ToArray();

    private static List<Update<ulong, ulong, Timestamp, long>> Consolidated(List<Update<ulong, ulong, Timestamp, long>> updates)
    {
        var copy = updates.ToList();
        Consolidation.Consolidate(copy);
        return copy;
    }

    [Fact]
    public void Sealing_lets_go_of_scratch_space_sized_for_what_was_sealed()
    {
        var batcher = new MergeBatcher<ulong, ulong, Timestamp, long>();
        for (int batch = 0; batch < 40; batch++)
        {
            // Distinct keys in a scrambled order, so chains really merge.
            var updates = new Update<ulong, ulong, Timestamp, long>[2_500];
            for (int i = 0; i < updates.Length; i++)
            {
                updates[i] = U((ulong)((batch * 2_500 + i) * 7_919 % 100_003), 0, 1, 1);
            }

            batcher.Push(updates);
        }

        batcher.Push([U(5, 0, 2, 1)]);
        batcher.Capacity.Should().BeGreaterThanOrEqualTo(100_000);

        var sealedBatch = batcher.Seal([2], new TestBatchBuilder());

        sealedBatch.Count.Should().Be(100_000);
        batcher.Count.Should().Be(1, "the update at the upper frontier stays behind");
        batcher.Capacity.Should().BeLessThanOrEqualTo(6L * MergeBatcher<ulong, ulong, Timestamp, long>.ChunkCapacity,
            "a chunk, a right-sized chain and a stash of chunk-sized arrays are all that may remain");
    }

    [Fact]
    public void Sealing_below_every_time_keeps_everything_and_the_frontier_forgets_cancelled_times()
    {
        #region cancelled-frontier
        var batcher = new MergeBatcher<ulong, ulong, Timestamp, long>();
        batcher.Push([U(100, 0, 5, 1), U(200, 0, 7, 1)]);
        batcher.Push([U(100, 0, 5, -1)]);

        var batch = batcher.Seal([3], new TestBatchBuilder());

        batch.Count.Should().Be(0);
        batch.Description.Lower.SetEquals([0]).Should().BeTrue();
        batch.Description.Upper.SetEquals([3]).Should().BeTrue();
        batcher.Frontier.SetEquals([7]).Should().BeTrue();
        #endregion
        batcher.Lower.SetEquals([3]).Should().BeTrue();
        batcher.Count.Should().Be(1);
    }

    [Fact]
    public void Without_the_cancellation_the_frontier_is_the_earliest_time_held()
    {
        var batcher = new MergeBatcher<ulong, ulong, Timestamp, long>();
        batcher.Push([U(100, 0, 5, 1), U(200, 0, 7, 1)]);

        batcher.Seal([3], new TestBatchBuilder());

        batcher.Frontier.SetEquals([5]).Should().BeTrue();
    }

    [Fact]
    public void Seal_builds_the_updates_before_the_upper_and_holds_the_rest_for_the_next_seal()
    {
        var batcher = new MergeBatcher<ulong, ulong, Timestamp, long>();
        batcher.Push([U(2, 0, 4, 1), U(1, 0, 1, 1), U(1, 0, 4, 1), U(1, 0, 1, 2), U(3, 3, 0, -1)]);

        var first = batcher.Seal([2], new TestBatchBuilder());
        first.Updates.Should().Equal(U(1, 0, 1, 3), U(3, 3, 0, -1));
        batcher.Frontier.SetEquals([4]).Should().BeTrue();

        var second = batcher.Seal([5], new TestBatchBuilder());
        second.Updates.Should().Equal(U(1, 0, 4, 1), U(2, 0, 4, 1));
        second.Description.Lower.SetEquals([2]).Should().BeTrue();
        batcher.Count.Should().Be(0);
        batcher.Frontier.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void The_counting_seal_reports_distinct_keys_pairs_and_updates_to_the_builder_factory()
    {
        var batcher = new MergeBatcher<ulong, ulong, Timestamp, long>();
        batcher.Push([U(1, 1, 0, 1), U(1, 1, 1, 1), U(1, 2, 0, 1), U(2, 1, 0, 1), U(3, 1, 9, 1)]);
        (int, int, int) counts = default;

        var batch = batcher.Seal<TestBatch>([5], (keys, vals, updates) =>
        {
            counts = (keys, vals, updates);
            return new TestBatchBuilder();
        });

        counts.Should().Be((2, 3, 4));
        batch.Count.Should().Be(4);
    }

    [Fact]
    public void An_upper_before_the_lower_gets_an_ArgumentException_and_changes_nothing()
    {
        var batcher = new MergeBatcher<ulong, ulong, Timestamp, long>();
        batcher.Push([U(1, 0, 7, 1)]);
        batcher.Seal([5], new TestBatchBuilder());

        var act = () => batcher.Seal([4], new TestBatchBuilder());
        act.Should().Throw<ArgumentException>().WithMessage("*before the batcher's lower*");
        batcher.Lower.SetEquals([5]).Should().BeTrue();
        batcher.Count.Should().Be(1);
    }

    [Fact]
    [Trait("Runs", "model")]
    public void Merging_two_sorted_runs_equals_consolidating_their_concatenation() =>
        ModelRun.Check("batcher: merging two sorted runs", static (random, log) =>
        {
            var left = RandomRun(random);
            var right = RandomRun(random);
            var expected = left.Concat(right).ToList();
            Consolidation.Consolidate(expected);
            log.Write($"Update<ulong, ulong, Timestamp, long>[] left = {CodeText.List(left)}, right = {CodeText.List(right)};");
            log.Write("var merged = new Update<ulong, ulong, Timestamp, long>[left.Length + right.Length];");
            log.Write("int count = Consolidation.MergeSorted<ulong, ulong, Timestamp, long>(left, right, merged);");
            log.Write($"merged.Take(count).Should().Equal({CodeText.List(expected)});");

            var merged = new Update<ulong, ulong, Timestamp, long>[left.Count + right.Count];
            int count = Consolidation.MergeSorted<ulong, ulong, Timestamp, long>(left.ToArray(), right.ToArray(), merged);
            merged.Take(count).Should().Equal(expected);
        }, sequences: 500, maxChoices: 500);

    [Fact]
    [Trait("Runs", "model")]
    public void Random_pushes_sealed_at_random_bounds_build_exactly_the_consolidated_updates_with_few_chains() =>
        ModelRun.Check("batcher: pushes sealed at random bounds", static (random, log) =>
        {
            var batcher = new MergeBatcher<ulong, ulong, Timestamp, long>();
            var all = new List<Update<ulong, ulong, Timestamp, long>>();
            var sealedUpdates = new List<Update<ulong, ulong, Timestamp, long>>();
            ulong upper = 0;
            log.Write("var batcher = new MergeBatcher<ulong, ulong, Timestamp, long>();");
            for (int round = 0; round < 10 && !random.Exhausted; round++)
            {
                int size = random.Next(0, 3000);
                var updates = new Update<ulong, ulong, Timestamp, long>[size];
                for (int i = 0; i < size; i++)
                {
                    updates[i] = U((ulong)random.Next(200), (ulong)random.Next(3), upper + (ulong)random.Next(4), random.Next(-1, 2));
                }

                all.AddRange(updates);
                foreach (var piece in updates.Chunk(random.Next(1, 700)))
                {
                    log.Write($"batcher.Push({CodeText.List(piece)});");
                    batcher.Push(piece);
                    long pushed = all.Count;
                    batcher.ChainCount.Should().BeLessThanOrEqualTo((int)Math.Log2(Math.Max(2, pushed)) + 1);
                }

                upper += (ulong)random.Next(1, 3);
                log.Write($"batcher.Seal([{upper}], new TestBatchBuilder());");
                var batch = batcher.Seal([upper], new TestBatchBuilder());
                batch.Updates.Should().OnlyContain(u => u.Time.Value < upper);
                sealedUpdates.AddRange(batch.Updates);
                batch.Updates.Should().BeInAscendingOrder(Comparer<Update<ulong, ulong, Timestamp, long>>.Create(
                    (a, b) => UpdateOrder<ulong, ulong, Timestamp, long>.Compare(in a, in b)));
            }

            log.Write("batcher.Seal([], new TestBatchBuilder());");
            sealedUpdates.AddRange(batcher.Seal([], new TestBatchBuilder()).Updates);
            Consolidation.Consolidate(all);
            Consolidation.Consolidate(sealedUpdates);
            sealedUpdates.Should().Equal(all);
        }, sequences: 60, maxChoices: 60_000);

    [Fact]
    [Trait("Runs", "model")]
    public void Prepared_runs_are_sorted_and_consolidate_to_exactly_what_was_pushed() =>
        ModelRun.Check("batcher: runs prepared for reading", static (random, log) =>
        {
            var batcher = new MergeBatcher<ulong, ulong, Timestamp, long>();
            var all = new List<Update<ulong, ulong, Timestamp, long>>();
            log.Write("var batcher = new MergeBatcher<ulong, ulong, Timestamp, long>();");
            for (int round = 0; round < 8 && !random.Exhausted; round++)
            {
                var updates = new Update<ulong, ulong, Timestamp, long>[random.Next(0, 1500)];
                for (int i = 0; i < updates.Length; i++)
                {
                    updates[i] = U((ulong)random.Next(300), (ulong)random.Next(3), (ulong)random.Next(4), random.Next(-1, 2));
                }

                log.Write($"batcher.Push({CodeText.List(updates)});");
                batcher.Push(updates);
                all.AddRange(updates);
                log.Write("batcher.PrepareRuns();");
                batcher.PrepareRuns();

                var read = new List<Update<ulong, ulong, Timestamp, long>>();
                for (int run = 0; run < batcher.RunCount; run++)
                {
                    var items = batcher.RunAt(run).ToArray();
                    items.Should().BeInAscendingOrder(Comparer<Update<ulong, ulong, Timestamp, long>>.Create(
                        (a, b) => UpdateOrder<ulong, ulong, Timestamp, long>.Compare(in a, in b)));
                    items.Should().NotContain(u => u.Diff == 0);
                    read.AddRange(items);
                }

                var expected = Consolidated(all);
                Consolidation.Consolidate(read);
                read.Should().Equal(expected, "after round {0}", round);
            }
        }, sequences: 40, maxChoices: 20_000);

    [Fact]
    public void Preparing_runs_merges_the_chains_only_when_the_newer_ones_hold_an_eighth_of_the_oldest()
    {
        var batcher = new MergeBatcher<ulong, ulong, Timestamp, long>();
        int chunk = MergeBatcher<ulong, ulong, Timestamp, long>.ChunkCapacity;
        batcher.Push(Distinct(0, 16 * chunk));
        batcher.PrepareRuns();
        batcher.RunCount.Should().Be(1, "everything pushed is new to the first read");

        batcher.Push(Distinct(16 * chunk, chunk));
        batcher.PrepareRuns();
        batcher.RunCount.Should().Be(2, "a chunk is less than an eighth of sixteen: read beside the oldest chain");

        batcher.Push(Distinct(17 * chunk, chunk + 1));
        batcher.PrepareRuns();
        batcher.RunCount.Should().Be(1, "two chunks and one update are an eighth of sixteen chunks: merged");
        batcher.RunAt(0).Length.Should().Be((18 * chunk) + 1);

        batcher.Push([U(1, 0, 0, 1)]);
        FluentActions.Invoking(() => batcher.RunCount).Should().Throw<InvalidOperationException>().WithMessage("*PrepareRuns*");
    }

    [Fact]
    public void Chunks_hold_about_eight_kilobytes()
    {
        MergeBatcher<ulong, ulong, Timestamp, long>.ChunkCapacity.Should().Be(8192 / 32);
        MergeBatcher<int, int, Timestamp, long>.ChunkCapacity.Should().Be(8192 / 24);
    }

    private static List<Update<ulong, ulong, Timestamp, long>> RandomRun(Choices random)
    {
        int size = random.Next(0, 60);
        var run = new List<Update<ulong, ulong, Timestamp, long>>(size);
        for (int i = 0; i < size; i++)
        {
            run.Add(U((ulong)random.Next(8), (ulong)random.Next(3), (ulong)random.Next(4), random.Next(-2, 3)));
        }

        Consolidation.Consolidate(run);
        return run;
    }
}
