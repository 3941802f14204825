namespace Traces.Tests;

/// <summary>Antichain invariants and operations.</summary>
[Trait("Part", "0")]
public sealed class AntichainTests
{
    [Fact]
    public void Insert_keeps_only_minimal_elements()
    {
        var rng = new Random(RandomTimes.Seed);
        for (int trial = 0; trial < 500; trial++)
        {
            var antichain = new Antichain<Product<Timestamp, Timestamp>>();
            var inserted = new List<Product<Timestamp, Timestamp>>();
            for (int i = 0; i < 8; i++)
            {
                var time = RandomTimes.Product(rng);
                // Refused exactly when an earlier time is less than or equal to it.
                bool covered = inserted.Exists(t => t.LessEqual(time));
                antichain.Insert(time).Should().Be(!covered, $"seed {RandomTimes.Seed}, trial {trial}: inserting {time} after {string.Join(", ", inserted)}");
                inserted.Add(time);
            }

            string context = $"seed {RandomTimes.Seed}, trial {trial}: {antichain}";
            var elements = antichain.Elements.ToArray();
            foreach (var x in elements)
            {
                elements.Count(y => x.LessEqual(y)).Should().Be(1, $"elements must be mutually incomparable in {context}");
            }

            // The antichain is exactly the set of minimal inserted times.
            var minimal = inserted.Distinct().Where(t => !inserted.Any(u => u.LessEqual(t) && !u.Equals(t))).ToList();
            elements.Should().BeEquivalentTo(minimal, context);

            // LessEqual(t) holds exactly for times beyond some inserted time.
            var probe = RandomTimes.Product(rng);
            antichain.LessEqual(probe).Should().Be(inserted.Any(t => t.LessEqual(probe)), context);
            antichain.LessThan(probe).Should().Be(inserted.Any(t => t.LessEqual(probe) && !t.Equals(probe)), context);
        }
    }

    [Fact]
    public void Insert_refuses_an_element_already_covered()
    {
        Antichain<Timestamp> frontier = [3];
        frontier.Insert(5).Should().BeFalse();
        frontier.Insert(3).Should().BeFalse();
        frontier.Insert(1).Should().BeTrue();
        frontier.Elements.ToArray().Should().Equal((Timestamp)1);
    }

    [Fact]
    public void Antichain_order_compares_frontiers()
    {
        Antichain<Product<Timestamp, Timestamp>> low = [new(0, 2), new(2, 0)];
        Antichain<Product<Timestamp, Timestamp>> high = [new(1, 2), new(3, 3)];
        low.LessEqual(high).Should().BeTrue();
        high.LessEqual(low).Should().BeFalse();
        low.LessEqual(new Antichain<Product<Timestamp, Timestamp>>()).Should().BeTrue("the empty antichain is above every frontier");
        new Antichain<Product<Timestamp, Timestamp>>().LessEqual(low).Should().BeFalse();
        Antichain<Product<Timestamp, Timestamp>>.AtMinimum().LessEqual(low).Should().BeTrue();
    }

    [Fact]
    public void Join_and_meet_bound_the_times_beyond_both_and_either()
    {
        var rng = new Random(RandomTimes.Seed);
        for (int trial = 0; trial < 500; trial++)
        {
            var a = RandomTimes.Antichain(rng, RandomTimes.Product);
            var b = RandomTimes.Antichain(rng, RandomTimes.Product);
            var join = Antichain<Product<Timestamp, Timestamp>>.Join(a, b);
            var meet = Antichain<Product<Timestamp, Timestamp>>.Meet(a, b);
            string context = $"seed {RandomTimes.Seed}, trial {trial}: a = {a}, b = {b}";
            for (int probe = 0; probe < 10; probe++)
            {
                var t = RandomTimes.Product(rng);
                join.LessEqual(t).Should().Be(a.LessEqual(t) && b.LessEqual(t), context);
                meet.LessEqual(t).Should().Be(a.LessEqual(t) || b.LessEqual(t), context);
            }

            a.LessEqual(join).Should().BeTrue(context);
            meet.LessEqual(a).Should().BeTrue(context);
        }
    }

    [Fact]
    public void SetEquals_ignores_insertion_order_and_clone_is_independent()
    {
        Antichain<Product<Timestamp, Timestamp>> a = [new(0, 2), new(2, 0)];
        Antichain<Product<Timestamp, Timestamp>> b = [new(2, 0), new(0, 2)];
        a.SetEquals(b).Should().BeTrue();
        var copy = a.Clone();
        copy.Insert(new(0, 0));
        a.SetEquals(b).Should().BeTrue();
        copy.SetEquals(a).Should().BeFalse();
        a.ToString().Should().Be("{(0, 2), (2, 0)}");
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Antichain<Timestamp> a = [1];
        FluentActions.Invoking(() => a.LessEqual((Antichain<Timestamp>)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => Antichain<Timestamp>.Join(a, null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => Antichain<Timestamp>.Meet(null!, a)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => a.SetEquals(null!)).Should().Throw<ArgumentNullException>();
    }
}
