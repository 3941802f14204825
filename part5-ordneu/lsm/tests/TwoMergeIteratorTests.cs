using Traces.Conformance;
using static Traces.Lsm.Tests.IteratorAssertions;

namespace Traces.Lsm.Tests;

[Trait("Part", "lsm")]
public sealed class TwoMergeIteratorTests
{
    private static MockIterator Mock(params string[] keyValues) => new(Pairs(keyValues));

    [Fact]
    public void The_first_input_wins_ties_and_the_second_skips_its_duplicate()
    {
        var merged = new TwoMergeIterator<MockIterator, MockIterator>(
            Mock("a", "new", "c", "new", "d", ""),
            Mock("a", "old", "b", "old", "c", "old", "d", "old", "e", "old"));
        merged.NumActiveIterators.Should().Be(2);
        Drain(merged).Should().Equal(Pairs("a", "new", "b", "old", "c", "new", "d", "", "e", "old"));
    }

    [Fact]
    public void Empty_sides_are_handled()
    {
        new TwoMergeIterator<MockIterator, MockIterator>(Mock(), Mock()).IsValid.Should().BeFalse();
        Drain(new TwoMergeIterator<MockIterator, MockIterator>(Mock(), Mock("a", "1"))).Should().Equal(Pairs("a", "1"));
        Drain(new TwoMergeIterator<MockIterator, MockIterator>(Mock("a", "1"), Mock())).Should().Equal(Pairs("a", "1"));
    }

    [Fact]
    public void Different_input_types_combine()
    {
        var table = new MemTable();
        table.Put(B("b"), B("table"), 1);
        var merged = new TwoMergeIterator<MemTableIterator, MergeIterator<MockIterator>>(
            table.Scan(default, default),
            new MergeIterator<MockIterator>([Mock("a", "m", "b", "m"), Mock("c", "m")]));
        merged.NumActiveIterators.Should().Be(3);
        Drain(merged).Should().Equal(Pairs("a", "m", "b", "table", "c", "m"));
    }

    [Fact]
    public void Null_inputs_are_rejected()
    {
        FluentActions.Invoking(() => new TwoMergeIterator<MockIterator, MockIterator>(null!, Mock()))
            .Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new TwoMergeIterator<MockIterator, MockIterator>(Mock(), null!))
            .Should().Throw<ArgumentNullException>();
    }

    [Fact]
    [Trait("Runs", "model")]
    public void Random_pairs_match_a_newest_wins_model() =>
        ModelRun.Check("lsm: two-merge iterator against newest wins", (choices, log) =>
        {
            List<(string Key, string Value)> Side(string tag)
            {
                var keys = new SortedSet<string>(StringComparer.Ordinal);
                for (int length = choices.Next(0, 15); keys.Count < length && !choices.Exhausted;)
                {
                    keys.Add($"k{choices.Next(20):D2}");
                }

                return [.. keys.Select(k => (k, tag + k))];
            }

            var newer = Side("n");
            var older = Side("o");
            var model = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in older.Concat(newer))
            {
                model[key] = value;
            }

            var expected = model.Select(e => (e.Key, e.Value)).ToList();
                        log.Write($"Drain(new TwoMergeIterator<MockIterator, MockIterator>(Mock({Arguments(newer)}), Mock({Arguments(older)}))){EqualsCode(expected)}");

            Drain(new TwoMergeIterator<MockIterator, MockIterator>(new MockIterator(newer), new MockIterator(older)))
                .Should().Equal(expected, "the newer input wins a key both hold");
        }, sequences: 1_000, maxChoices: 100);
}
