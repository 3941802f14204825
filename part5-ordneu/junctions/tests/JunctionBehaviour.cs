using Traces.Conformance;
using Traces.Junctions;

namespace Traces.Junctions.Tests;

/// <summary>
/// The junction suite: the spec's examples, the three defects of the original, the passage rule and bad input.
/// Each backing runs it through a subclass naming its <see cref="Backing"/>.
/// </summary>
public abstract class JunctionBehaviour
{
    /// <summary>Gets the backing under test.</summary>
    protected abstract IPairStoreFactory Backing { get; }

    private static void Check<TFwd, TBwd>(Junction<int, int, TFwd, TBwd> junction)
        where TFwd : PairMap<int, int>
        where TBwd : PairMap<int, int> => Invariants.Check(junction.Fwd, junction.Bwd);

    // ---- Cardinality as eviction -------------------------------------------------------------------------

    [Fact]
    public void OneToMany_insert_steals_the_item_from_its_owner()
    {
        var junction = new OneToMany<int, int>(Backing);
        junction.Fwd.Insert(1, 10).Should().BeTrue();
        junction.Fwd.Insert(2, 10).Should().BeTrue();

        junction.Fwd.Should().Equal((2, 10));
        junction.Bwd.Should().Equal((10, 2));
        junction.Fwd.ContainsKey(1).Should().BeFalse();
        junction.Fwd.Get(1).Count.Should().Be(0);
        Check(junction);
    }

    [Fact]
    public void OneToMany_backward_insert_moves_the_item()
    {
        var junction = new OneToMany<int, int>(Backing);
        junction.Fwd.Insert(1, 10);
        junction.Fwd.Insert(1, 11);
        junction.Bwd.Insert(10, 2).Should().Be(Optional<int>.Some(1));

        junction.Fwd.Should().Equal((1, 11), (2, 10));
        junction.Bwd.Get(10).Should().Be(Optional<int>.Some(2));
        Check(junction);
    }

    [Fact]
    public void OneToOne_evicts_in_both_directions_and_leaves_no_orphan()
    {
        var junction = new OneToOne<int, int>(Backing);
        junction.Fwd.Insert(1, 10);
        junction.Fwd.Insert(2, 20);
        junction.Fwd.Insert(1, 20).Should().Be(Optional<int>.Some(10));

        junction.Fwd.Should().Equal((1, 20));
        junction.Bwd.Should().Equal((20, 1));
        junction.Bwd.Get(10).HasValue.Should().BeFalse("10 lost its partner with the pair");
        junction.Fwd.Get(2).HasValue.Should().BeFalse("2 lost its partner to 1");
        Check(junction);

        junction.Bwd.Insert(30, 1).Should().Be(Optional<int>.None);
        junction.Fwd.Should().Equal((1, 30));
        Check(junction);
    }

    [Fact]
    public void ManyToOne_insert_moves_the_left_element()
    {
        var junction = new ManyToOne<int, int>(Backing);
        junction.Fwd.Insert(1, 10).Should().Be(Optional<int>.None);
        junction.Fwd.Insert(2, 10);
        junction.Fwd.Insert(1, 20).Should().Be(Optional<int>.Some(10));

        junction.Fwd.Should().Equal((1, 20), (2, 10));
        junction.Bwd.Get(10).Should().Equal(2);
        junction.Bwd.Get(20).Should().Equal(1);
        Check(junction);
    }

    [Fact]
    public void ManyToMany_never_evicts()
    {
        var junction = new ManyToMany<int, int>(Backing);
        junction.Fwd.Insert(1, 10);
        junction.Fwd.Insert(2, 10);
        junction.Bwd.Insert(10, 3);
        junction.Fwd.Insert(1, 11);
        junction.Fwd.Insert(1, 10).Should().BeFalse("the pair is already there");

        junction.Should().Equal((1, 10), (1, 11), (2, 10), (3, 10));
        junction.Bwd.Get(10).Should().Equal(1, 2, 3);
        Check(junction);
    }

