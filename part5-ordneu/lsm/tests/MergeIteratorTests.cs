using Traces.Conformance;
using static Traces.Lsm.Tests.IteratorAssertions;

namespace Traces.Lsm.Tests;

[Trait("Part", "lsm")]
public sealed class MergeIteratorTests
{
    private static MockIterator Mock(params string[] keyValues) => new(Pairs(keyValues));

    private static MergeIterator<MockIterator> Merge(params MockIterator[] inputs) => new(inputs);

    [Fact]
    public void Equal_keys_take_the_value_of_the_lowest_index_and_tombstones_pass_through()
    {
        MockIterator[] Inputs() =>
        [
            Mock("a", "1.1", "b", "2.1", "c", "3.1", "e", ""),
            Mock("a", "1.2", "b", "2.2", "c", "3.2", "d", "4.2"),
            Mock("b", "2.3", "c", "3.3", "d", "4.3"),
        ];

        var merged = Merge(Inputs());
        merged.NumActiveIterators.Should().Be(3);
        Drain(merged).Should().Equal(Pairs("a", "1.1", "b", "2.1", "c", "3.1", "d", "4.2", "e", ""));
        merged.NumActiveIterators.Should().Be(0);

        var inputs = Inputs();
        Drain(Merge(inputs[2], inputs[0], inputs[1]))
            .Should().Equal(Pairs("a", "1.1", "b", "2.3", "c", "3.3", "d", "4.3", "e", ""));
    }

    [Fact]
    public void Disjoint_inputs_give_the_same_output_in_any_order_with_empty_inputs_anywhere()
    {
        MockIterator[] Inputs() =>
        [
            Mock("a", "1.1", "b", "2.1", "c", "3.1"),
            Mock("d", "1.2", "e", "2.2", "f", "3.2", "g", "4.2"),
            Mock("h", "1.3", "i", "2.3", "j", "3.3", "k", "4.3"),
            Mock(),
        ];
        var expected = Drain(Merge(Inputs()));
        expected.Select(e => e.Key).Should().Equal("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");

        foreach (var order in Permutations([0, 1, 2, 3]))
        {
            var inputs = Inputs();
            Drain(Merge(order.Select(i => inputs[i]).ToArray())).Should().Equal(expected, string.Join(",", order));
        }
    }

    [Fact]
    public void No_inputs_or_only_empty_inputs_make_an_invalid_merge()
    {
        var none = Merge();
        none.IsValid.Should().BeFalse();
        none.NumActiveIterators.Should().Be(0);
        Merge(Mock(), Mock()).IsValid.Should().BeFalse();
        Drain(Merge(Mock("a", "1", "b", "2", "c", "3"), Mock())).Should().Equal(Pairs("a", "1", "b", "2", "c", "3"));
    }

    [Fact]
    public void Null_inputs_are_rejected()
    {
        FluentActions.Invoking(() => new MergeIterator<MockIterator>(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new MergeIterator<MockIterator>([Mock("a", "1"), null!])).Should().Throw<ArgumentNullException>();
    }

    #region failing-sibling
    [Fact]
    public void A_failing_sibling_makes_next_throw_once_and_is_never_touched_again()
    {
        var failing = new MockIterator(Pairs("a", "1.1", "b", "2.1", "c", "3.1"), failAt: 1);
        var merged = Merge(
            Mock("a", "1.1", "b", "2.1", "c", "3.1"),
            Mock("a", "1.1", "b", "2.1", "c", "3.1"),
            failing);
        FluentActions.Invoking(merged.Next).Should().Throw<MockIteratorFailure>();
        merged.NumActiveIterators.Should().Be(2);

        // The step completed on the healthy inputs, and the merge carries on from them.
        Drain(merged).Should().Equal(Pairs("b", "2.1", "c", "3.1"));
        failing.TouchedAfterFailure.Should().BeFalse();
    }
    #endregion

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_child_failing_anywhere_surfaces_exactly_once(int failingIndex)
    {
        for (var failAt = 1; failAt <= 3; failAt++)
        {
            var inputs = new[]
            {
                Mock("a", "0", "c", "0", "e", "0", "g", "0"),
                Mock("b", "1", "c", "1", "f", "1", "g", "1"),
                Mock("a", "2", "d", "2", "e", "2", "h", "2"),
            };
            var failing = new MockIterator(
                Pairs(failingIndex switch { 0 => ["a", "0", "c", "0", "e", "0", "g", "0"], 1 => ["b", "1", "c", "1", "f", "1", "g", "1"], _ => ["a", "2", "d", "2", "e", "2", "h", "2"] }),
                failAt);
            inputs[failingIndex] = failing;
            var merged = Merge(inputs);
            var failures = 0;
            var keys = new List<string>();
            while (merged.IsValid)
            {
                keys.Add(S(merged.Key));
                try
                {
                    merged.Next();
                }
                catch (MockIteratorFailure)
                {
                    failures++;
                }
            }

            failures.Should().Be(1, $"input {failingIndex} failing at {failAt}");
            failing.TouchedAfterFailure.Should().BeFalse($"input {failingIndex} failing at {failAt}");
            keys.Should().BeInAscendingOrder(StringComparer.Ordinal).And.OnlyHaveUniqueItems();
        }
    }

    [Fact]
    public void A_fused_merge_stops_for_good_at_the_first_failure()
    {
        var failing = new MockIterator(Pairs("a", "x", "b", "x", "c", "x"), failAt: 2);
        var fused = new FusedIterator<MergeIterator<MockIterator>>(Merge(Mock("a", "y", "c", "y"), failing));
        fused.Next();
        S(fused.Key).Should().Be("b");
        FluentActions.Invoking(fused.Next).Should().Throw<MockIteratorFailure>();
        fused.IsValid.Should().BeFalse();
        FluentActions.Invoking(fused.Next).Should().Throw<InvalidOperationException>().WithInnerException<MockIteratorFailure>();
        FluentActions.Invoking(fused.Next).Should().Throw<InvalidOperationException>();
        failing.TouchedAfterFailure.Should().BeFalse();
    }

    [Fact]
    [Trait("Runs", "model")]
    public void Random_inputs_match_a_newest_wins_model() =>
        ModelRun.Check("lsm: merge iterator against newest wins", (choices, log) =>
        {
            var lists = new List<(string Key, string Value)>[choices.Next(0, 6)];
            for (int i = 0; i < lists.Length; i++)
            {
                var keys = new SortedSet<string>(StringComparer.Ordinal);
                for (int length = choices.Next(0, 20); keys.Count < length && !choices.Exhausted;)
                {
                    keys.Add($"k{choices.Next(30):D2}");
                }

                // A quarter of the entries are tombstones (empty values); a value names its input.
                lists[i] = [];
                foreach (string key in keys)
                {
                    lists[i].Add((key, choices.Next(4) == 0 ? "" : $"{i}:{key}"));
                }
            }

            var model = new SortedDictionary<string, string>(StringComparer.Ordinal);
            for (int i = lists.Length - 1; i >= 0; i--)
            {
                foreach (var (key, value) in lists[i])
                {
                    model[key] = value; // lower indexes are written last: they win
                }
            }

            var expected = model.Select(e => (e.Key, e.Value)).ToList();
                        log.Write($"Drain(Merge({string.Join(", ", lists.Select(l => $"Mock({Arguments(l)})"))})){EqualsCode(expected)}");

            Drain(Merge([.. lists.Select(l => new MockIterator(l))])).Should().Equal(expected, "the lowest-indexed input holding a key wins it");
        }, sequences: 1_000, maxChoices: 200);

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
