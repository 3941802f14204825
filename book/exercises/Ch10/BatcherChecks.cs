using Exercises.Ch07;
using Traces;
using Traces.OrdNeu;
using Time = Traces.Product<Traces.Timestamp, Traces.Timestamp>;

namespace Exercises.Ch10;

#region seal-check
/// <summary>
/// The check for your seal prediction: subclass it, say which updates a seal at <c>upper</c> takes
/// and the frontier of what stays, and run <c>dotnet test</c>. A real merge batcher is fed the same
/// pushes and sealed; times are pairs, ordered only when both parts are.
/// </summary>
public abstract class SealPredictionCheck
{
    protected abstract (List<Update<long, long, Time, long>> Sealed, Antichain<Time> Frontier) Predict(
        List<Update<long, long, Time, long>> pushed, Antichain<Time> upper);
#endregion

    [Theory]
    [Trait("Part", "exercises")]
    [InlineData(101)]
    [InlineData(102)]
    [InlineData(103)]
    public void The_prediction_matches_a_real_seal(int seed)
    {
        var random = new Random(seed);
        var pushed = new List<Update<long, long, Time, long>>();
        for (int i = 0; i < 600; i++)
        {
            var time = new Time((ulong)random.Next(6), (ulong)random.Next(6));
            pushed.Add(new(random.Next(40), random.Next(3), time, random.Next(2) == 0 ? 1 : -1));
        }

        Antichain<Time> upper = [new Time(2, 4), new Time(4, 1)];
        var batcher = new MergeBatcher<long, long, Time, long>();
        batcher.Push(pushed.ToArray());
        var batch = batcher.Seal(upper, static (keys, vals, updates) =>
            OrdValBatch<long, long, Time, long>.CreateBuilder(keys, vals, updates));

        var (sealedUpdates, frontier) = Predict(pushed, upper);
        sealedUpdates.Should().Equal(TestBatches.Read(batch));
        frontier.SetEquals(batcher.Frontier).Should().BeTrue(
            "predicted {0}, the batcher says {1}", frontier, batcher.Frontier);
    }
}

#region runs-check
/// <summary>
/// The check for merging runs as they arrive: subclass it, return the merged run and the number of
/// updates your merges wrote, and run <c>dotnet test</c>. 1,024 runs of 16 updates must be merged
/// correctly, writing at most n (log2 of the number of runs + 2) updates.
/// </summary>
public abstract class MergeRunsCheck
{
    protected abstract (Update<long, long, Timestamp, long>[] Merged, long Moved) MergeAll(
        IEnumerable<Update<long, long, Timestamp, long>[]> runs);
#endregion

    [Fact]
    [Trait("Part", "exercises")]
    public void Runs_merge_correctly_and_each_update_is_moved_about_log_times()
    {
        var random = new Random(104);
        var runs = new List<Update<long, long, Timestamp, long>[]>();
        var all = new List<Update<long, long, Timestamp, long>>();
        for (int i = 0; i < 1024; i++)
        {
            var run = TestBatches.Random(random, 16, 1_000_000, 0, 4);
            Consolidation.Consolidate(run);
            runs.Add([.. run]);
            all.AddRange(run);
        }

        var (merged, moved) = MergeAll(runs);
        Consolidation.Consolidate(all);
        merged.Should().Equal(all);
        moved.Should().BeLessThanOrEqualTo(all.Count * (10 + 2));
    }
}

/// <summary>The seal check against the worked answer.</summary>
public sealed class SealPredictionAnswer : SealPredictionCheck
{
    protected override (List<Update<long, long, Time, long>> Sealed, Antichain<Time> Frontier) Predict(
        List<Update<long, long, Time, long>> pushed, Antichain<Time> upper) => SealSplit.Split(pushed, upper);
}

/// <summary>The runs check against the worked answer.</summary>
public sealed class MergeRunsAnswer : MergeRunsCheck
{
    protected override (Update<long, long, Timestamp, long>[] Merged, long Moved) MergeAll(
        IEnumerable<Update<long, long, Timestamp, long>[]> runs) => GeometricRuns.MergeAll(runs);
}

public sealed class BatcherChecksCatch
{
    // Seals what sorts before every element of upper in the total order Product's CompareTo
    // extends.
    private sealed class TotalOrder : SealPredictionCheck
    {
        protected override (List<Update<long, long, Time, long>> Sealed, Antichain<Time> Frontier) Predict(
            List<Update<long, long, Time, long>> pushed, Antichain<Time> upper)
        {
            var all = pushed.ToList();
            Consolidation.Consolidate(all);
            var frontier = new AntichainBuilder<Time>();
            var taken = new List<Update<long, long, Time, long>>();
            foreach (var update in all)
            {
                bool before = true;
                foreach (var bound in upper)
                {
                    before &= update.Time.CompareTo(bound) < 0;
                }

                if (before)
                {
                    taken.Add(update);
                }
                else
                {
                    frontier.Insert(update.Time);
                }
            }

            return (taken, frontier.ToAntichain());
        }
    }

    // Merges every new run into one growing chain: right, and quadratic.
    private sealed class OneChain : MergeRunsCheck
    {
        protected override (Update<long, long, Timestamp, long>[] Merged, long Moved) MergeAll(
            IEnumerable<Update<long, long, Timestamp, long>[]> runs)
        {
            Update<long, long, Timestamp, long>[] chain = [];
            long moved = 0;
            foreach (var run in runs)
            {
                var destination = new Update<long, long, Timestamp, long>[chain.Length + run.Length];
                int written = Consolidation.MergeSorted(chain, run, destination);
                chain = destination[..written];
                moved += written;
            }

            return (chain, moved);
        }
    }

    [Fact]
    [Trait("Part", "exercises")]
    public void A_total_order_seal_and_a_single_growing_chain_fail_the_checks()
    {
        FluentActions.Invoking(() => new TotalOrder().The_prediction_matches_a_real_seal(101))
            .Should().Throw<Exception>();
        FluentActions.Invoking(new OneChain().Runs_merge_correctly_and_each_update_is_moved_about_log_times)
            .Should().Throw<Exception>();
    }
}
