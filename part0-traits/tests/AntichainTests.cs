using System.Reflection;

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
            var antichain = new AntichainBuilder<Product<Timestamp, Timestamp>>();
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
            antichain.ToAntichain().LessEqual(probe).Should().Be(inserted.Any(t => t.LessEqual(probe)), context);
            antichain.ToAntichain().LessThan(probe).Should().Be(inserted.Any(t => t.LessEqual(probe) && !t.Equals(probe)), context);
        }
    }

    [Fact]
    public void Insert_refuses_an_element_already_covered()
    {
        var frontier = new AntichainBuilder<Timestamp>();
        frontier.Insert(3).Should().BeTrue();
        frontier.Insert(5).Should().BeFalse();
        frontier.Insert(3).Should().BeFalse();
        frontier.Insert(1).Should().BeTrue();
        frontier.Elements.ToArray().Should().Equal((Timestamp)1);
        frontier.ToAntichain().Elements.ToArray().Should().Equal((Timestamp)1);
    }

    [Fact]
    public void Builder_gives_the_reduced_antichain_the_mutable_insert_gave()
    {
        var rng = new Random(RandomTimes.Seed);
        var builder = new AntichainBuilder<Product<Timestamp, Timestamp>>();
        for (int trial = 0; trial < 500; trial++)
        {
            builder.Clear();
            var reference = new List<Product<Timestamp, Timestamp>>();
            var times = new Product<Timestamp, Timestamp>[rng.Next(12)];
            for (int i = 0; i < times.Length; i++)
            {
                times[i] = RandomTimes.Product(rng);
                builder.Insert(times[i]).Should().Be(ReferenceInsert(reference, times[i]));
            }

            string context = $"seed {RandomTimes.Seed}, trial {trial}: {string.Join(", ", times)}";
            var built = builder.ToAntichain();
            // Same elements in the same order as the in-place insert this type used to have.
            built.Elements.ToArray().Should().Equal(reference, context);
            Antichain<Product<Timestamp, Timestamp>>.From(times).Elements.ToArray().Should().Equal(reference, context);
            foreach (var x in built)
            {
                built.Elements.ToArray().Count(y => x.LessEqual(y)).Should().Be(1, $"no element <= another in {context}");
            }

            // The builder goes on after ToAntichain, and the antichain it gave does not follow it.
            builder.Insert(new(0, 0));
            built.Elements.ToArray().Should().Equal(reference, context);
            builder.ToAntichain().Elements.ToArray().Should().Equal(
                reference.Count == 1 && reference[0].Equals(new(0, 0)) ? reference : [new(0, 0)], context);
        }
    }

    [Fact]
    public void Join_and_meet_give_the_elements_the_mutable_insert_gave()
    {
        var rng = new Random(RandomTimes.Seed);
        for (int trial = 0; trial < 500; trial++)
        {
            var a = RandomTimes.Antichain(rng, RandomTimes.Product);
            var b = RandomTimes.Antichain(rng, RandomTimes.Product);
            var join = new List<Product<Timestamp, Timestamp>>();
            foreach (var x in a)
            {
                foreach (var y in b)
                {
                    ReferenceInsert(join, x.Join(y));
                }
            }

            var meet = a.Elements.ToArray().ToList();
            foreach (var y in b)
            {
                ReferenceInsert(meet, y);
            }

            string context = $"seed {RandomTimes.Seed}, trial {trial}: a = {a}, b = {b}";
            Antichain<Product<Timestamp, Timestamp>>.Join(a, b).Elements.ToArray().Should().Equal(join, context);
            Antichain<Product<Timestamp, Timestamp>>.Meet(a, b).Elements.ToArray().Should().Equal(meet, context);
        }
    }

    [Fact]
    public void Minimum_and_empty_are_shared_instances()
    {
        var minimum = Antichain<Timestamp>.AtMinimum();
        Antichain<Timestamp>.AtMinimum().Should().BeSameAs(minimum);
        minimum.Elements.ToArray().Should().Equal((Timestamp)0);
        Antichain<Product<Timestamp, Timestamp>>.AtMinimum().Should().BeSameAs(Antichain<Product<Timestamp, Timestamp>>.AtMinimum());
        Antichain<Timestamp>.Empty.Should().BeSameAs(Antichain<Timestamp>.Empty);
        Antichain<Timestamp>.Empty.IsEmpty.Should().BeTrue();
        Antichain<Timestamp>.From([]).Should().BeSameAs(Antichain<Timestamp>.Empty);
        new AntichainBuilder<Timestamp>().ToAntichain().Should().BeSameAs(Antichain<Timestamp>.Empty);
        Antichain<Timestamp> none = [];
        none.Should().BeSameAs(Antichain<Timestamp>.Empty, "an empty collection expression allocates nothing");
    }

    [Fact]
    public void Antichain_has_no_public_mutator()
    {
        var type = typeof(Antichain<Timestamp>);
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => m.Name)
            .Should().BeEquivalentTo(
                ["get_Count", "get_IsEmpty", "get_Elements", "GetEnumerator", "LessEqual", "LessEqual", "LessThan", "SetEquals", "ToString"],
                "an antichain is read-only: the builder is the only way to insert");
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Should().OnlyContain(p => !p.CanWrite);
        type.GetFields(BindingFlags.NonPublic | BindingFlags.Instance).Should().OnlyContain(f => f.IsInitOnly);
    }

    // The in-place insert Antichain<T> had before it became immutable, over a list: the behaviour to keep.
    private static bool ReferenceInsert<T>(List<T> elements, T element)
        where T : ILattice<T>
    {
        if (elements.Exists(e => e.LessEqual(element)))
        {
            return false;
        }

        elements.RemoveAll(e => element.LessEqual(e));
        elements.Add(element);
        return true;
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
    public void SetEquals_ignores_insertion_order()
    {
        Antichain<Product<Timestamp, Timestamp>> a = [new(0, 2), new(2, 0)];
        Antichain<Product<Timestamp, Timestamp>> b = [new(2, 0), new(0, 2)];
        a.SetEquals(b).Should().BeTrue();
        a.SetEquals([new(0, 2)]).Should().BeFalse();
        a.SetEquals([new(0, 2), new(2, 1)]).Should().BeFalse();
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
