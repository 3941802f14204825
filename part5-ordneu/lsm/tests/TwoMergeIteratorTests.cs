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

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Random_pairs_match_a_newest_wins_model(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 50; round++)
        {
            List<(string Key, string Value)> Side(string tag) => Enumerable.Range(0, random.Next(0, 15))
                .Select(_ => $"k{random.Next(20):D2}").Distinct().Order(StringComparer.Ordinal)
                .Select(k => (k, $"{tag}{k}")).ToList();
            var newer = Side("n");
            var older = Side("o");
            var model = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in older.Concat(newer))
            {
                model[key] = value;
            }

            Drain(new TwoMergeIterator<MockIterator, MockIterator>(new MockIterator(newer), new MockIterator(older)))
                .Should().Equal(model.Select(e => (e.Key, e.Value)), $"seed {seed}, round {round}");
        }
    }
}