    [Fact]
    public void ToOne_insert_of_the_same_pair_changes_nothing_and_reports_the_value()
    {
        var junction = new OneToOne<int, int>(Backing);
        junction.Fwd.Insert(1, 10);
        junction.Fwd.Insert(1, 10).Should().Be(Optional<int>.Some(10));
        junction.Should().Equal((1, 10));
        Check(junction);
    }

    [Fact]
    public void Remove_on_a_to_one_side_removes_only_the_mapped_pair()
    {
        var junction = new OneToOne<int, int>(Backing);
        junction.Fwd.Insert(1, 10);
        junction.Fwd.Remove(1, 11).Should().BeFalse("1 maps to 10, not 11");
        junction.Bwd.Remove(10, 2).Should().BeFalse();
        junction.Should().Equal((1, 10));
        junction.Bwd.Remove(10, 1).Should().BeTrue();
        junction.Should().BeEmpty();
        Check(junction);
    }

    [Fact]
    public void ToOne_expunge_returns_the_removed_value()
    {
        var junction = new ManyToOne<int, int>(Backing);
        junction.Fwd.Insert(1, 10);
        junction.Fwd.Insert(2, 10);
        junction.Fwd.Expunge(1).Should().Be(Optional<int>.Some(10));
        junction.Fwd.Expunge(1).Should().Be(Optional<int>.None);
        junction.Bwd.Get(10).Should().Equal(2);
        Check(junction);
    }

    // ---- The three defects of the original -----------------------------------------------------------------

    [Fact]
    public void Defect1_insert_through_a_held_set_view_steals_correctly()
    {
        var junction = new OneToMany<int, int>(Backing);
        junction.Fwd.Insert(1, 10);
        var held = junction.Fwd.Get(2);
        held.Insert(10).Should().BeTrue();

        junction.Fwd.Should().Equal((2, 10));
        junction.Bwd.Should().Equal((10, 2));
        held.Should().Equal(10);
        junction.Fwd.Get(1).Should().BeEmpty();
        Check(junction);
    }

    [Fact]
    public void Defect1_insert_through_a_held_set_view_on_the_backward_side_of_ManyToOne()
    {
        var junction = new ManyToOne<int, int>(Backing);
        junction.Fwd.Insert(1, 10);
        junction.Bwd.Get(20).Insert(1).Should().BeTrue();

        junction.Fwd.Should().Equal((1, 20));
        junction.Bwd.Should().Equal((20, 1));
        Check(junction);
    }

    [Fact]
    public void Defect2_expunge_on_a_to_many_side_leaves_no_key_or_count_behind()
    {
        var junction = new ManyToMany<int, int>(Backing);
        junction.Fwd.Insert(1, 10);
        junction.Fwd.Insert(1, 11);
        junction.Fwd.Insert(2, 10);
        var held = junction.Fwd.Get(1);

        junction.Fwd.Expunge(1).Should().Equal(10, 11);

        junction.Fwd.Keys.Should().Equal(2);
        junction.Fwd.ContainsKey(1).Should().BeFalse();
        junction.Fwd.KeysCount.Should().Be(1);
        junction.Fwd.Get(1).Count.Should().Be(0);
        held.Count.Should().Be(0);
        held.Should().BeEmpty();
        junction.Bwd.ContainsKey(11).Should().BeFalse();
        junction.Bwd.KeysCount.Should().Be(1);
        junction.Bwd.Get(10).Should().Equal(2);
        junction.Fwd.Expunge(1).Should().BeEmpty();
        Check(junction);
    }

    [Fact]
    public void Defect3_removing_the_element_just_returned_does_not_skip_its_neighbour()
    {
        var set = NewSet(1, 2, 3, 4);
        var walk = set.Iterate();
        walk.TryNext(out int first).Should().BeTrue();
        first.Should().Be(1);
        set.Remove(1);
        Rest(walk).Should().Equal(2, 3, 4);

        var reverseSet = NewSet(1, 2, 3, 4);
        var back = reverseSet.Iterate();
        back.TryNextBack(out int last).Should().BeTrue();
        last.Should().Be(4);
        reverseSet.Remove(4);
        RestBack(back).Should().Equal(3, 2, 1);
    }

