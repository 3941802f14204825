namespace Traces.OrdNeu.Tests;

[Trait("Part", "5")]
public sealed class ContainerTests
{
    [Fact]
    public void OffsetList_counts_leading_zeros_then_stores_narrow_offsets()
    {
        var offsets = new OffsetList(4);
        offsets.Push(0);
        offsets.Push(0);
        offsets.Push(3);
        offsets.Push(3);
        offsets.Push(7);

        offsets.ZeroPrefix.Should().Be(2);
        offsets.NarrowCount.Should().Be(3);
        offsets.WideCount.Should().Be(0);
        Enumerable.Range(0, offsets.Count).Select(i => offsets.Index(i)).Should().Equal(0, 0, 3, 3, 7);
        offsets.Last.Should().Be(7);
    }

    [Fact]
    public void OffsetList_promotes_to_wide_offsets_past_uint_max_and_keeps_later_offsets_wide()
    {
        var offsets = OffsetList.WithCapacity(2);
        offsets.Push(0);
        offsets.Push(uint.MaxValue);
        offsets.Push((long)uint.MaxValue + 1);
        offsets.Push((long)uint.MaxValue + 2);
        offsets.Push(long.MaxValue);

        offsets.ZeroPrefix.Should().Be(1);
        offsets.NarrowCount.Should().Be(1, "uint.MaxValue itself still fits in 32 bits");
        offsets.WideCount.Should().Be(3);
        Enumerable.Range(0, offsets.Count).Select(i => offsets.Index(i))
            .Should().Equal(0, uint.MaxValue, (long)uint.MaxValue + 1, (long)uint.MaxValue + 2, long.MaxValue);
        offsets.CompareAt(2, (long)uint.MaxValue + 1).Should().Be(0);
    }

    [Fact]
    public void The_last_item_of_an_empty_container_or_offset_list_throws_and_of_any_other_is_its_last()
    {
        var items = ArrayContainer<long>.WithCapacity(2);
        items.Push(4);
        items.Push(9);
        items.Last.Should().Be(9);
        ArrayContainer<long>.WithCapacity(2).Invoking(c => c.Last).Should().Throw<InvalidOperationException>().WithMessage("The container is empty.");

        var offsets = new OffsetList(1);
        offsets.Invoking(o => o.Last).Should().Throw<InvalidOperationException>().WithMessage("The offset list is empty.");
        offsets.Push(0);
        offsets.Last.Should().Be(0, "a list of one zero ends at zero");
    }

    [Fact]
    public void OffsetList_reads_a_wide_offset_right_after_the_zero_prefix()
    {
        // No 32-bit offset between the zeros and the first 64-bit one: index 2 is the first wide offset, not a zero.
        var offsets = new OffsetList(1);
        offsets.Push(0);
        offsets.Push(0);
        offsets.Push(5_000_000_000L);

        (offsets.ZeroPrefix, offsets.NarrowCount, offsets.WideCount).Should().Be((2, 0, 1));
        Enumerable.Range(0, offsets.Count).Select(i => offsets.Index(i)).Should().Equal(0, 0, 5_000_000_000L);
    }

    [Fact]
    public void OffsetList_keeps_a_zero_pushed_after_positive_offsets_in_the_32_bit_run()
    {
        // Not a layer's shape (offsets there never decrease), but the list keeps what it is given in order: a zero
        // after the prefix has ended is stored like any other 32-bit offset.
        var offsets = new OffsetList(2);
        offsets.Push(0);
        offsets.Push(7);
        offsets.Push(0);
        offsets.Push(3);

        (offsets.ZeroPrefix, offsets.NarrowCount, offsets.WideCount).Should().Be((1, 3, 0));
        Enumerable.Range(0, offsets.Count).Select(i => offsets.Index(i)).Should().Equal(0, 7, 0, 3);
    }

