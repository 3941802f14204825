using Traces.OrdNeu;

namespace Exercises.Ch06;

#region subclasses
/// <summary>The check run against the ASCII container, keys "k000" to "k199".</summary>
public sealed class AsciiContainerCheck : ContainerCheck<AsciiContainer, string>
{
    protected override string Item(int rank) => $"k{rank:D3}";
}

/// <summary>The check run against the narrow container, with items on both sides of 32
/// bits.</summary>
public sealed class NarrowLongContainerCheck : ContainerCheck<NarrowLongContainer, long>
{
    protected override long Item(int rank) => (rank - 100) * 50_000_000L;
}
#endregion

/// <summary>The shipped containers pass the same check, so the check asks nothing they do not
/// do.</summary>
public sealed class ArrayContainerCheck : ContainerCheck<ArrayContainer<long>, long>
{
    protected override long Item(int rank) => rank;
}

public sealed class ContainerAnswerTests
{
    [Fact]
    [Trait("Part", "exercises")]
    public void The_ascii_container_stores_a_character_in_one_byte_and_refuses_the_rest()
    {
        var ascii = AsciiContainer.WithCapacity(2);
        ascii.Push("apple");
        ascii.Push("fig");
        FluentActions.Invoking(() => ascii.Push("café")).Should().Throw<ArgumentException>();
        ascii.Count.Should().Be(2);
        ascii.Slice(0).Length.Should().Be(5, "five characters, five bytes");
        ascii.Index(1).Should().Be("fig");
        ascii.CompareAt(0, "apples").Should().BeNegative("a prefix sorts first, as in ordinal order");
        ascii.CompareAt(1, "Fig").Should().BePositive("'f' > 'F' ordinally");
    }

    [Fact]
    [Trait("Part", "exercises")]
    public void The_narrow_container_halves_its_bytes_until_one_item_needs_64_bits()
    {
        var narrow = NarrowLongContainer.WithCapacity(1000);
        for (int i = 0; i < 1000; i++)
        {
            narrow.Push(i * 1_000_000L);
        }

        narrow.IsWide.Should().BeFalse();
        narrow.ReservedBytes.Should().Be(4000);
        narrow.Push(long.MaxValue);
        narrow.IsWide.Should().BeTrue();
        narrow.Index(999).Should().Be(999_000_000L);
        narrow.Index(1000).Should().Be(long.MaxValue);
    }
}