    [Fact]
    public void Defect3_on_junction_pairs_and_set_views()
    {
        var junction = new OneToMany<int, int>(Backing);
        foreach (int item in new[] { 1, 2, 3, 4 })
        {
            junction.Fwd.Insert(7, item);
        }

        var pairs = junction.Fwd.Iterate();
        pairs.TryNext(out var pair).Should().BeTrue();
        junction.Fwd.Remove(pair.Key, pair.Value);
        Rest(pairs).Should().Equal((7, 2), (7, 3), (7, 4));

        var view = junction.Fwd.Get(7);
        var values = view.Iterate();
        values.TryNext(out int value).Should().BeTrue();
        value.Should().Be(2);
        view.Remove(2);
        Rest(values).Should().Equal(3, 4);
        Check(junction);
    }

    // ---- The passage rule ----------------------------------------------------------------------------------

    [Fact]
    public void Passage_forward_sees_what_lies_ahead_but_not_what_it_passed()
    {
        var set = NewSet(1, 2, 4, 5);
        var walk = set.Iterate();
        Take(walk, 3).Should().Equal(1, 2, 4);
        set.Insert(3);
        set.Insert(6);
        Rest(walk).Should().Equal(5, 6);
    }

    [Fact]
    public void Passage_reverse_sees_what_lies_ahead_but_not_what_it_passed()
    {
        var set = NewSet(1, 2, 4, 5);
        var walk = set.Reverse().Iterate();
        Take(walk, 2).Should().Equal(5, 4);
        set.Insert(3);
        set.Insert(6);
        set.Insert(0);
        Rest(walk).Should().Equal(3, 2, 1, 0);
    }

    [Fact]
    public void Passage_over_junction_pairs_skips_an_insert_behind_it()
    {
        const int english = 1;
        var letters = new OneToMany<int, char>(Backing);
        foreach (char letter in "abde")
        {
            letters.Fwd.Insert(english, letter);
        }

        var walk = letters.Fwd.Iterate();
        Take(walk, 3).Should().Equal((english, 'a'), (english, 'b'), (english, 'd'));
        letters.Fwd.Insert(english, 'c');
        Rest(walk).Should().Equal((english, 'e'));
    }

    [Fact]
    public void Passage_reverse_over_a_held_set_view()
    {
        const int english = 1;
        var letters = new OneToMany<int, char>(Backing);
        var englishLetters = letters.Fwd.Get(english);
        foreach (char letter in "abcd")
        {
            letters.Fwd.Insert(english, letter);
        }

        var descending = englishLetters.Reverse().Iterate();
        Take(descending, 3).Should().Equal('d', 'c', 'b');
        letters.Fwd.Insert(english, 'f');
        Rest(descending).Should().Equal('a');
    }

    [Fact]
    public void Passage_removal_ahead_is_not_seen()
    {
        var set = NewSet(1, 2, 3, 4, 5);
        var walk = set.Iterate();
        Take(walk, 1).Should().Equal(1);
        set.Remove(3);
        set.Remove(5);
        Rest(walk).Should().Equal(2, 4);
    }

    [Fact]
    public void Passage_double_ended_never_crosses_and_stays_exhausted()
    {
        var set = NewSet(1, 2, 3, 4, 5);
        var walk = set.Iterate();
        walk.TryNext(out int a).Should().BeTrue();
        walk.TryNextBack(out int b).Should().BeTrue();
        walk.TryNext(out int c).Should().BeTrue();
        walk.TryNextBack(out int d).Should().BeTrue();
        walk.TryNext(out int e).Should().BeTrue();
        new[] { a, b, c, d, e }.Should().Equal(1, 5, 2, 4, 3);
        walk.TryNextBack(out _).Should().BeFalse("the ends have met");

        set.Insert(10);
        set.Insert(0);
        walk.TryNext(out _).Should().BeFalse("an exhausted iterator stays exhausted");
        walk.TryNextBack(out _).Should().BeFalse("an exhausted iterator stays exhausted");
    }

