using Traces.Conformance;
using static Traces.OrdNeu.Tests.OrdNeuTestData;

namespace Traces.OrdNeu.Tests;

using Batch = OrdValBatch<long, long, Timestamp, long>;

[Trait("Part", "5")]
public sealed class CursorListTests
{
    private static List<Batch> RandomBatches(Choices random, List<Update<long, long, Timestamp, long>> all)
    {
        var batches = new List<Batch>();
        int count = random.Next(0, 5);
        for (int i = 0; i < count; i++)
        {
            var updates = RandomUpdates(random, random.Next(0, 200), keys: 40, vals: 5, times: 10)
                .Select(u => u with { Time = u.Time.Value + (10UL * (ulong)i) }).ToList();
            all.AddRange(Consolidated(updates));
            batches.Add(BuildVal(updates, Describe<Timestamp>([10UL * (ulong)i], [10UL * (ulong)(i + 1)])));
        }

        return batches;
    }

    private static List<Update<long, long, Timestamp, long>> ReadConsolidated(CursorList<OrdValCursor<long, long, Timestamp, long, ArrayContainer<long>, ArrayContainer<long>>, long, long, Timestamp, long> cursor)
    {
        var seen = new List<Update<long, long, Timestamp, long>>();
        long? previousKey = null;
        for (; cursor.KeyValid; cursor.StepKey())
        {
            long key = cursor.Key;
            if (previousKey is not null)
            {
                key.Should().BeGreaterThan(previousKey.Value, "keys come once each, in order");
            }

            previousKey = key;
            long? previousVal = null;
            for (; cursor.ValValid; cursor.StepVal())
            {
                long val = cursor.Val;
                if (previousVal is not null)
                {
                    val.Should().BeGreaterThan(previousVal.Value);
                }

                previousVal = val;
                cursor.MapTimes((t, d) => seen.Add(new(key, val, t, d)));
            }
        }

        return Consolidated(seen);
    }

    [Fact]
    public void A_cursor_list_presents_the_union_of_its_batches()
    {
        ForRuns(40, (random, log) =>
        {
            var all = new List<Update<long, long, Timestamp, long>>();
            var batches = RandomBatches(random, all);

            var cursor = Batch.CreateCursorList(batches);
            cursor.CursorCount.Should().Be(batches.Count);
            ReadConsolidated(cursor).Should().Equal(Consolidated(all));

            cursor.RewindKeys();
            ReadConsolidated(cursor).Should().Equal(Consolidated(all), "a rewind starts over");
        });
    }

    [Fact]
    public void Seeking_a_key_in_a_cursor_list_gathers_it_from_every_batch()
    {
        ForRuns(40, (random, log) =>
        {
            var all = new List<Update<long, long, Timestamp, long>>();
            var batches = RandomBatches(random, all);
            var cursor = Batch.CreateCursorList(batches);

            for (long key = random.Next(3); key < 40; key += random.Next(1, 6))
            {
                cursor.SeekKey(key);
                long? expected = all.Select(u => u.Key).Where(k => k >= key).Select(k => (long?)k).DefaultIfEmpty().Min();
                cursor.KeyValid.Should().Be(expected is not null);
                if (expected is null)
                {
                    break;
                }

                cursor.Key.Should().Be(expected.Value);
                long valTarget = random.Next(5);
                cursor.SeekVal(valTarget);
                var history = new List<(Timestamp Time, long Diff)>();
                if (cursor.ValValid)
                {
                    long val = cursor.Val;
                    val.Should().Be(all.Where(u => u.Key == expected && u.Val >= valTarget).Min(u => u.Val));
                    cursor.MapTimes((t, d) => history.Add((t, d)));
                    Consolidation.ConsolidateTimes(history);
                    history.Should().Equal(Consolidated(all.Where(u => u.Key == expected && u.Val == val)).Select(u => (u.Time, u.Diff)));
                }

                cursor.RewindVals();
                if (cursor.ValValid)
                {
                    cursor.Val.Should().Be(all.Where(u => u.Key == expected).Min(u => u.Val));
                }
            }
        });
    }

    [Fact]
    public void The_same_key_in_several_batches_is_visited_in_each()
    {
        Batch a = BuildVal([new(1, 1, 0UL, 1), new(2, 1, 1UL, 1)], Describe<Timestamp>([0], [10]));
        Batch b = BuildVal([new(2, 1, 11UL, 1), new(2, 3, 12UL, 1)], Describe<Timestamp>([10], [20]));
        Batch c = BuildVal([new(2, 1, 21UL, -1), new(4, 0, 22UL, 1)], Describe<Timestamp>([20], [30]));
        var cursor = Batch.CreateCursorList([a, b, c]);

        cursor.SeekKey(2);
        cursor.Key.Should().Be(2);
        cursor.Val.Should().Be(1);
        var times = new List<(Timestamp, long)>();
        cursor.MapTimes((t, d) => times.Add((t, d)));
        times.Should().Equal(((Timestamp)1UL, 1L), ((Timestamp)11UL, 1L), ((Timestamp)21UL, -1L));
        cursor.StepVal();
        cursor.Val.Should().Be(3);
        cursor.StepVal();
        cursor.ValValid.Should().BeFalse();
        cursor.Invoking(x => x.Val).Should().Throw<InvalidOperationException>();
        cursor.StepKey();
        cursor.Key.Should().Be(4);
        cursor.StepKey();
        cursor.KeyValid.Should().BeFalse();
        cursor.Invoking(x => x.Key).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_cursor_list_rejects_null_batches_and_handles_none()
    {
        var none = Batch.CreateCursorList([]);
        none.KeyValid.Should().BeFalse();
        none.StepKey();
        none.KeyValid.Should().BeFalse();

        var nullList = () => Batch.CreateCursorList(null!);
        nullList.Should().Throw<ArgumentNullException>();
        var nullBatch = () => Batch.CreateCursorList([null!]);
        nullBatch.Should().Throw<ArgumentNullException>();
    }
}
