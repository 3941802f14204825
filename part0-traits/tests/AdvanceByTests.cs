namespace Traces.Tests;

/// <summary>The compaction guarantee: for every s beyond F, AdvanceBy(t, F) ≤ s exactly when t ≤ s.</summary>
[Trait("Part", "0")]
public sealed class AdvanceByTests
{
    [Fact]
    public void Advancing_preserves_order_against_every_time_beyond_the_frontier()
    {
        var rng = new Random(RandomTimes.Seed);
        for (int trial = 0; trial < 3_000; trial++)
        {
            var frontier = RandomTimes.Antichain(rng, RandomTimes.Product);
            var time = RandomTimes.Product(rng);
            var advanced = time.AdvanceBy(frontier);
            for (int probe = 0; probe < 12; probe++)
            {
                // Draw s beyond the frontier by joining a random time with a random element.
                var s = RandomTimes.Product(rng).Join(frontier.Elements[rng.Next(frontier.Count)]);
                advanced.LessEqual(s).Should().Be(time.LessEqual(s),
                    $"seed {RandomTimes.Seed}, trial {trial}: t = {time}, F = {frontier}, AdvanceBy = {advanced}, s = {s}");
            }
        }
    }

    [Fact]
    public void Advancing_by_the_empty_frontier_changes_nothing()
    {
        new Product<Timestamp, Timestamp>(3, 1).AdvanceBy(new Antichain<Product<Timestamp, Timestamp>>())
            .Should().Be(new Product<Timestamp, Timestamp>(3, 1));
    }

    [Fact]
    public void Advancing_by_one_element_is_the_join_and_by_two_the_meet_of_joins()
    {
        Antichain<Timestamp> five = [5];
        ((Timestamp)3).AdvanceBy(five).Should().Be((Timestamp)5);
        ((Timestamp)7).AdvanceBy(five).Should().Be((Timestamp)7);
        var t = new Product<Timestamp, Timestamp>(0, 0);
        t.AdvanceBy([new(0, 2), new(2, 0)]).Should().Be(new Product<Timestamp, Timestamp>(0, 0));
        new Product<Timestamp, Timestamp>(1, 1).AdvanceBy([new(0, 2), new(2, 0)]).Should().Be(new Product<Timestamp, Timestamp>(1, 1));
        new Product<Timestamp, Timestamp>(3, 1).AdvanceBy([new(0, 2), new(2, 0)]).Should().Be(new Product<Timestamp, Timestamp>(3, 1));
        new Product<Timestamp, Timestamp>(1, 0).AdvanceBy([new(3, 3)]).Should().Be(new Product<Timestamp, Timestamp>(3, 3));
    }
}
