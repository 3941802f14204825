using static Traces.OrdNeu.Tests.OrdNeuTestData;

namespace Traces.OrdNeu.Tests;

using KeyBatch = OrdKeyBatch<long, Timestamp, long>;
using ValBatch = OrdValBatch<long, long, Timestamp, long>;

/// <summary>
/// What each bad input to a builder, a cursor or a storage's inspection members gets: a clear exception that
/// names the argument or says what is wrong, with nothing changed.
/// </summary>
[Trait("Part", "5")]
public sealed class ArgumentCheckTests
{
    [Fact]
    public void Builders_refuse_negative_counts_null_parts_a_null_description_and_use_after_Done()
    {
        ((Action)(() => ValBatch.CreateBuilder(-1, 0, 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("keys");
        ((Action)(() => ValBatch.CreateBuilder(0, -1, 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("vals");
        ((Action)(() => ValBatch.CreateBuilder(0, 0, -1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("updates");
        ((Action)(() => KeyBatch.CreateBuilder(-1, 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("keys");
        ((Action)(() => KeyBatch.CreateBuilder(0, -1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("updates");

        var keys = KeyBatch.CreateBuilder(2, 2);
        var strings = OrdKeyBatch<string, Timestamp, long>.CreateBuilder(1, 1);
        strings.Invoking(b => b.Push(new Update<string, Unit, Timestamp, long>(null!, Unit.Value, 0UL, 1)))
            .Should().Throw<ArgumentException>().WithMessage("An update's key and time must not be null.*");
        strings.Done(FirstTen).Count.Should().Be(0);
        keys.Invoking(b => b.Done(null!)).Should().Throw<ArgumentNullException>().WithParameterName("description");
        keys.Done(FirstTen).Count.Should().Be(0);
        keys.Invoking(b => b.Push(new Update<long, Unit, Timestamp, long>(1, Unit.Value, 0UL, 1)))
            .Should().Throw<InvalidOperationException>().WithMessage("The builder has already produced its batch.");
        keys.Invoking(b => b.Done(FirstTen)).Should().Throw<InvalidOperationException>().WithMessage("The builder has already produced its batch.");

        var vals = ValBatch.CreateBuilder(1, 1, 2);
        vals.Push(new Update<long, long, Timestamp, long>(1, 1, 5UL, 1));
        vals.Invoking(b => b.Push(new Update<long, long, Timestamp, long>(1, 1, 4UL, 1)))
            .Should().Throw<ArgumentException>().WithMessage("*(1, 1, 4) follows (1, 1, 5)*");
        vals.Done(FirstTen).Count.Should().Be(1);
        vals.Invoking(b => b.Push(new Update<long, long, Timestamp, long>(2, 1, 0UL, 1)))
            .Should().Throw<InvalidOperationException>().WithMessage("The builder has already produced its batch.");
        vals.Invoking(b => b.Done(FirstTen)).Should().Throw<InvalidOperationException>().WithMessage("The builder has already produced its batch.");
    }

    [Fact]
    public void A_key_builder_sums_repeated_times_and_accepts_a_time_equal_to_the_last()
    {
        var builder = KeyBatch.CreateBuilder(1, 2);
        builder.Push(new Update<long, Unit, Timestamp, long>(1, Unit.Value, 3UL, 1));
        builder.Push(new Update<long, Unit, Timestamp, long>(1, Unit.Value, 3UL, 1));
        KeyContents(builder.Done(FirstTen)).Should().Equal(new Update<long, Unit, Timestamp, long>(1, Unit.Value, 3UL, 2));
    }

    [Fact]
    public void Cursors_refuse_a_null_storage_a_null_action_and_reads_where_they_are_not()
    {
        ((Action)(() => _ = new OrdKeyCursor<long, Timestamp, long, ArrayContainer<long>>(null!))).Should().Throw<ArgumentNullException>().WithParameterName("storage");
        ((Action)(() => _ = new OrdValCursor<long, long, Timestamp, long, ArrayContainer<long>, ArrayContainer<long>>(null!))).Should().Throw<ArgumentNullException>().WithParameterName("storage");

        var keyCursor = BuildKeys([new(1, 0, 0UL, 1)], FirstTen).GetCursor();
        var valCursor = BuildVal([new(1, 0, 0UL, 1)], FirstTen).GetCursor();
        ((Action)(() => keyCursor.MapTimes(null!))).Should().Throw<ArgumentNullException>().WithParameterName("action");
        ((Action)(() => valCursor.MapTimes(null!))).Should().Throw<ArgumentNullException>().WithParameterName("action");

        keyCursor.StepVal();
        valCursor.StepVal();
        ((Action)(() => _ = keyCursor.Val)).Should().Throw<InvalidOperationException>().WithMessage("The cursor is not at a value.");
        ((Action)(() => _ = keyCursor.Times.Length)).Should().Throw<InvalidOperationException>().WithMessage("The cursor is not at a value.");
        ((Action)(() => _ = valCursor.Val)).Should().Throw<InvalidOperationException>().WithMessage("The cursor is not at a value.");
        ((Action)(() => _ = valCursor.Diffs.Length)).Should().Throw<InvalidOperationException>().WithMessage("The cursor is not at a value.");

        keyCursor.StepKey();
        valCursor.StepKey();
        ((Action)(() => _ = keyCursor.Key)).Should().Throw<InvalidOperationException>().WithMessage("The cursor is not at a key.");
        ((Action)(() => _ = valCursor.Key)).Should().Throw<InvalidOperationException>().WithMessage("The cursor is not at a key.");
    }

    [Fact]
    public void A_storage_refuses_inspection_outside_its_columns()
    {
        var storage = BuildVal([new(1, 0, 0UL, 1), new(2, 0, 0UL, 1)], FirstTen).Storage;
        storage.Invoking(s => s.KeyAt(2)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("index");
        storage.Invoking(s => s.KeyAt(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("index");
        storage.Invoking(s => s.StoredUpdateAt(1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("index");
        storage.Invoking(s => s.ValAt(2)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("index");
        storage.Invoking(s => s.KeyOffsetAt(3)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("index");
        storage.Invoking(s => s.ValOffsetAt(3)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("index");
        storage.KeyOffsetAt(2).Should().Be(2);
        storage.ValOffsetAt(2).Should().Be(1, "both values are the same update, the second a singleton");
    }
}