    [Fact]
    public void Passage_double_ended_sees_inserts_between_its_ends()
    {
        var set = NewSet(1, 5);
        var walk = set.Iterate();
        walk.TryNext(out _);
        walk.TryNextBack(out _);
        set.Insert(3);
        set.Insert(0);
        set.Insert(6);
        Rest(walk).Should().Equal(3);
    }

    [Fact]
    public void Passage_exhausted_forward_iterator_ignores_later_inserts()
    {
        var set = NewSet(1, 2);
        var walk = set.Iterate();
        Rest(walk).Should().Equal(1, 2);
        set.Insert(3);
        walk.TryNext(out _).Should().BeFalse();
        walk.MoveNext().Should().BeFalse();
    }

    [Fact]
    public void Passage_writes_from_inside_foreach_never_throw()
    {
        var junction = new ManyToMany<int, int>(Backing);
        for (int i = 0; i < 6; i++)
        {
            junction.Fwd.Insert(i, i * 10);
        }

        var seen = new List<int>();
        foreach (var (left, right) in junction)
        {
            seen.Add(left);
            junction.Fwd.Remove(left, right);
            if (left < 100)
            {
                junction.Fwd.Insert(left + 100, right);
            }

            junction.Bwd.Expunge(right + 10);
        }

        // Each step removed the next pair's right element; the moved pairs lie ahead and are seen.
        seen.Should().Equal(0, 2, 4, 100, 102, 104);
        Check(junction);
    }

    [Fact]
    public void Passage_over_keys_sets_and_values_from_both_ends()
    {
        var junction = new ManyToMany<int, int>(Backing);
        junction.Fwd.Insert(1, 10);
        junction.Fwd.Insert(1, 11);
        junction.Fwd.Insert(2, 10);
        junction.Fwd.Insert(3, 12);

        var keys = junction.Fwd.Keys.Iterate();
        keys.TryNext(out int k).Should().BeTrue();
        k.Should().Be(1);
        junction.Fwd.Insert(1, 13);
        junction.Fwd.Insert(4, 10);
        keys.TryNextBack(out k).Should().BeTrue();
        k.Should().Be(4);
        Rest(keys).Should().Equal(2, 3);

        var sets = junction.Fwd.Sets.Reverse().Iterate();
        sets.TryNext(out var set).Should().BeTrue();
        set!.Key.Should().Be(4);
        junction.Fwd.Insert(0, 99);
        RestBack(sets).Select(s => s.Key).Should().Equal(0, 1, 2, 3);

        junction.Bwd.Values.Reverse().Should().Equal(0, 1, 3, 1, 4, 2, 1);
        junction.Bwd.Keys.Should().Equal(10, 11, 12, 13, 99);
    }

    [Fact]
    public void A_passage_is_an_enumerator_that_cannot_be_reset()
    {
        var set = NewSet(1, 2);
        using var walk = set.Iterate();
        walk.MoveNext().Should().BeTrue();
        walk.Current.Should().Be(1);
        ((System.Collections.IEnumerator)walk).Current.Should().Be(1);
        FluentActions.Invoking(walk.Reset).Should().Throw<NotSupportedException>("start a new passage instead");
        walk.MoveNext().Should().BeTrue();
        walk.Current.Should().Be(2);
        walk.MoveNext().Should().BeFalse();
    }

    // ---- Held set views --------------------------------------------------------------------------------------