    [Fact]
    public void OffsetList_rejects_a_negative_offset()
    {
        var offsets = new OffsetList(1);
        offsets.Push(5);
        var push = () => offsets.Push(-1);
        push.Should().Throw<ArgumentOutOfRangeException>();
        offsets.Count.Should().Be(1);
    }

    [Fact]
    public void ArrayContainer_grows_copies_and_compares()
    {
        var first = new ArrayContainer<long>(0);
        for (long i = 0; i < 100; i++)
        {
            first.Push(i * 2);
        }

        var second = ArrayContainer<long>.WithCapacity(1);
        second.PushFrom(first, 10);
        second.Push(21);

        first.Count.Should().Be(100);
        first.Index(99).Should().Be(198);
        second.Items.ToArray().Should().Equal(20, 21);
        second.CompareAt(0, first, 10).Should().Be(0);
        second.CompareAt(1, first, 10).Should().BePositive();
        second.CompareAt(0, 25).Should().BeNegative();
        ArrayContainer<long>.MergeCapacity(first, second).Capacity.Should().Be(102);
    }

    [Fact]
    public void A_negative_capacity_is_rejected_and_EnsureCapacity_grows_only_past_the_capacity()
    {
        FluentActions.Invoking(() => new ArrayContainer<int>(-1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("capacity");
        FluentActions.Invoking(() => ArrayContainer<int>.WithCapacity(-1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("capacity");
        FluentActions.Invoking(() => new OffsetList(-1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("capacity");

        var items = new ArrayContainer<int>(4);
        items.EnsureCapacity(4);
        items.Capacity.Should().Be(4, "room for four is already there");
        items.EnsureCapacity(5);
        items.Capacity.Should().Be(8, "a container grows to at least twice its capacity");
    }

    [Fact]
    public void ArrayContainer_grows_only_when_full_and_a_default_container_allocates_on_its_first_push()
    {
        // Push stores without the array's own bounds check once its count check passes: the check must send a
        // push into a full array to the growing path, never past the array's end.
        var full = ArrayContainer<string>.WithCapacity(2);
        full.Push("a");
        full.Push("b");
        full.Capacity.Should().Be(2, "two pushes fit exactly");
        full.Push("c");
        full.Capacity.Should().BeGreaterThan(2);
        full.Items.ToArray().Should().Equal("a", "b", "c");

        var fresh = default(ArrayContainer<long>);
        fresh.Push(7);
        fresh.Capacity.Should().BeGreaterThanOrEqualTo(1);
        fresh.Items.ToArray().Should().Equal(7);
    }

    [Fact]
    public void SliceContainer_stores_strings_back_to_back_and_compares_them_ordinally()
    {
        string[] words = ["", "apple", "Apple", "banana", "a", "appl", "ß", "zebra"];
        var strings = SliceContainer<string, char, StringSlices>.WithCapacity(words.Length);
        foreach (string word in words)
        {
            strings.Push(word);
        }

        strings.Count.Should().Be(words.Length);
        strings.ElementCount.Should().Be(words.Sum(w => w.Length), "characters are stored once, back to back");
        Enumerable.Range(0, words.Length).Select(strings.Index).Should().Equal(words);
        strings.Slice(1).ToString().Should().Be("apple");

        for (int i = 0; i < words.Length; i++)
        {
            for (int j = 0; j < words.Length; j++)
            {
                Math.Sign(strings.CompareAt(i, words[j])).Should().Be(Math.Sign(string.CompareOrdinal(words[i], words[j])));
                Math.Sign(strings.CompareAt(i, strings, j)).Should().Be(Math.Sign(words[i].CompareTo(words[j])),
                    "under invariant globalization string.CompareTo is ordinal, so containers and keys agree");
            }
        }

        var copy = SliceContainer<string, char, StringSlices>.MergeCapacity(strings, strings);
        copy.PushFrom(strings, 3);
        copy.Index(0).Should().Be("banana");
        strings.Invoking(s => s.Slice(words.Length)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void SliceContainer_trims_the_spare_room_its_growth_left_and_keeps_every_item()
    {
        // One element an item reserved, five an item pushed: the elements grow by doubling past what they hold.
        var strings = SliceContainer<string, char, StringSlices>.WithCapacity(100);
        string[] words = [.. Enumerable.Range(0, 100).Select(i => $"w{i:D4}")];
        foreach (string word in words)
        {
            strings.Push(word);
        }

        var before = strings.Slice(7).ToArray();
        strings.TrimExcess();
        strings.TrimExcess();

        strings.ElementCount.Should().Be(500);
        Enumerable.Range(0, words.Length).Select(strings.Index).Should().Equal(words);
        strings.Slice(7).ToArray().Should().Equal(before);
        strings.CompareAt(99, "w0099").Should().Be(0);
        strings.Push("w0100");
        strings.Index(100).Should().Be("w0100", "a trimmed container still takes pushes");
    }

    [Fact]
    public void SliceContainer_stores_byte_sequences()
    {
        var bytes = new SliceContainer<byte[], byte, ByteSlices>(3, 6);
        bytes.Push([1, 2, 3]);
        bytes.Push([]);
        bytes.Push([1, 2]);

        bytes.Index(0).Should().Equal(1, 2, 3);
        bytes.Index(1).Should().BeEmpty();
        bytes.CompareAt(2, [1, 2, 3]).Should().BeNegative("a proper prefix sorts first");
        bytes.CompareAt(0, bytes, 2).Should().BePositive();
        bytes.ElementCount.Should().Be(5);
    }

    [Fact]
    public void TrimExcess_gives_back_a_reservation_more_than_half_unused_and_keeps_the_rest()
    {
        var mostlyEmpty = new ArrayContainer<long>(1000);
        mostlyEmpty.Push(7);
        mostlyEmpty.TrimExcess();
        mostlyEmpty.Capacity.Should().Be(1);
        mostlyEmpty.Items.ToArray().Should().Equal(7);

        var nearlyFull = new ArrayContainer<long>(100);
        for (int i = 0; i < 90; i++)
        {
            nearlyFull.Push(i);
        }

        nearlyFull.TrimExcess();
        nearlyFull.Capacity.Should().Be(100, "copying to save a tenth is not worth it");

        var halfFull = new ArrayContainer<long>(100);
        for (int i = 0; i < 50; i++)
        {
            halfFull.Push(i);
        }

        halfFull.TrimExcess();
        halfFull.Capacity.Should().Be(100, "a merge of two batches over the same keys fills half its key column, and keeps it");

        var lessThanHalf = new ArrayContainer<long>(100);
        for (int i = 0; i < 49; i++)
        {
            lessThanHalf.Push(i);
        }

        lessThanHalf.TrimExcess();
        lessThanHalf.Capacity.Should().Be(49);
        lessThanHalf.Items.ToArray().Should().Equal(Enumerable.Range(0, 49).Select(i => (long)i));

        var offsets = new OffsetList(1000);
        offsets.Push(0);
        offsets.Push(3);
        offsets.TrimExcess();
        offsets.Index(1).Should().Be(3);
    }

    [Fact]
    public void ArrayContainer_rejects_every_index_outside_its_count()
    {
        var items = new ArrayContainer<long>(16);
        items.Push(10);
        items.Push(20);
        items.Push(30);

        // Positions 3 to 15 are inside the array, which was allocated uncleared: they must not be readable.
        EveryBadIndexThrowsAndChangesNothing(items, probe: 5L, extraBadIndexes: [items.Capacity - 1]);
    }

    [Fact]
    public void OffsetList_rejects_every_index_outside_its_count()
    {
        var offsets = new OffsetList(8);
        offsets.Push(0);
        offsets.Push(0);
        offsets.Push(4);
        offsets.Push((long)uint.MaxValue + 1);
        offsets.ZeroPrefix.Should().Be(2);
        offsets.WideCount.Should().Be(1);

        // -1 and -2 would fall in the zero prefix's range were the index not checked first.
        EveryBadIndexThrowsAndChangesNothing(offsets, probe: 1L, extraBadIndexes: [-2]);
        EveryBadIndexThrowsAndChangesNothing(new OffsetList(4), probe: 1L, extraBadIndexes: []);
    }

    [Fact]
    public void SliceContainer_rejects_every_index_outside_its_count()
    {
        var strings = new SliceContainer<string, char, StringSlices>(4, 32);
        strings.Push("fig");
        strings.Push("kiwi");

        EveryBadIndexThrowsAndChangesNothing(strings, probe: "apple", extraBadIndexes: []);
        strings.Invoking(s => s.Slice(-1)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("index");
    }

    // Every public access by index (Index, both CompareAt, PushFrom) throws ArgumentOutOfRangeException naming the
    // parameter, and leaves both the container read and the container written as they were.
    private static void EveryBadIndexThrowsAndChangesNothing<TContainer, TItem>(TContainer container, TItem probe, int[] extraBadIndexes)
        where TContainer : struct, IBatchContainer<TContainer, TItem>
    {
        int count = container.Count;
        var before = Enumerable.Range(0, count).Select(i => container.Index(i)).ToList();
        var target = TContainer.WithCapacity(8);
        target.Push(probe);

        foreach (int index in new[] { -1, count, count + 1, int.MaxValue, int.MinValue }.Concat(extraBadIndexes))
        {
            container.Invoking(c => c.Index(index))
                .Should().Throw<ArgumentOutOfRangeException>("Index({0})", index).Which.ParamName.Should().Be("index");
            container.Invoking(c => c.CompareAt(index, probe))
                .Should().Throw<ArgumentOutOfRangeException>("CompareAt({0}, item)", index).Which.ParamName.Should().Be("index");
            container.Invoking(c => c.CompareAt(index, target, 0))
                .Should().Throw<ArgumentOutOfRangeException>("CompareAt({0}, other, 0)", index).Which.ParamName.Should().Be("index");
            target.Invoking(t => t.CompareAt(0, container, index))
                .Should().Throw<ArgumentOutOfRangeException>("CompareAt(0, other, {0})", index);
            var push = () => target.PushFrom(container, index);
            push.Should().Throw<ArgumentOutOfRangeException>("PushFrom(source, {0})", index).Which.ParamName.Should().Be("index");

            target.Count.Should().Be(1, "a rejected PushFrom writes nothing");
            target.CompareAt(0, probe).Should().Be(0);
            container.Count.Should().Be(count);
            Enumerable.Range(0, count).Select(i => container.Index(i)).Should().Equal(before);
        }
    }

    [Fact]
    public void A_slice_push_whose_encoding_throws_appends_nothing()
    {
        var container = SliceContainer<string, char, RefusingSlices>.WithCapacity(4);
        container.Push("ab");
        var push = () => container.Push("x!y");
        push.Should().Throw<ArgumentException>().WithMessage("*cannot encode*");

        container.Count.Should().Be(1);
        container.ElementCount.Should().Be(2, "the elements written before the throw are not counted");
        container.Push("cd");
        container.Index(1).Should().Be("cd");
    }

    /// <summary>An encoding that always transcodes, and refuses '!' part way through writing an item.</summary>
    private readonly struct RefusingSlices : ISliceEncoding<string, char>
    {
        public static bool TryGetSpan(string item, out ReadOnlySpan<char> elements)
        {
            elements = default;
            return false;
        }

        public static int GetLength(string item) => item.Length;

        public static void Encode(string item, Span<char> destination)
        {
            for (int i = 0; i < item.Length; i++)
            {
                destination[i] = item[i] != '!' ? item[i] : throw new ArgumentException("This encoding cannot encode '!'.", nameof(item));
            }
        }

        public static string FromSpan(ReadOnlySpan<char> elements) => new(elements);

        public static string FromStored(ReadOnlyMemory<char> elements) => new(elements.Span);
    }
}
