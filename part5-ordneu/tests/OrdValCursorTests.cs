using Traces.Conformance;
using static Traces.OrdNeu.Tests.OrdNeuTestData;

namespace Traces.OrdNeu.Tests;

using Batch = OrdValBatch<long, long, Timestamp, long>;

[Trait("Part", "5")]
public sealed class OrdValCursorTests
{
    [Fact]
    public void Seeks_land_where_a_linear_scan_does()
    {
        ForRuns(40, (random, log) =>
        {
            var updates = Consolidated(RandomUpdates(random, random.Next(1, 2000), keys: 500, vals: 40, times: 3));
            Batch batch = BuildVal(updates, FirstTen);
            long[] keys = updates.Select(u => u.Key).Distinct().ToArray();

            var cursor = batch.GetCursor();
            long target = -1;
            while (true)
            {
                target += random.Exhausted ? 1 : random.Next(0, 40); // an exhausted run still walks to the end
                cursor.SeekKey(target);
                long? expectedKey = keys.Where(k => k >= target).Select(k => (long?)k).FirstOrDefault();
                if (expectedKey is null)
                {
                    cursor.KeyValid.Should().BeFalse();
                    break;
                }

                cursor.Key.Should().Be(expectedKey.Value);
                long[] vals = updates.Where(u => u.Key == expectedKey).Select(u => u.Val).Distinct().ToArray();
                cursor.Val.Should().Be(vals[0], "a key seek rewinds the values");

                long valTarget = random.Next(0, 45);
                cursor.SeekVal(valTarget);
                long? expectedVal = vals.Where(v => v >= valTarget).Select(v => (long?)v).FirstOrDefault();
                cursor.ValValid.Should().Be(expectedVal is not null);
                if (expectedVal is not null)
                {
                    cursor.Val.Should().Be(expectedVal.Value);
                    var times = updates.Where(u => u.Key == expectedKey && u.Val == expectedVal).Select(u => (u.Time, u.Diff)).ToList();
                    cursor.Times.ToArray().Zip(cursor.Diffs.ToArray()).Should().Equal(times);
                }
            }
        });
    }

    [Fact]
    public void Seeks_only_move_forward_and_rewinds_go_back()
    {
        Batch batch = BuildVal([new(1, 1, 0UL, 1), new(1, 2, 0UL, 1), new(5, 1, 3UL, 2), new(9, 7, 1UL, 1)], FirstTen);
        var cursor = batch.GetCursor();

        cursor.SeekKey(5);
        cursor.Key.Should().Be(5);
        cursor.SeekKey(1);
        cursor.Key.Should().Be(5);
        cursor.SeekVal(2);
        cursor.ValValid.Should().BeFalse();
        cursor.Invoking(c => c.Val).Should().Throw<InvalidOperationException>();
        cursor.RewindVals();
        cursor.Val.Should().Be(1);
        cursor.StepVal();
        cursor.StepVal();
        cursor.ValValid.Should().BeFalse();

        cursor.RewindKeys();
        cursor.Key.Should().Be(1);
        cursor.StepVal();
        cursor.Val.Should().Be(2);
        cursor.StepKey();
        cursor.Key.Should().Be(5);
        cursor.Val.Should().Be(1);
        var seen = new List<(Timestamp, long)>();
        cursor.MapTimes((t, d) => seen.Add((t, d)));
        seen.Should().Equal(((Timestamp)3UL, 2L));

        cursor.SeekKey(100);
        cursor.KeyValid.Should().BeFalse();
        cursor.ValValid.Should().BeFalse();
        cursor.StepKey();
        cursor.StepVal();
        cursor.SeekVal(0);
        cursor.KeyValid.Should().BeFalse();
    }
}