    [Fact]
    public void Held_set_views_are_live_in_both_directions()
    {
        const int sylvian = 1, plush = 10, fangs = 11;
        var possessions = new OneToMany<int, int>(Backing);
        var held = possessions.Fwd.Get(sylvian);
        held.Should().BeEmpty();
        held.Count.Should().Be(0);

        possessions.Fwd.Insert(sylvian, plush);
        held.Should().Equal(plush);

        held.Insert(fangs).Should().BeTrue();
        possessions.Should().Equal((sylvian, plush), (sylvian, fangs));
        possessions.Bwd.Get(fangs).Should().Be(Optional<int>.Some(sylvian));
        held.Contains(fangs).Should().BeTrue();
        held.Count.Should().Be(2);

        held.Remove(plush).Should().BeTrue();
        held.Remove(plush).Should().BeFalse();
        possessions.Bwd.ContainsKey(plush).Should().BeFalse();
        Check(possessions);
    }

    // ---- Standalone maps and sets --------------------------------------------------------------------------

    [Fact]
    public void ToOne_is_a_sorted_map()
    {
        var map = new ToOne<string, int>(Backing);
        map.Insert("b", 2).Should().Be(Optional<int>.None);
        map.Insert("a", 1);
        map.Insert("b", 3).Should().Be(Optional<int>.Some(2));
        map.Should().Equal(("a", 1), ("b", 3));
        map.Get("b").Should().Be(Optional<int>.Some(3));
        map.TryGet("c", out _).Should().BeFalse();
        map.Get("c").HasValue.Should().BeFalse();
        map.Contains("a", 1).Should().BeTrue();
        map.Remove("a", 2).Should().BeFalse();
        map.Expunge("a").Should().Be(Optional<int>.Some(1));
        map.Keys.Should().Equal("b");
        map.Values.Should().Equal(3);
        map.Count.Should().Be(1);
        Invariants.CheckSide(map);
    }

    [Fact]
    public void ToMany_is_a_multimap_without_nested_collections()
    {
        var map = new ToMany<string, int>(Backing);
        var held = map.Get("x");
        map.Insert("x", 2).Should().BeTrue();
        map.Insert("x", 1).Should().BeTrue();
        map.Insert("x", 1).Should().BeFalse();
        map.Insert("y", 1).Should().BeTrue();
        held.Should().Equal(1, 2);
        map.Should().Equal(("x", 1), ("x", 2), ("y", 1));
        map.KeysCount.Should().Be(2);
        map.Sets.Select(s => s.Count).Should().Equal(2, 1);
        map.Values.Should().Equal(1, 2, 1);
        map.Expunge("x").Should().Equal(1, 2);
        held.Count.Should().Be(0);
        map.Keys.Should().Equal("y");
        Invariants.CheckSide(map);
    }

    [Fact]
    public void Set_is_a_sorted_set()
    {
        var set = new Set<string>(Backing);
        set.Insert("b").Should().BeTrue();
        set.Insert("a").Should().BeTrue();
        set.Insert("a").Should().BeFalse();
        set.Should().Equal("a", "b");
        set.Reverse().Should().Equal("b", "a");
        set.Contains("a").Should().BeTrue();
        set.Remove("a").Should().BeTrue();
        set.Remove("a").Should().BeFalse();
        set.Count.Should().Be(1);
    }

    [Fact]
    [Trait("Runs", "model")]
    public void Large_sets_keep_order_across_many_chunks() =>
        ModelRun.Check($"junctions: a large set on {BackingNames.Of(Backing)}", (choices, log) =>
        {
            var set = new Set<int>(Backing);
            var model = new SortedSet<int>();
            log.Write("var set = new Set<int>(Backing);");
            // Up to 1 500 operations over 2 000 values: a long run splits the 256-pair chunks many times.
            for (int step = 1; step <= 1_500 && !choices.Exhausted; step++)
            {
                int x = choices.Next(2_000);
                if (choices.Next(3) == 2)
                {
                    bool removed = model.Remove(x);
                    log.Write($"set.Remove({x}).Should().Be{removed}();");
                    set.Remove(x).Should().Be(removed, "step {0}: Remove({1}) removes a value the set holds", step, x);
                }
                else
                {
                    bool added = model.Add(x);
                    log.Write($"set.Insert({x}).Should().Be{added}();");
                    set.Insert(x).Should().Be(added, "step {0}: Insert({1}) adds a value the set lacks", step, x);
                }
            }

            if (log.IsOn)
            {
                string values = string.Join(", ", model);
                log.Write(model.Count == 0 ? "set.Should().BeEmpty();" : $"set.Should().Equal({values});");
                log.Write(model.Count == 0 ? "set.Reverse().Should().BeEmpty();" : $"set.Reverse().Should().Equal({string.Join(", ", model.Reverse())});");
                log.Write($"set.Count.Should().Be({model.Count});");
            }

            Invariants.Same(set, model, "the set iterates in order");
            Invariants.Same(set.Reverse(), model.Reverse(), "the set iterates backwards in reverse order");
            set.Count.Should().Be(model.Count, "Count counts the values");
        }, sequences: 20, maxChoices: 4_000);

