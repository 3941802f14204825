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
        Same(forward, flipped, "the forward side must equal the flipped backward side");
    }

    /// <summary>Checks one side against its own iteration and returns its pairs.</summary>
    public static List<(TKey Key, TVal Value)> CheckSide<TKey, TVal>(PairMap<TKey, TVal> side)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
    {
        var pairs = side.ToList();
        for (int i = 1; i < pairs.Count; i++)
        {
            // Messages are formatted only on failure: model runs check thousands of sides.
            int order = pairs[i - 1].Key.CompareTo(pairs[i].Key);
            if (!(order < 0 || (order == 0 && pairs[i - 1].Value.CompareTo(pairs[i].Value) < 0)))
            {
                Assert.Fail($"pairs are unique and ascending ({pairs[i - 1]} then {pairs[i]})");
            }

            if (order == 0 && side is ToOne<TKey, TVal>)
            {
                Assert.Fail($"a to-one side has unique keys ({pairs[i]})");
            }
        }

        if (side.Count != pairs.Count)
        {
            Assert.Fail($"Count equals the iteration count: Count is {side.Count}, iterating yields {pairs.Count} pairs");
        }

        var keys = side.Keys.ToList();
        Same(keys, pairs.Select(p => p.Key).Distinct(), "Keys lists each key of the pairs once");
        if (side.KeysCount != keys.Count)
        {
            Assert.Fail($"KeysCount equals the Keys count: KeysCount is {side.KeysCount}, Keys yields {keys.Count}");
        }

        Same(side.Values, pairs.Select(p => p.Value), "Values follow the pairs");
        Same(side.Reverse(), Enumerable.Reverse(pairs), "reverse iteration is the mirror of forward");
        Same(side.Keys.Reverse(), Enumerable.Reverse(keys), "reverse keys mirror the keys");
        foreach (var key in keys)
        {
            if (!side.ContainsKey(key))
            {
                Assert.Fail($"ContainsKey({key}) agrees with Keys");
            }
        }

        if (side is ToMany<TKey, TVal> many)
        {
            var sets = many.Sets.ToList();
            Same(sets.Select(s => s.Key), keys, "Sets follow the keys");
            foreach (var set in sets)
            {
                var values = set.ToList();
                Same(values, pairs.Where(p => p.Key.CompareTo(set.Key) == 0).Select(p => p.Value), "a set view shows its key's pairs");
                if (set.Count != values.Count)
                {
                    Assert.Fail($"a set view's Count equals its iteration count: key {set.Key}'s Count is {set.Count}, iterating yields {values.Count}");
                }

                Same(set.Reverse(), Enumerable.Reverse(values), "a set view reversed mirrors it");
            }
        }

        return pairs;
    }

    /// <summary>Compares two sequences cheaply; a mismatch fails with both in full and the first position they differ at.</summary>
    public static void Same<T>(IEnumerable<T> actual, IEnumerable<T> expected, string because)
    {
        var left = actual.ToList();
        var right = expected.ToList();
        if (!left.SequenceEqual(right))
        {
            int first = 0;
            while (first < left.Count && first < right.Count && EqualityComparer<T>.Default.Equals(left[first], right[first]))
            {
                first++;
            }

            Assert.Fail($"{because}: expected [{string.Join(", ", right)}], got [{string.Join(", ", left)}] (first difference at {first})");
        }
    }
}
