// The cases are public by xUnit's rules and named as sentences: their names are their documentation.
#pragma warning disable CS1591

namespace Traces.Conformance;

/// <content>
/// Reading while writing, and the cursor: what a reader holding a result of <c>Get</c> or <c>Keys</c>, or a cursor,
/// sees when the trace changes (a change is an <c>Add</c> of at least one update, or an <c>AdvanceBy</c>), and what
/// a cursor does with bad input. Every trace the suite runs on offers a cursor
/// (<see cref="INavigableTrace{TKey, TVal, TTime, TDiff}"/>); <see cref="TraceChecker"/> compares it with the model
/// in every other case.
/// </content>
public abstract partial class TraceConformanceCore<TVal>
{
    // ----- Reading while writing -----

    [Fact]
    public void Results_made_before_an_add_throw_when_read_after_it()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 1, 1), U(2, 0, 1, 1));
        var got = twin.Trace.Get(1);
        var keys = twin.Trace.Keys();
        using var started = twin.Trace.Keys().GetEnumerator();
        started.MoveNext().Should().BeTrue();

        twin.Add(U(3, 0, 2, 1));

        AfterChange("Get(1)'s result, enumerated after an Add,", () => got.ToList());
        AfterChange("Keys()'s result, enumerated after an Add,", () => keys.ToList());
        AfterChange("A Keys() enumeration started before an Add, continued after it,", () => started.MoveNext());
        twin.Verify();
    }

    [Fact]
    public void Results_made_before_AdvanceBy_throw_when_read_after_it()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 1, 1), U(1, 0, 2, 1));
        var got = twin.Trace.Get(1);
        var keys = twin.Trace.Keys();

        twin.AdvanceBy(new Antichain<Timestamp>(2));

        AfterChange("Get(1)'s result, enumerated after AdvanceBy,", () => got.ToList());
        AfterChange("Keys()'s result, enumerated after AdvanceBy,", () => keys.ToList());
        twin.Verify();
    }

    [Fact]
    public void Results_stay_readable_after_an_empty_or_refused_add()
    {
        var twin = Twin<string, Timestamp>();
        twin.Add(U("a", 0, 1, 1));
        var got = twin.Trace.Get("a");
        var keys = twin.Trace.Keys();
        var cursor = Navigable(twin.Trace).GetCursor();

        twin.Add();
        var refused = () => twin.Trace.Add([U("b", 0, 1, 1), new Update<string, TVal, Timestamp, long>(null!, Val(0), 1, 1)]);
        refused.Should().Throw<ArgumentException>();

        ExpectUpdates("Get(\"a\")'s result, after an empty and a refused Add,", got, U("a", 0, 1, 1));
        keys.Should().Equal("a");
        cursor.KeyValid.Should().BeTrue();
        cursor.Key.Should().Be("a");
        twin.Verify();
    }

    // ----- The cursor -----

    [Fact]
    public void A_cursor_used_after_the_trace_changes_throws()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 1, 1), U(2, 0, 1, 1));
        var beforeAdd = Navigable(twin.Trace).GetCursor();
        twin.Add(U(3, 0, 2, 1));
        var beforeAdvance = Navigable(twin.Trace).GetCursor();
        twin.AdvanceBy(new Antichain<Timestamp>(2));

        foreach (var (name, cursor) in new[] { ("an Add", beforeAdd), ("AdvanceBy", beforeAdvance) })
        {
            AfterChange($"KeyValid after {name}", () => cursor.KeyValid);
            AfterChange($"ValValid after {name}", () => cursor.ValValid);
            AfterChange($"Key after {name}", () => cursor.Key);
            AfterChange($"Val after {name}", () => cursor.Val);
            AfterChange($"History after {name}", () => cursor.History.Length);
            AfterChange($"StepKey after {name}", cursor.StepKey);
            AfterChange($"SeekKey after {name}", () => cursor.SeekKey(2));
            AfterChange($"StepVal after {name}", cursor.StepVal);
            AfterChange($"SeekVal after {name}", () => cursor.SeekVal(Val(0)));
            AfterChange($"RewindKeys after {name}", cursor.RewindKeys);
            AfterChange($"RewindVals after {name}", cursor.RewindVals);
        }

        twin.Verify();
    }

    [Fact]
    public void A_cursor_over_an_empty_trace_is_past_the_end()
    {
        var cursor = Navigable(CreateCore<long, Timestamp>()).GetCursor();
        cursor.KeyValid.Should().BeFalse();
        cursor.ValValid.Should().BeFalse();
        FluentActions.Invoking(() => cursor.Key).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => cursor.Val).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => cursor.History.Length).Should().Throw<InvalidOperationException>();
        cursor.StepKey();
        cursor.SeekKey(5);
        cursor.RewindKeys();
        cursor.KeyValid.Should().BeFalse();
    }

    [Fact]
    public void A_cursor_past_the_last_value_throws_when_asked_for_it_and_past_the_last_key_stays_there()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 1, 1), U(1, 1, 1, 2));
        var cursor = Navigable(twin.Trace).GetCursor();
        cursor.StepVal();
        cursor.StepVal();
        cursor.ValValid.Should().BeFalse();
        cursor.KeyValid.Should().BeTrue();
        FluentActions.Invoking(() => cursor.Val).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => cursor.History.Length).Should().Throw<InvalidOperationException>();
        cursor.StepKey();
        cursor.StepKey();
        cursor.KeyValid.Should().BeFalse();
        FluentActions.Invoking(() => cursor.Key).Should().Throw<InvalidOperationException>();
        twin.Verify();
    }

    [Fact]
    public void A_cursor_seek_to_a_null_key_or_value_is_rejected_and_leaves_the_cursor_where_it_was()
    {
        var twin = Twin<string, Timestamp>();
        twin.Add(U("a", 0, 1, 1), U("b", 0, 1, 1), U("b", 1, 1, 1));
        var cursor = Navigable(twin.Trace).GetCursor();
        cursor.SeekKey("b");
        FluentActions.Invoking(() => cursor.SeekKey(null!)).Should().Throw<ArgumentNullException>();
        cursor.Key.Should().Be("b");
        cursor.Val.Should().Be(Val(0));
        if (default(TVal) is null)
        {
            FluentActions.Invoking(() => cursor.SeekVal(default!)).Should().Throw<ArgumentNullException>();
            cursor.Val.Should().Be(Val(0));
        }

        twin.Verify();
    }

    [Fact]
    public void A_cursor_skips_keys_and_values_whose_updates_cancel()
    {
        var twin = Twin<long, Timestamp>();
        twin.Add(U(1, 0, 1, 1), U(2, 0, 1, 1), U(2, 1, 1, 1), U(3, 0, 1, 1));
        twin.Add(U(2, 0, 1, -1), U(1, 0, 1, -1));
        var cursor = Navigable(twin.Trace).GetCursor();
        cursor.Key.Should().Be(2);
        cursor.Val.Should().Be(Val(1));
        cursor.History.ToArray().Should().Equal((new Timestamp(1), 1L));
        cursor.StepKey();
        cursor.Key.Should().Be(3);
        twin.Verify(extraKeys: [0, 4]);
    }

    [Fact]
    public void A_cursor_reads_every_batch_with_histories_consolidated_across_them()
    {
        var twin = Twin<long, Timestamp>();
        for (ulong t = 0; t < 40; t++)
        {
            twin.Add(U((long)(t % 5), (int)(t % 3), t % 4, 1));
        }

        var cursor = Navigable(twin.Trace).GetCursor();
        cursor.SeekKey(4);
        cursor.SeekVal(Val(1));
        long total = 0;
        foreach (var (_, diff) in cursor.History)
        {
            total += diff;
        }

        total.Should().Be(twin.Model.Get(4).Where(u => u.Val.Equals(Val(1))).Sum(u => u.Diff));
        twin.Verify();
    }

    // ----- Helpers -----

    private protected static INavigableTrace<TKey, TVal, TTime, long> Navigable<TKey, TTime>(ITrace<TKey, TVal, TTime, long> trace)
        where TKey : IComparable<TKey>
        where TTime : ILattice<TTime> =>
        trace as INavigableTrace<TKey, TVal, TTime, long>
            ?? throw new ConformanceException(
                $"{trace.GetType().Name} does not implement INavigableTrace: the contract's read path is a cursor (GetCursor).");

    private static void AfterChange(string what, Action read)
    {
        try
        {
            read();
        }
        catch (InvalidOperationException)
        {
            return;
        }

        throw new ConformanceException($"{what} does not throw InvalidOperationException: a reader must not see a trace that has changed.");
    }

    private static void AfterChange<T>(string what, Func<T> read) => AfterChange(what, () => { _ = read(); });
}
