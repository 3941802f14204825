using static Traces.Lsm.Tests.IteratorAssertions;

namespace Traces.Lsm.Tests;

[Trait("Part", "lsm")]
public sealed class BoundTests
{
    [Fact]
    public void Default_is_unbounded_and_admits_everything()
    {
        default(Bound).Should().Be(Bound.Unbounded);
        Bound.Unbounded.Kind.Should().Be(BoundKind.Unbounded);
        Bound.Unbounded.AdmitsAbove(B("a")).Should().BeTrue();
        Bound.Unbounded.AdmitsBelow(B("a")).Should().BeTrue();
    }

    [Fact]
    public void Included_and_excluded_differ_exactly_at_the_key()
    {
        var included = Bound.Included(B("k"));
        var excluded = Bound.Excluded(B("k"));
        included.AdmitsAbove(B("k")).Should().BeTrue();
        included.AdmitsBelow(B("k")).Should().BeTrue();
        excluded.AdmitsAbove(B("k")).Should().BeFalse();
        excluded.AdmitsBelow(B("k")).Should().BeFalse();
        excluded.AdmitsAbove(B("k\0")).Should().BeTrue();
        excluded.AdmitsBelow(new byte[] { (byte)'j', 0xFF }).Should().BeTrue();
        included.Should().NotBe(excluded);
        included.Should().Be(Bound.Included(B("k").AsSpan()));
        included.GetHashCode().Should().Be(Bound.Included(B("k")).GetHashCode());
        included.ToString().Should().Be("Included(6B)");
    }

    [Fact]
    public void A_bound_copies_its_key()
    {
        var key = B("k");
        var bound = Bound.Included(key);
        key[0] = (byte)'z';
        S(bound.Key).Should().Be("k");
    }

    [Fact]
    public void Null_and_empty_keys_are_rejected()
    {
        // A null key is an ArgumentNullException; an empty key an ArgumentException: neither has a place in the order.
        FluentActions.Invoking(() => Bound.Included((byte[])null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => Bound.Excluded((byte[])null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => Bound.Included([])).Should().Throw<ArgumentException>().WithMessage("*empty*");
        FluentActions.Invoking(() => Bound.Excluded(ReadOnlySpan<byte>.Empty)).Should().Throw<ArgumentException>().WithMessage("*empty*");
    }

    [Fact]
    public void A_lower_bound_above_the_upper_bound_is_rejected_and_equal_keys_are_not()
    {
        FluentActions.Invoking(() => Bound.CheckRange(Bound.Included(B("b")), Bound.Included(B("a"))))
            .Should().Throw<ArgumentException>().WithMessage("*above the upper bound*");
        FluentActions.Invoking(() => new KeyRange(Bound.Excluded(B("b")), Bound.Excluded(B("a"))))
            .Should().Throw<ArgumentException>();
        foreach (var (lower, upper) in NineShapes(B("a"), B("a")))
        {
            FluentActions.Invoking(() => Bound.CheckRange(lower, upper)).Should().NotThrow();
        }
    }

    [Fact]
    public void Key_ranges_mirror_the_shapes_of_csharp_ranges()
    {
        var between = KeyRange.From(B("b"), B("d"));
        between.Lower.Should().Be(Bound.Included(B("b")));
        between.Upper.Should().Be(Bound.Excluded(B("d")));
        between.Contains(B("b")).Should().BeTrue();
        between.Contains(B("c")).Should().BeTrue();
        between.Contains(B("d")).Should().BeFalse();
        KeyRange.StartingAt(B("b")).Upper.Should().Be(Bound.Unbounded);
        KeyRange.Before(B("d")).Lower.Should().Be(Bound.Unbounded);
        KeyRange.All.Contains(B("anything")).Should().BeTrue();
    }

    [Fact]
    public void A_csharp_range_over_key_numbers_becomes_a_half_open_key_range()
    {
        static byte[] KeyOf(int i) => B($"k{i:D3}");
        var range = KeyRange.FromRange(3..7, KeyOf);
        range.Lower.Should().Be(Bound.Included(KeyOf(3)));
        range.Upper.Should().Be(Bound.Excluded(KeyOf(7)));
        KeyRange.FromRange(3.., KeyOf).Upper.Should().Be(Bound.Unbounded);
        KeyRange.FromRange(.., KeyOf).Lower.Should().Be(Bound.Included(KeyOf(0)));

        // Counting from the end has no meaning for keys; a backwards range is a lower bound above the upper.
        FluentActions.Invoking(() => KeyRange.FromRange(^3.., KeyOf)).Should().Throw<ArgumentException>().WithMessage("*from the end*");
        FluentActions.Invoking(() => KeyRange.FromRange(1..^2, KeyOf)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => KeyRange.FromRange(7..3, KeyOf)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => KeyRange.FromRange(1..2, null!)).Should().Throw<ArgumentNullException>();
    }
}
