namespace Traces.Tests;

/// <summary>The buffer cursors gather a value's history into.</summary>
[Trait("Part", "0")]
public sealed class HistoryBufferTests
{
    [Fact]
    public void Consolidate_advances_sorts_sums_and_drops_zeros_like_consolidating_a_list()
    {
        var rng = new Random(RandomTimes.Seed);
        var buffer = new HistoryBuffer<Timestamp, long>();
        for (int trial = 0; trial < 300; trial++)
        {
            var pairs = new List<(Timestamp Time, long Diff)>();
            for (int i = rng.Next(50); i > 0; i--)
            {
                pairs.Add((RandomTimes.Timestamp(rng), rng.Next(-2, 3)));
            }

            if (trial % 3 == 0)
            {
                pairs.Sort((a, b) => a.Time.CompareTo(b.Time));
            }

            var frontier = trial % 2 == 0 ? Antichain<Timestamp>.AtMinimum() : new Antichain<Timestamp>(RandomTimes.Timestamp(rng));
            var expected = pairs.Select(p => (p.Time.AdvanceBy(frontier), p.Diff)).ToList();
            Consolidation.ConsolidateTimes(expected);

            buffer.Clear();
            buffer.AddRange(pairs.ToArray());
            buffer.Consolidate(frontier.Elements).ToArray().Should().Equal(expected, "trial {0}", trial);
        }
    }

    [Fact]
    public void Consolidating_a_history_allocates_nothing_once_the_buffer_has_grown()
    {
        var buffer = new HistoryBuffer<Timestamp, long>();
        (Timestamp, long)[] shuffled = [(5, 1), (2, 1), (9, -1), (2, 1), (7, 3), (1, 1), (9, 1), (4, 2)];
        buffer.AddRange(shuffled);
        buffer.Consolidate([]);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            buffer.Clear();
            buffer.AddRange(shuffled);
            buffer.Consolidate([]);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
        buffer.Pairs.ToArray().Should().Equal(((Timestamp)1, 1L), ((Timestamp)2, 2L), ((Timestamp)4, 2L), ((Timestamp)5, 1L), ((Timestamp)7, 3L));
    }
}
