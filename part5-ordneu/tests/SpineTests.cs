using Traces.Conformance;
using Traces.OrdNeu.Tests.SpineTestBatch;

namespace Traces.OrdNeu.Tests;

[Trait("Part", "5")]
public sealed class SpineTests
{
    private static Update<ulong, ulong, Timestamp, long> U(ulong key, ulong val, ulong time, long diff) => new(key, val, time, diff);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(1024, 10)]
    [InlineData(1025, 11)]
    public void Level_is_the_trailing_zeros_of_the_next_power_of_two(long count, int level) =>
        Spine<TestBatch, Timestamp>.Level(count).Should().Be(level);

    [Fact]
    public void Batches_held_back_by_the_physical_frontier_stay_pending_and_each_bound_sees_its_history()
    {
        var spine = new Spine<TestBatch, Timestamp>();
        spine.Insert(TestBatch.From([U(1, 1, 0, 1)], 0, 1));
        spine.Insert(TestBatch.From([U(1, 1, 1, 1), U(2, 2, 1, 1)], 1, 2));
        spine.Insert(TestBatch.From([U(1, 1, 2, -1)], 2, 3));

        spine.PendingCount.Should().Be(3);
        spine.LevelCount.Should().Be(0);
        Accumulate(spine.BatchesThrough([1]), 5).Should().BeEquivalentTo(new Dictionary<(ulong, ulong), long> { [(1, 1)] = 1 });
        Accumulate(spine.BatchesThrough([2]), 5).Should().BeEquivalentTo(new Dictionary<(ulong, ulong), long> { [(1, 1)] = 2, [(2, 2)] = 1 });
        Accumulate(spine.BatchesThrough([3]), 5).Should().BeEquivalentTo(new Dictionary<(ulong, ulong), long> { [(1, 1)] = 1, [(2, 2)] = 1 });
        spine.BatchesThrough([0]).Should().BeEmpty();

        // Once the physical frontier passes them, the batches join the levels and merge.
        spine.SetPhysicalCompaction([3]);
        spine.PendingCount.Should().Be(0);
        Accumulate(spine.Batches(), 5).Should().BeEquivalentTo(new Dictionary<(ulong, ulong), long> { [(1, 1)] = 1, [(2, 2)] = 1 });
    }

    [Fact]
    public void InspectLevel_shows_a_levels_batches_and_its_merge_and_FueledMerges_counts_each_payment()
    {
        var spine = new Spine<TestBatch, Timestamp>();
        var first = TestBatch.From([U(1, 1, 0, 1)], 0, 1);
        var second = TestBatch.From([U(2, 1, 1, 1)], 1, 2);
        spine.Insert(first);
        spine.Insert(second);
        spine.SetPhysicalCompaction([2]);

        // Two single-update batches at level 0: the second starts a merge there, not yet paid for.
        var (older, newer, merger) = spine.InspectLevel(0);
        older.Should().BeSameAs(first);
        newer.Should().BeSameAs(second);
        merger.Should().NotBeNull();
        spine.FueledMerges.Should().Be(0);

        // The third batch pays fuel to that merge, which finishes and moves up to level 1.
        spine.Insert(TestBatch.From([U(3, 1, 2, 1)], 2, 3));
        spine.SetPhysicalCompaction([3]);
        spine.FueledMerges.Should().Be(1);
        var (single, none, noMerger) = spine.InspectLevel(1);
        single!.Count.Should().Be(2);
        none.Should().BeNull();
        noMerger.Should().BeNull();
        spine.InspectLevel(0).Batch!.Count.Should().Be(1);

        var outside = () => spine.InspectLevel(spine.LevelCount);
        outside.Should().Throw<ArgumentOutOfRangeException>();
        var negative = () => spine.InspectLevel(-1);
        negative.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_batch_that_does_not_start_at_the_upper_gets_an_ArgumentException_and_changes_nothing()
    {
        var spine = new Spine<TestBatch, Timestamp>();
        spine.Insert(TestBatch.From([U(1, 1, 0, 1)], 0, 2));

        var gap = () => spine.Insert(TestBatch.From([U(1, 1, 3, 1)], 3, 4));
        gap.Should().Throw<ArgumentException>().WithMessage("*adjacent*");
        var empty = () => spine.Insert(TestBatch.From([], 2, 2));
        empty.Should().Throw<ArgumentException>().WithMessage("*covers no times*");
        var none = () => spine.Insert(null!);
        none.Should().Throw<ArgumentNullException>();

        spine.Upper.SetEquals([2]).Should().BeTrue();
        spine.PendingCount.Should().Be(1);
    }

    [Fact]
    public void Regressing_compaction_frontiers_get_an_ArgumentException_and_change_nothing()
    {
        var spine = new Spine<TestBatch, Timestamp>();
        spine.SetLogicalCompaction([5]);
        spine.SetPhysicalCompaction([5]);

        var logical = () => spine.SetLogicalCompaction([4]);
        logical.Should().Throw<ArgumentException>().WithMessage("*backwards*");
        var physical = () => spine.SetPhysicalCompaction([4]);
        physical.Should().Throw<ArgumentException>().WithMessage("*backwards*");

        spine.LogicalCompaction.SetEquals([5]).Should().BeTrue();
        spine.PhysicalCompaction.SetEquals([5]).Should().BeTrue();
    }

    [Fact]
    public void A_bound_inside_a_batch_or_before_the_physical_frontier_gets_an_ArgumentException()
    {
        var spine = new Spine<TestBatch, Timestamp>();
        spine.Insert(TestBatch.From([U(1, 1, 0, 1)], 0, 2));
        spine.Insert(TestBatch.From([U(1, 1, 3, 1)], 2, 5));

        var inside = () => spine.BatchesThrough([3]);
        inside.Should().Throw<ArgumentException>().WithMessage("*not a batch boundary*");

        spine.SetPhysicalCompaction([5]);
        var before = () => spine.BatchesThrough([2]);
        before.Should().Throw<ArgumentException>().WithMessage("*physical compaction frontier*");
        Accumulate(spine.BatchesThrough([5]), 9)[(1, 1)].Should().Be(2);
    }

    [Fact]
    public void The_eager_policy_finishes_every_merge_within_the_insert()
    {
        var spine = new Spine<TestBatch, Timestamp>(policy: SpineMergePolicy.Eager);
        spine.SetPhysicalCompaction([]);
        for (ulong t = 0; t < 100; t++)
        {
            spine.Insert(TestBatch.From([U(t % 7, 0, t, 1)], t, t + 1));
            spine.Summaries().Should().OnlyContain(level => level.Batches <= 1);
        }

        spine.Batches().Count.Should().BeLessThanOrEqualTo(7);
        spine.Count.Should().Be(100);
    }

    [Fact]
    public void Exert_finishes_merges_when_its_logic_asks_for_work()
    {
        var spine = new Spine<TestBatch, Timestamp>();
        spine.SetPhysicalCompaction([]);
        for (ulong t = 0; t < 37; t++)
        {
            spine.Insert(TestBatch.From([U(t, 0, t, 1)], t, t + 1));
        }

        spine.ExertLogic = levels => levels.Count(level => level.Batches > 0) > 1 ? 64 : null;
        for (int i = 0; i < 50; i++)
        {
            spine.Exert();
        }

        spine.Batches().Should().ContainSingle().Which.Count.Should().Be(37);
    }

    [Fact]
    public void Merges_apply_the_logical_frontier_and_cancel()
    {
        var spine = new Spine<TestBatch, Timestamp>(policy: SpineMergePolicy.Eager);
        spine.SetPhysicalCompaction([]);
        spine.SetLogicalCompaction([10]);
        spine.Insert(TestBatch.From([U(1, 1, 0, 1), U(2, 2, 0, 1)], 0, 1));
        spine.Insert(TestBatch.From([U(1, 1, 1, -1), U(2, 2, 1, 1)], 1, 2));

        var batch = spine.Batches().Should().ContainSingle().Subject;
        batch.Updates.Should().Equal(U(2, 2, 10, 2));
        batch.Description.Since.SetEquals([10]).Should().BeTrue();
    }

    [Fact]
    [Trait("Runs", "model")]
    public void Random_inserts_compactions_and_exerts_keep_accumulations_few_batches_and_bounded_work() =>
        ModelRun.Check("spine: inserts, compactions and exerts", RunRandomized, sequences: 300, maxChoices: 3_000);

    private static void RunRandomized(Choices random, RunLog log)
    {
        int effort = random.Next(1, 4);
        var spine = new Spine<TestBatch, Timestamp>(effort: effort);
        var model = new List<Update<ulong, ulong, Timestamp, long>>();
        ulong upper = 0, logical = 0, physical = 0;
        bool physicalClosed = false;
        var bounds = new HashSet<ulong> { 0 };
        long maxExert = 0;

        // What ExertLogic answers is drawn when the spine asks; the log queues the same answers before the statement.
        var exerts = new List<long?>();
        spine.ExertLogic = _ =>
        {
            long? answer = maxExert > 0 ? random.Next(1, (int)maxExert + 1) : null;
            exerts.Add(answer);
            return answer;
        };
        log.Write("var exerts = new Queue<long?>();");
        log.Write($"var spine = new Spine<TestBatch, Timestamp>(effort: {effort}) {{ ExertLogic = _ => exerts.Dequeue() }};");
        // Queues the answers ExertLogic gave since the last statement, so the printed test replays them.
        void Flush()
        {
            foreach (long? answer in exerts)
            {
                log.Write($"exerts.Enqueue({(answer is long a ? a.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")});");
            }

            exerts.Clear();
        }

        for (int step = 0; step < 150 && !random.Exhausted; step++)
        {
            int op = random.Next(100);
            if (op < 60)
            {
                int size = random.Next(10) == 0 ? random.Next(100, 300) : random.Next(0, 20);
                ulong next = upper + 1 + (ulong)random.Next(3);
                var updates = new List<Update<ulong, ulong, Timestamp, long>>();
                for (int i = 0; i < size; i++)
                {
                    updates.Add(U((ulong)random.Next(16), (ulong)random.Next(3), upper + (ulong)random.Next((int)(next - upper)), random.Next(-2, 3)));
                }

                model.AddRange(updates);
                var batch = TestBatch.From(updates, upper, next);
                bool drainsAlone = spine.PendingCount == 0 && (physicalClosed || next <= physical);
                int levelsBefore = spine.LevelCount;
                long fueledBefore = spine.FueledEffort, forcedBefore = spine.ForcedEffort;
                try
                {
                    spine.Insert(batch);
                }
                finally
                {
                    Flush();
                    log.Write($"spine.Insert(TestBatch.From({CodeText.List(updates)}, {upper}, {next}));");
                }

                upper = next;
                bounds.Add(next);

                if (drainsAlone)
                {
                    // The fuel each level receives, plus the overrun of finishing the key in hand.
                    int level = Spine<TestBatch, Timestamp>.Level(batch.Count);
                    long fuel = (8L << level) * spine.Effort;
                    long overrun = model.Count == 0 ? 0 : model.GroupBy(u => u.Key).Max(g => (long)g.Count());
                    (spine.FueledEffort - fueledBefore).Should().BeLessThanOrEqualTo(levelsBefore * (fuel + overrun));

                    // Roll-ups merge fewer than 2^(level+1) updates at each level up to the batch's.
                    (spine.ForcedEffort - forcedBefore).Should().BeLessThanOrEqualTo((level + 2) * (2L << level));
                }
            }
            else if (op < 70)
            {
                logical += (ulong)random.Next(3);
                Flush();
                log.Write($"spine.SetLogicalCompaction([{logical}]);");
                spine.SetLogicalCompaction([logical]);
            }
            else if (op < 80)
            {
                if (random.Next(8) == 0)
                {
                    physicalClosed = true;
                    Flush();
                    log.Write("spine.SetPhysicalCompaction([]);");
                    spine.SetPhysicalCompaction([]);
                }
                else if (!physicalClosed)
                {
                    physical += (ulong)random.Next(4);
                    Flush();
                    log.Write($"spine.SetPhysicalCompaction([{physical}]);");
                    spine.SetPhysicalCompaction([physical]);
                }
            }
            else if (op < 90)
            {
                maxExert = random.Next(3) == 0 ? 0 : random.Next(1, 64);
                try
                {
                    spine.Exert();
                }
                finally
                {
                    Flush();
                    log.Write("spine.Exert();");
                }
            }
            else if (!physicalClosed && spine.PendingCount > 0)
            {
                // A cursor stopping at a pending boundary sees exactly the updates before it.
                ulong bound = Math.Max(physical, upper - (ulong)random.Next(3));
                bound = Math.Min(bound, upper);
                bool onBoundary = true;
                Flush();
                log.Write($"var through = spine.BatchesThrough([{bound}]);");
                try
                {
                    var through = spine.BatchesThrough([bound]);
                    CheckAccumulations(through, model.Where(u => u.Time.Value < bound), logical, bound);
                }
                catch (ArgumentException exception) when (exception.Message.Contains("not a batch boundary", StringComparison.Ordinal))
                {
                    onBoundary = false;
                }

                onBoundary.Should().Be(bounds.Contains(bound), "bound {0}", bound);
            }

            var batches = spine.Batches();
            if (step % 5 == 0 || step == 149 || random.Exhausted)
            {
                CheckAccumulations(batches, model, logical, upper + 1);
            }

            long n = Math.Max(1, model.Count);
            batches.Count.Should().BeLessThanOrEqualTo((2 * ((int)Math.Log2(n) + 1)) + spine.PendingCount);
        }
    }

    private static void CheckAccumulations(
        IReadOnlyList<TestBatch> batches,
        IEnumerable<Update<ulong, ulong, Timestamp, long>> model,
        ulong logical,
        ulong through)
    {
        var updates = model.ToList();
        through = Math.Max(logical, through);
        foreach (ulong s in new HashSet<ulong> { logical, logical + 1, logical + ((through - logical) / 2), through })
        {
            var expected = Accumulate(updates, s);
            var actual = Accumulate(batches, s);
            bool same = actual.Count == expected.Count && actual.All(pair => expected.GetValueOrDefault(pair.Key) == pair.Value);
            same.Should().BeTrue("accumulations at {0}, beyond the logical frontier {1}, must match the model", s, logical);
        }
    }

    private static Dictionary<(ulong, ulong), long> Accumulate(IEnumerable<TestBatch> batches, ulong time) =>
        Accumulate(batches.SelectMany(b => b.Updates), time);

    private static Dictionary<(ulong, ulong), long> Accumulate(IEnumerable<Update<ulong, ulong, Timestamp, long>> updates, ulong time)
    {
        var sums = new Dictionary<(ulong, ulong), long>();
        foreach (var update in updates.Where(u => u.Time.Value <= time))
        {
            sums[(update.Key, update.Val)] = sums.GetValueOrDefault((update.Key, update.Val)) + update.Diff;
        }

        foreach (var zero in sums.Where(pair => pair.Value == 0).Select(pair => pair.Key).ToList())
        {
            sums.Remove(zero);
        }

        return sums;
    }
}
