using static Traces.Lsm.Tests.IteratorAssertions;

namespace Traces.Lsm.Tests;

[Trait("Part", "lsm")]
public sealed class FusedIteratorTests
{
    [Fact]
    public void An_empty_inner_iterator_stays_invalid_and_next_does_nothing()
    {
        var inner = new MockIterator([]);
        var fused = new FusedIterator<MockIterator>(inner);
        fused.IsValid.Should().BeFalse();
        fused.Next();
        fused.Next();
        fused.Next();
        fused.IsValid.Should().BeFalse();
        inner.NextCalls.Should().Be(0);
        // Reading an invalid iterator: InvalidOperationException.
        FluentActions.Invoking(() => fused.Key).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => fused.Value).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void After_an_error_it_is_invalid_and_every_next_throws_without_touching_the_inner_iterator()
    {
        var inner = new MockIterator(Pairs("a", "1.1", "a", "1.1"), failAt: 1);
        var fused = new FusedIterator<MockIterator>(inner);
        fused.IsValid.Should().BeTrue();
        fused.NumActiveIterators.Should().Be(1);
        FluentActions.Invoking(fused.Next).Should().Throw<MockIteratorFailure>();
        fused.IsValid.Should().BeFalse();
        fused.NumActiveIterators.Should().Be(0);
        FluentActions.Invoking(fused.Next).Should().Throw<InvalidOperationException>().WithInnerException<MockIteratorFailure>();
        FluentActions.Invoking(fused.Next).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => fused.Key).Should().Throw<InvalidOperationException>();
        inner.TouchedAfterFailure.Should().BeFalse();
    }

    [Fact]
    public void A_healthy_inner_iterator_passes_through()
    {
        Drain(new FusedIterator<MockIterator>(new MockIterator(Pairs("a", "1", "b", "")))).Should().Equal(Pairs("a", "1", "b", ""));
        FluentActions.Invoking(() => new FusedIterator<MockIterator>(null!)).Should().Throw<ArgumentNullException>();
    }
}
