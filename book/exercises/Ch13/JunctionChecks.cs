using Traces.Junctions;

namespace Exercises.Ch13;

#region give-check
/// <summary>
/// The check for your "give everything" operation: subclass it, move every item of one owner to
/// another, and run <c>dotnet test</c>. It runs on both shipped backings.
/// </summary>
public abstract class GiveAllCheck
{
    protected abstract void GiveAll(OneToMany<string, int> inventory, string from, string to);
#endregion

    public static TheoryData<string> Backings => ["memory", "trace"];

    [Theory]
    [Trait("Part", "exercises")]
    [MemberData(nameof(Backings))]
    public void Every_item_moves_and_nothing_else_does(string backing)
    {
        var inventory = new OneToMany<string, int>(
            backing == "memory" ? Traces.Junctions.Backings.InMemory : Traces.Junctions.Backings.Trace);
        string[] owners = ["ada", "bob", "cy"];
        var random = new Random(131);
        for (int item = 0; item < 300; item++)
        {
            inventory.Fwd.Insert(owners[random.Next(3)], item);
        }

        var adas = inventory.Fwd.Get("ada").ToList();
        var bobs = inventory.Fwd.Get("bob").ToList();
        var cys = inventory.Fwd.Get("cy").ToList();
        adas.Should().NotBeEmpty();

        GiveAll(inventory, "ada", "bob");

        inventory.Fwd.Get("ada").Should().BeEmpty();
        inventory.Fwd.ContainsKey("ada").Should().BeFalse();
        inventory.Fwd.Get("bob").Should().Equal(adas.Concat(bobs).Order());
        inventory.Fwd.Get("cy").Should().Equal(cys);
        foreach (int item in adas)
        {
            inventory.Bwd.Get(item).Should().Be(Optional<string>.Some("bob"));
        }
    }
}

#region store-check
/// <summary>
/// The check for a backing of your own: subclass it, name your factory, and run <c>dotnet test</c>.
/// A store it makes must answer every question as the in-memory store does, through a seeded run of
/// adds, removes and seeks; and a junction on it must keep the passage rule.
/// </summary>
public abstract class PairStoreCheck
{
    protected abstract IPairStoreFactory Backing { get; }
#endregion

    [Theory]
    [Trait("Part", "exercises")]
    [InlineData(132)]
    [InlineData(133)]
    public void The_store_answers_as_the_in_memory_store_does(int seed)
    {
        var random = new Random(seed);
        var store = Backing.Create<string, int>();
        var reference = Traces.Junctions.Backings.InMemory.Create<string, int>();
        string Key() => "k" + random.Next(30).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        for (int step = 0; step < 3000; step++)
        {
            var (key, value) = (Key(), random.Next(10));
            if (random.Next(3) == 0)
            {
                store.Remove(key, value).Should().Be(reference.Remove(key, value));
            }
            else
            {
                store.Add(key, value).Should().Be(reference.Add(key, value));
            }

            (store.Count, store.KeyCount).Should().Be((reference.Count, reference.KeyCount));
            var probe = random.Next(3) switch
            {
                0 => Probe<string, int>.BeforeKey(Key()),
                1 => Probe<string, int>.AfterKey(Key()),
                _ => Probe<string, int>.At(Key(), random.Next(10)),
            };
            Seek(store, probe, after: true).Should().Be(Seek(reference, probe, after: true));
            Seek(store, probe, after: false).Should().Be(Seek(reference, probe, after: false));
            store.Contains(key, value).Should().Be(reference.Contains(key, value));
            (store.TryFirst(out var k1, out var v1), k1, v1).Should().Be((reference.TryFirst(out var k2, out var v2), k2, v2));
            (store.TryLast(out k1, out v1), k1, v1).Should().Be((reference.TryLast(out k2, out v2), k2, v2));
        }
    }

    [Fact]
    [Trait("Part", "exercises")]
    public void A_junction_on_the_store_keeps_the_passage_rule()
    {
        var relation = new ManyToMany<string, int>(Backing);
        foreach (int value in new[] { 1, 2, 4, 5 })
        {
            relation.Fwd.Insert("k", value);
        }

        var walk = relation.Fwd.Get("k").Iterate();
        var seen = new List<int>();
        for (int i = 0; i < 3 && walk.TryNext(out int item); i++)
        {
            seen.Add(item);
        }

        relation.Fwd.Remove("k", 4); // the element just returned
        relation.Fwd.Insert("k", 3); // behind the walk
        relation.Fwd.Insert("k", 6); // ahead of it
        while (walk.TryNext(out int item))
        {
            seen.Add(item);
        }

        seen.Should().Equal(1, 2, 4, 5, 6);
    }

    private static (bool, string?, int) Seek(PairStore<string, int> store, Probe<string, int> probe, bool after)
    {
        bool found = after
            ? store.TrySeekAfter(probe, out var key, out int value)
            : store.TrySeekBefore(probe, out key, out value);
        return found ? (true, key, value) : (false, null, 0);
    }
}

/// <summary>The give-all check against the worked answer.</summary>
public sealed class GiveAllAnswer : GiveAllCheck
{
    protected override void GiveAll(OneToMany<string, int> inventory, string from, string to) =>
        Ch13.GiveAll.Move(inventory, from, to);
}

/// <summary>The store check against the worked answer.</summary>
public sealed class SortedSetPairStoreAnswer : PairStoreCheck
{
    protected override IPairStoreFactory Backing => SortedSetBacking.Instance;
}

/// <summary>The shipped trace backing passes the same store check.</summary>
public sealed class TracePairStoreCheck : PairStoreCheck
{
    protected override IPairStoreFactory Backing => Traces.Junctions.Backings.Trace;
}

public sealed class JunctionChecksCatch
{
    // Walks the set by position, as one would a list: every removal shifts the next item into the
    // slot.
    private sealed class ByIndex : GiveAllCheck
    {
        protected override void GiveAll(OneToMany<string, int> inventory, string from, string to)
        {
            var items = inventory.Fwd.Get(from);
            for (int i = 0; i < items.Count; i++)
            {
                inventory.Fwd.Insert(to, items.ElementAt(i));
            }
        }
    }

    [Fact]
    [Trait("Part", "exercises")]
    public void A_walk_by_position_fails_the_check() =>
        FluentActions.Invoking(() => new ByIndex().Every_item_moves_and_nothing_else_does("memory"))
            .Should().Throw<Exception>();
}
