using static Traces.Lsm.Tests.IteratorAssertions;

namespace Traces.Lsm.Tests;

[Trait("Part", "lsm")]
public sealed class StoreTests
{
    /// <summary>Puts, deletes and overwrites across two freezes (the mini-lsm week 1 integration sequence).</summary>
    private static LsmStore IntegrationStore()
    {
        var store = new LsmStore();
        store.Put(B("1"), B("233"));
        store.Put(B("2"), B("2333"));
        store.Put(B("3"), B("23333"));
        store.Freeze().Should().BeTrue();
        store.Delete(B("1"));
        store.Delete(B("2"));
        store.Put(B("3"), B("2333"));
        store.Put(B("4"), B("23333"));
        store.Freeze().Should().BeTrue();
        store.Put(B("1"), B("233333"));
        store.Put(B("3"), B("233333"));
        return store;
    }

    private static readonly (string, string)[] IntegrationLatest = Pairs("1", "233333", "3", "233333", "4", "23333");

    private static void CheckAllNineShapes(LsmStore store, IReadOnlyList<(string Key, string Value)> expected, string stage)
    {
        foreach (var (low, high) in new[] { ("1", "4"), ("2", "3"), ("1", "1"), ("0", "5"), ("15", "35"), ("3", "3") })
        {
            foreach (var (lower, upper) in NineShapes(B(low), B(high)))
            {
                Drain(store.Scan(lower, upper)).Should().Equal(Within(expected, lower, upper), $"{stage}: {lower}..{upper}");
            }
        }
    }

    [Fact]
    public void InspectSources_lists_the_mutable_table_the_frozen_tables_and_the_runs_newest_first()
    {
        var store = new LsmStore();
        store.Put(B("a"), B("1"));
        store.Freeze();
        store.Flush();
        store.Put(B("b"), B("2"));
        store.Freeze();
        store.Put(B("c"), B("3"));
        store.Freeze();
        store.Put(B("d"), B("4"));

        var (mutable, frozen, runs) = store.InspectSources();
        mutable.Entries().Select(e => S(e.Key.Key)).Should().Equal("d");
        frozen.Select(t => S(t.Entries()[0].Key.Key)).Should().Equal("c", "b");
        runs.Should().ContainSingle().Which.Count.Should().Be(1);
        store.Flush();
        store.InspectSources().Runs.Should().HaveCount(2);
        store.InspectSources().Runs[0].Description.Lower.SetEquals([new Timestamp(2)]).Should().BeTrue("the newest run comes first");
    }

    [Fact]
    public void A_full_scan_yields_the_newest_live_values_and_then_stays_invalid()
    {
        var store = IntegrationStore();
        var scan = store.Scan(Bound.Unbounded, Bound.Unbounded);
        Drain(scan).Should().Equal(IntegrationLatest);
        scan.Next();
        scan.Next();
        scan.IsValid.Should().BeFalse();
        Drain(store.Scan(Bound.Included(B("2")), Bound.Included(B("3")))).Should().Equal(Pairs("3", "233333"));
    }

    [Fact]
    public void Every_bound_shape_is_exact_before_and_after_each_flush()
    {
        var store = IntegrationStore();
        CheckAllNineShapes(store, IntegrationLatest, "two frozen memtables");
        store.Flush().Should().BeTrue();
        store.RunCount.Should().Be(1);
        store.FrozenCount.Should().Be(1);
        CheckAllNineShapes(store, IntegrationLatest, "one flushed run");
        store.Flush().Should().BeTrue();
        store.FrozenCount.Should().Be(0);
        CheckAllNineShapes(store, IntegrationLatest, "two flushed runs");
        store.Freeze().Should().BeTrue();
        store.Flush().Should().BeTrue();
        store.Flush().Should().BeFalse("nothing is left to flush");
        store.Freeze().Should().BeFalse("the new memtable is empty");
        CheckAllNineShapes(store, IntegrationLatest, "everything flushed");
    }

    [Fact]
    public void A_lower_bound_in_a_gap_with_an_upper_bound_below_the_next_key_yields_nothing()
    {
        var store = IntegrationStore();
        store.Flush();
        foreach (var (lower, upper) in NineShapes(B("2"), B("25")))
        {
            if (lower.Kind != BoundKind.Unbounded && upper.Kind != BoundKind.Unbounded)
            {
                Drain(store.Scan(lower, upper)).Should().BeEmpty($"{lower}..{upper}");
            }
        }

        Drain(store.Scan(Bound.Excluded(B("1")), Bound.Excluded(B("3")))).Should().BeEmpty();
    }

    [Fact]
    public void Get_reads_the_newest_live_value_from_any_source()
    {
        var store = IntegrationStore();
        store.Get(B("1"), 3).Should().Equal(B("233"));
        store.Get(B("1"), 4).Should().BeNull();
        store.Get(B("3"), 6).Should().Equal(B("2333"));
        store.Flush();
        S(store.Get(B("1"))).Should().Be("233333");
        store.Get(B("2")).Should().BeNull("it was deleted in a frozen memtable");
        S(store.Get(B("4"))).Should().Be("23333");
        store.Get(B("5")).Should().BeNull();
    }