    [Fact]
    public void Same_operations_give_the_same_state_and_order()
    {
        static List<(int, int)> Run(IPairStoreFactory backing)
        {
            var junction = new ManyToOne<int, int>(backing);
            for (int i = 0; i < 40; i++)
            {
                junction.Fwd.Insert(i * 7 % 13, i * 5 % 11);
            }

            return [.. junction];
        }

        Run(Backing).Should().Equal(Run(Backing));
    }

    // ---- Bad input -----------------------------------------------------------------------------------------

    [Fact]
    public void Null_keys_and_values_are_rejected_and_change_nothing()
    {
        var junction = new OneToMany<string, string>(Backing);
        junction.Fwd.Insert("a", "x");

        FluentActions.Invoking(() => junction.Fwd.Insert(null!, "y")).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => junction.Fwd.Insert("a", null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => junction.Bwd.Insert(null!, "a")).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => junction.Fwd.Get(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => junction.Bwd.Get(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => junction.Fwd.Get("a").Insert(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => junction.Fwd.Remove("a", null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => junction.Fwd.Expunge(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => junction.Fwd.ContainsKey(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => junction.Contains("a", null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new Set<string>(Backing).Insert(null!)).Should().Throw<ArgumentNullException>();

        junction.Should().Equal(("a", "x"));
        Invariants.Check(junction.Fwd, junction.Bwd);
    }

    [Fact]
    public void Absent_keys_get_documented_empty_answers()
    {
        var junction = new OneToMany<int, int>(Backing);
        junction.Fwd.Remove(1, 2).Should().BeFalse();
        junction.Fwd.Expunge(1).Should().BeEmpty();
        junction.Bwd.Expunge(1).HasValue.Should().BeFalse();
        junction.Bwd.Get(1).HasValue.Should().BeFalse();
        FluentActions.Invoking(() => junction.Bwd.Get(1).Value).Should().Throw<InvalidOperationException>();
        junction.Fwd.Get(1).Should().BeEmpty();
        junction.Iterate().TryNextBack(out _).Should().BeFalse();
        Check(junction);
    }

    [Fact]
    public void A_null_backing_is_rejected()
    {
        FluentActions.Invoking(() => new OneToOne<int, int>(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new ToMany<int, int>(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new Set<int>(null!)).Should().Throw<ArgumentNullException>();
    }

    // ---- Helpers -------------------------------------------------------------------------------------------

    private Set<int> NewSet(params int[] items)
    {
        var set = new Set<int>(Backing);
        foreach (int item in items)
        {
            set.Insert(item);
        }

        return set;
    }

    internal static List<T> Take<T>(Passage<T> walk, int count)
    {
        var taken = new List<T>();
        for (int i = 0; i < count && walk.TryNext(out T? item); i++)
        {
            taken.Add(item);
        }

        return taken;
    }

    internal static List<T> Rest<T>(Passage<T> walk)
    {
        var rest = new List<T>();
        while (walk.TryNext(out T? item))
        {
            rest.Add(item);
        }

        return rest;
    }

    internal static List<T> RestBack<T>(Passage<T> walk)
    {
        var rest = new List<T>();
        while (walk.TryNextBack(out T? item))
        {
            rest.Add(item);
        }

        return rest;
    }
}
