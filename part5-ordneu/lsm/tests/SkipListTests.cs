namespace Traces.Lsm.Tests;

[Trait("Part", "lsm")]
public sealed class SkipListTests
{
    private readonly struct IntOrder : IComparer<int>
    {
        public int Compare(int x, int y) => x.CompareTo(y);
    }

    private static List<int> Walk(SkipList<int, string, IntOrder>.Position position)
    {
        var keys = new List<int>();
        for (; position.IsValid; position = position.Next())
        {
            keys.Add(position.Key);
        }

        return keys;
    }

    [Fact]
    public void An_empty_list_has_no_first_entry_and_seeks_find_nothing()
    {
        var list = new SkipList<int, string, IntOrder>();
        list.Count.Should().Be(0);
        list.First.IsValid.Should().BeFalse();
        list.SeekAtOrAfter(5).IsValid.Should().BeFalse();
        list.SeekAfter(5).IsValid.Should().BeFalse();
        // Reading past the end is an InvalidOperationException, not a null dereference.
        FluentActions.Invoking(() => list.First.Key).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => list.First.Next()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_duplicate_key_is_refused_and_the_first_value_kept()
    {
        var list = new SkipList<int, string, IntOrder>();
        list.TryAdd(3, "three").Should().BeTrue();
        list.TryAdd(3, "again").Should().BeFalse();
        list.Count.Should().Be(1);
        list.First.Value.Should().Be("three");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_inserts_match_a_sorted_set_and_seeks_find_the_right_place(int seed)
    {
        var random = new Random(seed);
        var list = new SkipList<int, string, IntOrder>();
        var model = new SortedSet<int>();
        for (var i = 0; i < 3000; i++)
        {
            var key = random.Next(5000);
            list.TryAdd(key, key.ToString(System.Globalization.CultureInfo.InvariantCulture)).Should().Be(model.Add(key), $"seed {seed}");
        }

        list.Count.Should().Be(model.Count, $"seed {seed}");
        Walk(list.First).Should().Equal(model, $"seed {seed}");
        for (var probe = -1; probe <= 5001; probe += 7)
        {
            var atOrAfter = list.SeekAtOrAfter(probe);
            var after = list.SeekAfter(probe);
            var expectedAtOrAfter = model.GetViewBetween(probe, int.MaxValue).Cast<int?>().FirstOrDefault();
            var expectedAfter = model.GetViewBetween(probe + 1, int.MaxValue).Cast<int?>().FirstOrDefault();
            (atOrAfter.IsValid ? atOrAfter.Key : (int?)null).Should().Be(expectedAtOrAfter, $"seed {seed}, probe {probe}");
            (after.IsValid ? after.Key : (int?)null).Should().Be(expectedAfter, $"seed {seed}, probe {probe}");
        }
    }

    [Fact]
    public void A_held_position_meets_inserts_ahead_of_it_and_not_behind_it()
    {
        var list = new SkipList<int, string, IntOrder>();
        foreach (var key in new[] { 10, 20, 30 })
        {
            list.TryAdd(key, "x");
        }

        var position = list.SeekAtOrAfter(20);
        list.TryAdd(5, "behind");
        list.TryAdd(15, "behind");
        list.TryAdd(25, "ahead");
        list.TryAdd(40, "ahead");
        position.Key.Should().Be(20);
        Walk(position).Should().Equal(20, 25, 30, 40);
        Walk(list.First).Should().Equal(5, 10, 15, 20, 25, 30, 40);
    }
}