    [Fact]
    public void A_snapshot_read_does_not_see_later_writes_freezes_or_flushes()
    {
        var store = IntegrationStore();
        using var snapshot = store.OpenSnapshot();
        var open = store.Scan(Bound.Unbounded, Bound.Unbounded);
        store.Put(B("2"), B("late"));
        store.Delete(B("4"));
        store.Put(B("0"), B("late"));
        store.Freeze();
        store.Flush();
        store.Flush();
        store.Flush();
        Drain(open).Should().Equal(IntegrationLatest);
        Drain(snapshot.Scan(Bound.Unbounded, Bound.Unbounded)).Should().Equal(IntegrationLatest);
        snapshot.Get(B("2")).Should().BeNull();
        Drain(store.Scan(Bound.Unbounded, Bound.Unbounded))
            .Should().Equal(Pairs("0", "late", "1", "233333", "2", "late", "3", "233333"));
    }

    [Fact]
    public void A_scan_counts_one_active_iterator_per_source()
    {
        var store = IntegrationStore();
        store.Flush();
        var scan = store.Scan(Bound.Unbounded, Bound.Unbounded);
        scan.NumActiveIterators.Should().Be(3, "the mutable memtable, one frozen memtable, one run");
    }

    [Fact]
    public void Compaction_keeps_versions_an_open_snapshot_holds_and_drops_the_rest()
    {
        var store = new LsmStore();
        store.Put(B("k"), B("v1"));
        store.Put(B("k"), B("v2"));
        var snapshot = store.OpenSnapshot(); // version 2
        store.Put(B("k"), B("v3"));
        store.Delete(B("k"));
        store.Freeze();
        store.Flush();
        store.CompactionFrontier.Should().Be(2);
        store.Spine.LogicalCompaction.Elements.ToArray().Should().Equal(new Timestamp(2));
        store.Get(B("k"), 2).Should().Equal(B("v2"));
        store.Get(B("k"), 3).Should().Equal(B("v3"));
        store.Get(B("k"), 4).Should().BeNull();
        // Below the frontier: ArgumentOutOfRangeException, nothing read.
        FluentActions.Invoking(() => store.Get(B("k"), 1)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*compacted*");

        snapshot.Dispose();
        snapshot.Dispose();
        store.CompactionFrontier.Should().Be(4);
        FluentActions.Invoking(() => store.Get(B("k"), 2)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => snapshot.Get(B("k"))).Should().Throw<ObjectDisposedException>();
        FluentActions.Invoking(() => snapshot.Scan(default, default)).Should().Throw<ObjectDisposedException>();
        store.Get(B("k")).Should().BeNull();
    }

    [Fact]
    public void Flushed_runs_are_part5_batches_in_the_spine()
    {
        var store = new LsmStore();
        for (var round = 0; round < 8; round++)
        {
            for (var i = 0; i < 20; i++)
            {
                store.Put(B($"k{i:D2}"), B($"r{round}"));
            }

            store.Freeze();
            store.Flush();
        }

        var batches = store.Spine.Batches();
        batches.Should().NotBeEmpty();
        batches.Count.Should().BeLessThan(8, "the spine merged some of the eight runs");
        batches.Sum(b => b.Count).Should().BeGreaterThan(0);
        store.RunCount.Should().Be(batches.Count);
        Drain(store.Scan(Bound.Unbounded, Bound.Unbounded)).Should().HaveCount(20).And.OnlyContain(e => e.Value == "r7");
    }

    [Fact]
    public void Bad_input_gets_a_clear_exception_and_changes_nothing()
    {
        var store = IntegrationStore();
        var version = store.Version;

        // Null key or value: ArgumentNullException. Empty key: ArgumentException. Empty value: ArgumentException (Delete deletes).
        FluentActions.Invoking(() => store.Put(null!, B("v"))).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => store.Put(B("k"), null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => store.Put([], B("v"))).Should().Throw<ArgumentException>().WithMessage("*empty*");
        FluentActions.Invoking(() => store.Put(B("k"), [])).Should().Throw<ArgumentException>().WithMessage("*Delete*");
        FluentActions.Invoking(() => store.Delete(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => store.Delete([])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => store.Get(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => store.Get([])).Should().Throw<ArgumentException>();

        // A lower bound above the upper bound: ArgumentException.
        FluentActions.Invoking(() => store.Scan(Bound.Included(B("3")), Bound.Excluded(B("2"))))
            .Should().Throw<ArgumentException>().WithMessage("*above the upper bound*");
        // A version not yet written: ArgumentOutOfRangeException.
        FluentActions.Invoking(() => store.Scan(default, default, version + 1)).Should().Throw<ArgumentOutOfRangeException>();

        store.Version.Should().Be(version);
        Drain(store.Scan(Bound.Unbounded, Bound.Unbounded)).Should().Equal(IntegrationLatest);
    }

    [Fact]
    public void Key_ranges_scan_like_the_bounds_they_stand_for()
    {
        var store = IntegrationStore();
        Drain(store.Scan(KeyRange.From(B("1"), B("4")))).Should().Equal(Pairs("1", "233333", "3", "233333"));
        Drain(store.Scan(KeyRange.FromRange(3.., i => B(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
            .Should().Equal(Pairs("3", "233333", "4", "23333"));
    }
}
