using System.Globalization;
using Traces.Conformance;

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

    [Fact]
    [Trait("Runs", "model")]
    public void Random_inserts_match_a_sorted_set_and_seeks_find_the_right_place() =>
        ModelRun.Check("lsm: skip list against a sorted set", (choices, log) =>
        {
            var list = new SkipList<int, string, IntOrder>();
            var model = new SortedSet<int>();
            // Keys from 0 to 2^n - 1: small ranges repeat keys, large ones grow tall lists.
            int keys = 1 << choices.Next(1, 14);
            log.Write("var list = new SkipList<int, string, IntOrder>();");
            for (int step = 1; step <= 3_000 && !choices.Exhausted; step++)
            {
                int key = choices.Next(-1, keys + 1);
                if (choices.Next(10) < 7)
                {
                    string value = key.ToString(CultureInfo.InvariantCulture);
                    bool added = model.Add(key);
                    log.Write($"list.TryAdd({key}, \"{value}\").Should().Be{added}();");
                    list.TryAdd(key, value).Should().Be(added, "step {0}: TryAdd({1}) adds a key the set lacks", step, key);
                }
                else
                {
                    bool after = choices.Next(2) == 0;
                    int? expected = model.GetViewBetween(after ? key + 1 : key, int.MaxValue) is { Count: > 0 } rest ? rest.Min : null;
                    string call = after ? $"list.SeekAfter({key})" : $"list.SeekAtOrAfter({key})";
                    var position = after ? list.SeekAfter(key) : list.SeekAtOrAfter(key);
                    log.Write(expected is { } found ? $"{call}.Key.Should().Be({found});" : $"{call}.IsValid.Should().BeFalse();");
                    (position.IsValid ? position.Key : (int?)null).Should().Be(expected, "step {0}: {1} lands on the set's next key", step, call);
                }
            }

            log.Write($"list.Count.Should().Be({model.Count});");
            list.Count.Should().Be(model.Count, "the list holds each added key once");
            log.Write(model.Count == 0 ? "Walk(list.First).Should().BeEmpty();" : $"Walk(list.First).Should().Equal({string.Join(", ", model)});");
            Walk(list.First).Should().Equal(model, "a walk from the first entry lists the set in order");
        }, sequences: 200, maxChoices: 4_000);

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
