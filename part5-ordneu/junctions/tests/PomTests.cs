using System.Globalization;
using Traces.Conformance;
using Traces.Junctions;

namespace Traces.Junctions.Tests;

[Trait("Part", "junctions")]
public sealed class PomTests
{
    [Fact]
    public void Ids_start_at_one_grow_by_one_and_are_never_reused()
    {
        var pom = new Pom<string>();
        pom.Insert("a").Should().Be(new Id(1));
        pom.Insert("b").Should().Be(new Id(2));
        pom.Remove(new Id(2)).Should().BeTrue();
        pom.Insert("c").Should().Be(new Id(3));
        pom.Should().Equal((new Id(1), "a"), (new Id(3), "c"));
        pom.Count.Should().Be(2);
    }

    [Fact]
    public void Removed_and_unissued_ids_get_documented_answers()
    {
        var pom = new Pom<string>();
        var id = pom.Insert("a");
        pom.Remove(id).Should().BeTrue();

        foreach (var absent in new[] { id, new Id(0), new Id(99) })
        {
            pom.Remove(absent).Should().BeFalse("an absent id removes nothing");
            pom.Contains(absent).Should().BeFalse();
            pom.Get(absent).HasValue.Should().BeFalse("Get returns none for an absent id");
            pom.TryGet(absent, out _).Should().BeFalse();
            FluentActions.Invoking(() => pom[absent]).Should().Throw<KeyNotFoundException>().WithMessage("*removed or never issued*");
            FluentActions.Invoking(() => pom[absent] = "x").Should().Throw<KeyNotFoundException>();
        }

        pom.Count.Should().Be(0);
        FluentActions.Invoking(() => pom.Insert(null!)).Should().Throw<ArgumentNullException>();
        pom.Count.Should().Be(0);
    }

    [Fact]
    public void Values_can_be_replaced_in_place()
    {
        var pom = new Pom<int>();
        var id = pom.Insert(1);
        pom[id] = 5;
        pom[id].Should().Be(5);
        pom.Get(id).Should().Be(Optional<int>.Some(5));
    }

    [Fact]
    public void Iteration_follows_the_passage_rule_across_compaction()
    {
        var pom = new Pom<int>();
        for (int i = 1; i <= 10; i++)
        {
            pom.Insert(i * 10);
        }

        var walk = pom.Iterate();
        walk.TryNext(out var first).Should().BeTrue();
        first.Should().Be((new Id(1), 10));

        // Removing most entries compacts the arrays; the walk re-seeks by id and carries on.
        for (ulong id = 1; id <= 8; id++)
        {
            pom.Remove(new Id(id));
        }

        var added = pom.Insert(110);
        walk.TryNextBack(out var last).Should().BeTrue();
        last.Id.Should().Be(added);
        JunctionBehaviour.Rest(walk).Select(e => e.Value).Should().Equal(90, 100);
        pom.Reverse().Select(e => e.Id.Value).Should().Equal(11UL, 10UL, 9UL);
    }

