using Traces.Junctions;

namespace Traces.Junctions.Tests;

/// <summary>The spec's checklist, checked on a junction's two sides after every operation.</summary>
internal static class Invariants
{
    public static void Check<TLeft, TRight>(PairMap<TLeft, TRight> fwd, PairMap<TRight, TLeft> bwd)
        where TLeft : IComparable<TLeft>
        where TRight : IComparable<TRight>
    {
        var forward = CheckSide(fwd);
        var backward = CheckSide(bwd);

        // Forward equals flipped backward.
        var flipped = backward.Select(p => (p.Value, p.Key)).ToList();
        flipped.Sort((x, y) => x.Item1.CompareTo(y.Item1) is int c && c != 0 ? c : x.Item2.CompareTo(y.Item2));
        forward.Should().Equal(flipped, "the forward side must equal the flipped backward side");
    }

    /// <summary>Checks one side against its own iteration and returns its pairs.</summary>
    public static List<(TKey Key, TVal Value)> CheckSide<TKey, TVal>(PairMap<TKey, TVal> side)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
    {
        var pairs = side.ToList();
        for (int i = 1; i < pairs.Count; i++)
        {
            int order = pairs[i - 1].Key.CompareTo(pairs[i].Key);
            (order < 0 || (order == 0 && pairs[i - 1].Value.CompareTo(pairs[i].Value) < 0))
                .Should().BeTrue("pairs are unique and ascending ({0} then {1})", pairs[i - 1], pairs[i]);
            if (side is ToOne<TKey, TVal>)
            {
                order.Should().NotBe(0, "a to-one side has unique keys");
            }
        }

        side.Count.Should().Be(pairs.Count, "Count equals the iteration count");
        var keys = side.Keys.ToList();
        keys.Should().Equal(pairs.Select(p => p.Key).Distinct(), "Keys lists each key of the pairs once");
        side.KeysCount.Should().Be(keys.Count, "KeysCount equals the Keys count");
        side.Values.Should().Equal(pairs.Select(p => p.Value));
        side.Reverse().Should().Equal(Enumerable.Reverse(pairs), "reverse iteration is the mirror of forward");
        side.Keys.Reverse().Should().Equal(Enumerable.Reverse(keys));
        foreach (var key in keys)
        {
            side.ContainsKey(key).Should().BeTrue();
        }

        if (side is ToMany<TKey, TVal> many)
        {
            var sets = many.Sets.ToList();
            sets.Select(s => s.Key).Should().Equal(keys);
            foreach (var set in sets)
            {
                var values = set.ToList();
                values.Should().Equal(pairs.Where(p => p.Key.CompareTo(set.Key) == 0).Select(p => p.Value));
                set.Count.Should().Be(values.Count, "a set view's Count equals its iteration count");
                set.Reverse().Should().Equal(Enumerable.Reverse(values));
            }
        }

        return pairs;
    }
}
