using static Traces.Lsm.Tests.IteratorAssertions;

namespace Traces.Lsm.Tests;

[Trait("Part", "lsm")]
public sealed class MemTableTests
{
    private static MemTable ThreeKeys()
    {
        var table = new MemTable();
        table.Put(B("key1"), B("value1"), 1);
        table.Put(B("key2"), B("value2"), 2);
        table.Put(B("key3"), B("value3"), 3);
        return table;
    }

    [Fact]
    public void Entries_lists_every_version_key_ascending_and_newest_first_tombstones_included()
    {
        var table = ThreeKeys();
        table.Put(B("key2"), B("value2b"), 4);
        table.Put(B("key1"), [], 5);

        table.Entries().Select(e => (S(e.Key.Key), e.Key.Version, S(e.Value))).Should().Equal(
            ("key1", 5UL, ""), ("key1", 1UL, "value1"), ("key2", 4UL, "value2b"), ("key2", 2UL, "value2"), ("key3", 3UL, "value3"));
    }

    [Fact]
    public void A_full_scan_yields_every_key_in_order()
    {
        var iterator = ThreeKeys().Scan(Bound.Unbounded, Bound.Unbounded);
        iterator.IsValid.Should().BeTrue();
        S(iterator.Key).Should().Be("key1");
        Drain(iterator).Should().Equal(Pairs("key1", "value1", "key2", "value2", "key3", "value3"));
    }

    [Fact]
    public void An_included_range_holds_both_ends()
    {
        Drain(ThreeKeys().Scan(Bound.Included(B("key1")), Bound.Included(B("key2"))))
            .Should().Equal(Pairs("key1", "value1", "key2", "value2"));
    }

    [Fact]
    public void An_excluded_range_holds_neither_end()
    {
        Drain(ThreeKeys().Scan(Bound.Excluded(B("key1")), Bound.Excluded(B("key3"))))
            .Should().Equal(Pairs("key2", "value2"));
    }

    [Fact]
    public void Every_bound_shape_over_an_empty_table_is_invalid_at_once()
    {
        var table = new MemTable();
        foreach (var (lower, upper) in NineShapes(B("key1"), B("key3")))
        {
            var iterator = table.Scan(lower, upper);
            iterator.IsValid.Should().BeFalse($"{lower}..{upper}");
            iterator.NumActiveIterators.Should().Be(1);
        }
    }

    [Fact]
    public void All_nine_bound_shapes_match_the_filtered_contents()
    {
        var table = new MemTable();
        var model = new List<(string, string)>();
        for (var i = 0; i < 10; i += 2)
        {
            table.Put(B($"k{i}"), B($"v{i}"), (ulong)i + 1);
            model.Add(($"k{i}", $"v{i}"));
        }

        // Bounds on present keys and on keys in the gaps.
        foreach (var (low, high) in new[] { ("k2", "k6"), ("k1", "k7"), ("k0", "k8"), ("k4", "k4") })
        {
            foreach (var (lower, upper) in NineShapes(B(low), B(high)))
            {
                Drain(table.Scan(lower, upper)).Should().Equal(Within(model, lower, upper), $"{lower}..{upper}");
            }
        }
    }

    [Fact]
    public void Reading_at_a_version_sees_the_newest_write_at_or_below_it_tombstones_included()
    {
        var table = new MemTable();
        table.Put(B("a"), B("a1"), 1);
        table.Put(B("b"), B("b2"), 2);
        table.Put(B("a"), B("a3"), 3);
        table.Put(B("b"), [], 4);
        table.Put(B("c"), B("c5"), 5);

        Drain(table.Scan(default, default, 0)).Should().BeEmpty();
        Drain(table.Scan(default, default, 1)).Should().Equal(Pairs("a", "a1"));
        Drain(table.Scan(default, default, 2)).Should().Equal(Pairs("a", "a1", "b", "b2"));
        Drain(table.Scan(default, default, 3)).Should().Equal(Pairs("a", "a3", "b", "b2"));
        Drain(table.Scan(default, default, 4)).Should().Equal(Pairs("a", "a3", "b", ""));
        Drain(table.Scan(default, default)).Should().Equal(Pairs("a", "a3", "b", "", "c", "c5"));
        Drain(table.Scan(Bound.Excluded(B("a")), Bound.Included(B("b")), 3)).Should().Equal(Pairs("b", "b2"));

        table.TryGet(B("a"), 2, out var value).Should().BeTrue();
        S(value).Should().Be("a1");
        table.TryGet(B("b"), 9, out value).Should().BeTrue();
        value.IsEmpty.Should().BeTrue("a tombstone is found, with an empty value");
        table.TryGet(B("c"), 4, out _).Should().BeFalse();
        table.TryGet(B("zz"), 9, out _).Should().BeFalse();
        table.Count.Should().Be(5);
        table.ApproximateSize.Should().Be(13);
    }