    [Fact]
    [Trait("Runs", "model")]
    public void Random_inserts_and_removes_agree_with_a_sorted_dictionary() =>
        ModelRun.Check("junctions: pom against a sorted dictionary", (choices, log) =>
        {
            var pom = new Pom<int>();
            var model = new SortedDictionary<ulong, int>();
            var walk = pom.Iterate();
            // The passage rule: a walk steps to the nearest live id strictly between the ids its ends last returned.
            ulong front = 0, back = ulong.MaxValue, issued = 0;
            bool exhausted = false;
            log.Write("var pom = new Pom<int>();");
            log.Write("var walk = pom.Iterate();");
            for (int step = 1; step <= 2_000 && !choices.Exhausted; step++)
            {
                int roll = choices.Next(10);
                if (roll < 6 || model.Count == 0)
                {
                    int value = choices.Next(1_000);
                    issued++;
                    model.Add(issued, value);
                    log.Write($"pom.Insert({value}).Should().Be(new Id({issued}));");
                    pom.Insert(value).Should().Be(new Id(issued), "step {0}: ids start at 1 and grow by 1", step);
                }
                else if (roll < 9)
                {
                    // Mostly a live id; sometimes one removed or never issued.
                    ulong id = choices.Next(4) < 3 ? model.Keys.ElementAt(choices.Next(model.Count)) : (ulong)choices.Next((int)issued + 2);
                    bool removed = model.Remove(id);
                    log.Write($"pom.Remove(new Id({id})).Should().Be{removed}();");
                    pom.Remove(new Id(id)).Should().Be(removed, "step {0}: Remove(#{1}) removes a live id and nothing else", step, id);
                }
                else
                {
                    bool fromBack = choices.Next(2) == 1;
                    var between = model.Where(e => e.Key > front && e.Key < back).ToList();
                    bool expected = !exhausted && between.Count > 0;
                    var next = expected ? (fromBack ? between[^1] : between[0]) : default;
                    string call = fromBack ? "walk.TryNextBack" : "walk.TryNext";
                    string item = "entry" + step.ToString(CultureInfo.InvariantCulture);
                    log.Write(expected
                        ? $"{call}(out var {item}).Should().BeTrue(); {item}.Should().Be((new Id({next.Key}), {next.Value}));"
                        : $"{call}(out _).Should().BeFalse();");
                    bool found = fromBack ? walk.TryNextBack(out var entry) : walk.TryNext(out entry);
                    found.Should().Be(expected, "step {0}: {1} finds a live id between #{2} and #{3} unless the walk is exhausted", step, call, front, back);
                    if (expected)
                    {
                        entry.Should().Be((new Id(next.Key), next.Value), "step {0}: {1} returns the nearest live id", step, call);
                        (front, back) = fromBack ? (front, next.Key) : (next.Key, back);
                    }
                    else
                    {
                        exhausted = true;
                    }
                }
            }

            if (log.IsOn)
            {
                log.Write(model.Count == 0 ? "pom.Should().BeEmpty();"
                    : $"pom.Should().Equal({string.Join(", ", model.Select(e => $"(new Id({e.Key}), {e.Value})"))});");
                log.Write($"pom.Count.Should().Be({model.Count});");
            }

            Invariants.Same(pom, model.Select(e => (new Id(e.Key), e.Value)), "the table iterates its live entries in id order");
            pom.Count.Should().Be(model.Count, "Count counts the live entries");
        }, sequences: 300, maxChoices: 1_500);

    [Fact]
    public void FloatingPom_handles_survive_removal()
    {
        var pom = new FloatingPom<string>();
        var id = pom.Insert("plush");
        var handle = pom.Get(id)!;
        handle.Value.Should().Be("plush");
        handle.Id.Should().Be(id);

        handle.Value = "fangs";
        pom.TryGetValue(id, out var seen).Should().BeTrue();
        seen.Should().Be("fangs", "every holder shares the handle");

        pom.Remove(id).Should().BeTrue();
        handle.IsRemoved.Should().BeTrue();
        handle.Value.Should().Be("fangs", "the handle outlives the entry");
        pom.Get(id).Should().BeNull("a removed id has no handle");
        pom.Remove(id).Should().BeFalse();
        pom.Contains(id).Should().BeFalse();
        pom.TryGetValue(id, out _).Should().BeFalse();
        FluentActions.Invoking(() => handle.Value = null!).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void FloatingPom_allows_inserts_and_removes_while_iterating()
    {
        var pom = new FloatingPom<int>();
        for (int i = 0; i < 5; i++)
        {
            pom.Insert(i);
        }

        var seen = new List<int>();
        foreach (var handle in pom)
        {
            seen.Add(handle.Value);
            pom.Remove(handle.Id);
            if (handle.Value < 3)
            {
                pom.Insert(handle.Value + 10);
            }
        }

        seen.Should().Equal(0, 1, 2, 3, 4, 10, 11, 12);
        pom.Count.Should().Be(0);
        pom.Reverse().Should().BeEmpty();
    }
}
