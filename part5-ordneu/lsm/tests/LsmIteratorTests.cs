using static Traces.Lsm.Tests.IteratorAssertions;

namespace Traces.Lsm.Tests;

[Trait("Part", "lsm")]
public sealed class LsmIteratorTests
{
    private static LsmIterator<MockIterator> Over(Bound upper, params string[] keyValues) => new(new MockIterator(Pairs(keyValues)), upper);

    [Fact]
    public void Leading_consecutive_and_trailing_tombstones_are_hidden()
    {
        Drain(Over(default, "a", "", "b", "", "c", "3", "d", "", "e", "", "f", "6", "g", ""))
            .Should().Equal(Pairs("c", "3", "f", "6"));
        Over(default, "a", "", "b", "").IsValid.Should().BeFalse();
        Over(default).IsValid.Should().BeFalse();
    }

    [Fact]
    public void The_upper_bound_is_checked_at_creation_and_on_every_step()
    {
        Over(Bound.Excluded(B("a")), "a", "1", "b", "2").IsValid.Should().BeFalse();
        Over(Bound.Included(B("a")), "b", "2").IsValid.Should().BeFalse();
        Drain(Over(Bound.Included(B("b")), "a", "1", "b", "2", "c", "3")).Should().Equal(Pairs("a", "1", "b", "2"));
        Drain(Over(Bound.Excluded(B("b")), "a", "1", "b", "2", "c", "3")).Should().Equal(Pairs("a", "1"));
        // A tombstone run that crosses the bound: nothing past the bound is returned.
        Drain(Over(Bound.Included(B("c")), "a", "1", "b", "", "c", "", "d", "4")).Should().Equal(Pairs("a", "1"));
    }

    [Fact]
    public void It_stops_reading_at_the_bound()
    {
        var inner = new MockIterator(Pairs("a", "1", "b", "2", "c", "3", "d", "4"));
        Drain(new LsmIterator<MockIterator>(inner, Bound.Included(B("b")))).Should().Equal(Pairs("a", "1", "b", "2"));
        inner.NextCalls.Should().Be(2, "the first key past the bound ends the scan");
    }

    [Fact]
    public void A_null_inner_iterator_is_rejected()
    {
        FluentActions.Invoking(() => new LsmIterator<MockIterator>(null!, default)).Should().Throw<ArgumentNullException>();
    }
}
