namespace Traces.Junctions.Tests;

/// <summary>Where C#'s own collections stand: a write during enumeration fails the enumeration.</summary>
[Trait("Part", "junctions")]
public sealed class DotNetCollectionsTests
{
    [Fact]
    public void Builtin_collections_throw_when_written_during_enumeration()
    {
        #region builtin-collections-throw
        var sorted = new SortedSet<int> { 1, 2, 4, 5 };
        var act = () =>
        {
            foreach (int item in sorted)
            {
                if (item == 2)
                {
                    sorted.Add(3); // the enumerator's version check fails on its next step
                }
            }
        };
        act.Should().Throw<InvalidOperationException>();

        var inventory = new Dictionary<string, List<string>> { ["russell"] = ["stick", "beetle"] };
        var give = () =>
        {
            foreach (var (owner, items) in inventory)
            {
                inventory["jochen"] = ["stick"]; // adding a key invalidates the enumeration
            }
        };
        give.Should().Throw<InvalidOperationException>();
        #endregion
    }

    [Fact]
    public void The_same_walk_over_a_junction_set_carries_on()
    {
        #region junction-set-carries-on
        var sorted = new Traces.Junctions.Set<int>();
        foreach (int item in new[] { 1, 2, 4, 5 })
        {
            sorted.Insert(item);
        }

        var seen = new List<int>();
        foreach (int item in sorted)
        {
            seen.Add(item);
            if (item == 2)
            {
                sorted.Insert(3); // ahead of the iterator: it will be seen
                sorted.Insert(0); // behind it: it will not
            }
        }

        seen.Should().Equal(1, 2, 3, 4, 5);
        #endregion
    }
}