    [Fact]
    public void Writes_newer_than_the_read_version_up_to_and_past_the_upper_bound_end_the_scan_at_the_bound()
    {
        // A snapshot's view of a table that took writes after it: every key in and past the range has a newer
        // version, and some keys have only newer ones. The scan skips them and stops at the bound.
        var table = new MemTable();
        table.Put(B("a"), B("a1"), 1);
        table.Put(B("c"), B("c2"), 2);
        for (var i = 0; i < 50; i++)
        {
            var version = 3UL + (ulong)i;
            table.Put(B($"b{i:00}"), B("later"), version);
            table.Put(B($"d{i:00}"), B("later"), version + 100);
        }

        table.Put(B("a"), B("later"), 200);
        table.Put(B("c"), B("later"), 201);

        Drain(table.Scan(default, Bound.Included(B("c")), 2)).Should().Equal(Pairs("a", "a1", "c", "c2"));
        Drain(table.Scan(default, Bound.Excluded(B("c")), 2)).Should().Equal(Pairs("a", "a1"));
        Drain(table.Scan(Bound.Excluded(B("a")), Bound.Included(B("b49")), 2)).Should().BeEmpty();
        Drain(table.Scan(Bound.Included(B("b")), Bound.Excluded(B("c")), 2)).Should().BeEmpty();
        Drain(table.Scan(Bound.Included(B("b")), default, 2)).Should().Equal(Pairs("c", "c2"));
        Drain(table.Scan(Bound.Included(B("c")), Bound.Included(B("zz")), 1)).Should().BeEmpty();
        Drain(table.Scan(default, Bound.Included(B("b25")), 30)).Should().Equal(
            [.. Pairs("a", "a1"), .. Enumerable.Range(0, 26).SelectMany(i => Pairs($"b{i:00}", "later"))]);
    }

    [Fact]
    public void An_open_iterator_without_a_read_version_meets_later_inserts_ahead_of_it_only()
    {
        var table = ThreeKeys();
        var iterator = table.Scan(Bound.Unbounded, Bound.Unbounded);
        iterator.Next(); // on key2
        table.Put(B("key0"), B("behind"), 4);
        table.Put(B("key2"), B("newer"), 5);
        table.Put(B("key25"), B("ahead"), 6);
        table.Put(B("key4"), B("ahead"), 7);
        S(iterator.Value).Should().Be("value2", "the entry it stands on never changes");
        Drain(iterator).Should().Equal(Pairs("key2", "value2", "key25", "ahead", "key3", "value3", "key4", "ahead"));
    }

    [Fact]
    public void An_open_iterator_at_a_read_version_sees_no_later_write()
    {
        var table = ThreeKeys();
        var iterator = table.Scan(Bound.Unbounded, Bound.Unbounded, readVersion: 3);
        table.Put(B("key15"), B("later"), 4);
        table.Put(B("key3"), B("later"), 5);
        table.Put(B("key9"), B("later"), 6);
        Drain(iterator).Should().Equal(Pairs("key1", "value1", "key2", "value2", "key3", "value3"));
    }

    [Fact]
    public void Bad_writes_are_rejected_and_change_nothing()
    {
        var table = ThreeKeys();
        // Empty key: ArgumentException. The same key twice at one version: ArgumentException (entries never change).
        FluentActions.Invoking(() => table.Put([], B("v"), 9)).Should().Throw<ArgumentException>().WithMessage("*empty*");
        FluentActions.Invoking(() => table.Put(B("key1"), B("other"), 1)).Should().Throw<ArgumentException>().WithMessage("*version 1*");
        FluentActions.Invoking(() => table.TryGet([], 1, out _)).Should().Throw<ArgumentException>();
        // A lower bound above the upper bound: ArgumentException.
        FluentActions.Invoking(() => table.Scan(Bound.Included(B("key3")), Bound.Included(B("key1"))))
            .Should().Throw<ArgumentException>();
        table.Freeze();
        table.IsFrozen.Should().BeTrue();
        // A frozen table: InvalidOperationException.
        FluentActions.Invoking(() => table.Put(B("key4"), B("v"), 9)).Should().Throw<InvalidOperationException>();
        Drain(table.Scan(default, default)).Should().Equal(Pairs("key1", "value1", "key2", "value2", "key3", "value3"));
    }

    [Fact]
    public void A_written_key_and_value_are_copies()
    {
        var table = new MemTable();
        var key = B("k");
        var value = B("v");
        table.Put(key, value, 1);
        key[0] = (byte)'x';
        value[0] = (byte)'x';
        Drain(table.Scan(default, default)).Should().Equal(Pairs("k", "v"));
    }
}
