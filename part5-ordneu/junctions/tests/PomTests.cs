using Traces.Junctions;

namespace Traces.Junctions.Tests;

[Trait("Part", "junctions")]
public sealed class PomTests
{
    [Fact]
    public void Ids_start_at_one_grow_by_one_and_are_never_reused()
    {
        var pom = new Pom<string>();
        pom.Insert("a").Should().Be(new Id(1));
        pom.Insert("b").Should().Be(new Id(2));
        pom.Remove(new Id(2)).Should().BeTrue();
        pom.Insert("c").Should().Be(new Id(3));
        pom.Should().Equal((new Id(1), "a"), (new Id(3), "c"));
        pom.Count.Should().Be(2);
    }

    [Fact]
    public void Removed_and_unissued_ids_get_documented_answers()
    {
        var pom = new Pom<string>();
        var id = pom.Insert("a");
        pom.Remove(id).Should().BeTrue();

        foreach (var absent in new[] { id, new Id(0), new Id(99) })
        {
            pom.Remove(absent).Should().BeFalse("an absent id removes nothing");
            pom.Contains(absent).Should().BeFalse();
            pom.Get(absent).HasValue.Should().BeFalse("Get returns none for an absent id");
            pom.TryGet(absent, out _).Should().BeFalse();
            FluentActions.Invoking(() => pom[absent]).Should().Throw<KeyNotFoundException>().WithMessage("*removed or never issued*");
            FluentActions.Invoking(() => pom[absent] = "x").Should().Throw<KeyNotFoundException>();
        }

        pom.Count.Should().Be(0);
        FluentActions.Invoking(() => pom.Insert(null!)).Should().Throw<ArgumentNullException>();
        pom.Count.Should().Be(0);
    }

    [Fact]
    public void Values_can_be_replaced_in_place()
    {
        var pom = new Pom<int>();
        var id = pom.Insert(1);
        pom[id] = 5;
        pom[id].Should().Be(5);
        pom.Get(id).Should().Be(Optional<int>.Some(5));
    }

    [Fact]
    public void Iteration_follows_the_passage_rule_across_compaction()
    {
        var pom = new Pom<int>();
        for (int i = 1; i <= 10; i++)
        {
            pom.Insert(i * 10);
        }

        var walk = pom.Iterate();
        walk.TryNext(out var first).Should().BeTrue();
        first.Should().Be((new Id(1), 10));

        // Removing most entries compacts the arrays; the walk re-seeks by id and carries on.
        for (ulong id = 1; id <= 8; id++)
        {
            pom.Remove(new Id(id));
        }

        var added = pom.Insert(110);
        walk.TryNextBack(out var last).Should().BeTrue();
        last.Id.Should().Be(added);
        JunctionBehaviour.Rest(walk).Select(e => e.Value).Should().Equal(90, 100);
        pom.Reverse().Select(e => e.Id.Value).Should().Equal(11UL, 10UL, 9UL);
    }

    [Fact]
    public void Random_inserts_and_removes_agree_with_a_sorted_dictionary()
    {
        const int seed = 17;
        var random = new Random(seed);
        var pom = new Pom<int>();
        var model = new SortedDictionary<ulong, int>();
        var walk = pom.Iterate();
        ulong lastSeen = 0;
        for (int step = 0; step < 2000; step++)
        {
            if (random.Next(3) > 0 || model.Count == 0)
            {
                int value = random.Next();
                model.Add(pom.Insert(value).Value, value);
            }
            else
            {
                ulong id = model.Keys.ElementAt(random.Next(model.Count));
                pom.Remove(new Id(id)).Should().BeTrue();
                model.Remove(id);
            }

            if (random.Next(10) == 0 && walk.TryNext(out var entry))
            {
                entry.Id.Value.Should().Be(model.Keys.First(k => k > lastSeen), "seed {0}, step {1}", seed, step);
                lastSeen = entry.Id.Value;
            }
        }

        pom.Select(e => (e.Id.Value, e.Value)).Should().Equal(model.Select(p => (p.Key, p.Value)));
        pom.Count.Should().Be(model.Count);
    }

    [Fact]
    public void FloatingPom_handles_survive_removal()
    {
        var pom = new FloatingPom<string>();
        var id = pom.Insert("plush");
        var handle = pom.Get(id)!;
        handle.Value.Should().Be("plush");
        handle.Id.Should().Be(id);

        handle.Value = "fangs";
        pom.TryGetValue(id, out var seen).Should().BeTrue();
        seen.Should().Be("fangs", "every holder shares the handle");

        pom.Remove(id).Should().BeTrue();
        handle.IsRemoved.Should().BeTrue();
        handle.Value.Should().Be("fangs", "the handle outlives the entry");
        pom.Get(id).Should().BeNull("a removed id has no handle");
        pom.Remove(id).Should().BeFalse();
        pom.Contains(id).Should().BeFalse();
        pom.TryGetValue(id, out _).Should().BeFalse();
        FluentActions.Invoking(() => handle.Value = null!).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void FloatingPom_allows_inserts_and_removes_while_iterating()
    {
        var pom = new FloatingPom<int>();
        for (int i = 0; i < 5; i++)
        {
            pom.Insert(i);
        }

        var seen = new List<int>();
        foreach (var handle in pom)
        {
            seen.Add(handle.Value);
            pom.Remove(handle.Id);
            if (handle.Value < 3)
            {
                pom.Insert(handle.Value + 10);
            }
        }

        seen.Should().Equal(0, 1, 2, 3, 4, 10, 11, 12);
        pom.Count.Should().Be(0);
        pom.Reverse().Should().BeEmpty();
    }
}
