using System.Numerics;
using Traces.Conformance;
using static Traces.OrdNeu.Tests.OrdNeuTestData;

namespace Traces.OrdNeu.Tests;

using KeyBatch = OrdKeyBatch<long, Timestamp, long>;
using KeyCursor = OrdKeyCursor<long, Timestamp, long, ArrayContainer<long>>;
using ValBatch = OrdValBatch<long, long, Timestamp, long>;
using ValCursor = OrdValCursor<long, long, Timestamp, long, ArrayContainer<long>, ArrayContainer<long>>;

/// <summary>The navigation every cursor under test offers, so one set of tests drives them all.</summary>
public interface ITestCursor<TVal>
{
    bool KeyValid { get; }

    bool ValValid { get; }

    long Key { get; }

    TVal Val { get; }

    /// <summary>The current value's updates, in the order the cursor visits them.</summary>
    List<(Timestamp Time, long Diff)> Times();

    void StepKey();

    void SeekKey(long key);

    void StepVal();

    void SeekVal(TVal val);

    void RewindKeys();

    void RewindVals();
}

/// <summary>
/// What every cursor must do, whether over one batch (<see cref="OrdValCursor{TKey, TVal, TTime, TDiff, TKeys, TVals}"/>,
/// <see cref="OrdKeyCursor{TKey, TTime, TDiff, TKeys}"/>) or several (<see cref="CursorList{TCursor, TKey, TVal, TTime, TDiff}"/>),
/// checked against a model: the batches' updates in one sorted list, and two indexes into its distinct keys and values.
/// </summary>
/// <typeparam name="TVal">The value type (<see cref="Unit"/> for key batches).</typeparam>
public abstract class CursorConformance<TVal>
    where TVal : IComparable<TVal>
{
    /// <summary>Gets the most batches <see cref="Create"/> accepts (1 for a cursor over one batch).</summary>
    protected abstract int MaxBatches { get; }

    /// <summary>Makes the value numbered <paramref name="index"/>; key batches map every number to <see cref="Unit"/>.</summary>
    protected abstract TVal MakeVal(int index);

    /// <summary>Builds one batch per list (each with times in <c>[10 i, 10 (i + 1))</c>) and a cursor over them.</summary>
    protected abstract ITestCursor<TVal> Create(IReadOnlyList<List<Update<long, TVal, Timestamp, long>>> batches);

    private Update<long, TVal, Timestamp, long> U(long key, int val, ulong time, long diff) => new(key, MakeVal(val), time, diff);

    private List<List<Update<long, TVal, Timestamp, long>>> RandomBatches(Choices choices, int count)
    {
        var batches = new List<List<Update<long, TVal, Timestamp, long>>>();
        for (int i = 0; i < count; i++)
        {
            // About one batch in four is empty.
            int size = choices.Next(4) == 0 ? 0 : choices.Next(1, 120);
            var updates = new List<Update<long, TVal, Timestamp, long>>(size);
            for (int u = 0; u < size; u++)
            {
                updates.Add(U(choices.Next(30), choices.Next(6), (10UL * (ulong)i) + (ulong)choices.Next(10), choices.Next(1, 3)));
            }

            batches.Add(Consolidated(updates));
        }

        return batches;
    }

    private static string Code(List<List<Update<long, TVal, Timestamp, long>>> batches) =>
        "[" + string.Join(", ", batches.Select(CodeText.List)) + "]";

    [Fact]
    public void Seeking_the_current_key_after_stepping_its_values_rewinds_them()
    {
        var updates = new List<Update<long, TVal, Timestamp, long>> { U(1, 0, 1, 1), U(3, 1, 2, 1), U(3, 4, 3, 1), U(5, 2, 4, 1) };
        var cursor = Create(Batches(updates));
        cursor.SeekKey(3);
        while (cursor.ValValid)
        {
            cursor.StepVal();
        }

        cursor.SeekKey(3);
        cursor.Key.Should().Be(3);
        cursor.ValValid.Should().BeTrue("a key seek rewinds the values, even when it does not move");
        cursor.Val.Should().Be(MakeVal(1));
        cursor.Times().Should().Equal(new ModelCursor(Model(Batches(updates))).Times(3, MakeVal(1)));
    }

    [Fact]
    public void Seeking_past_the_end_leaves_nothing_valid_until_a_rewind()
    {
        var cursor = Create(Batches([U(1, 0, 1, 1), U(3, 1, 2, 1)]));
        cursor.SeekKey(4);
        cursor.KeyValid.Should().BeFalse();
        cursor.ValValid.Should().BeFalse();
        cursor.Invoking(c => c.Key).Should().Throw<InvalidOperationException>();
        cursor.Invoking(c => c.Val).Should().Throw<InvalidOperationException>();

        cursor.StepKey();
        cursor.StepVal();
        cursor.SeekVal(MakeVal(0));
        cursor.RewindVals();
        cursor.SeekKey(0);
        cursor.KeyValid.Should().BeFalse("no move but a rewind of the keys goes back");
        cursor.ValValid.Should().BeFalse();

        cursor.RewindKeys();
        cursor.Key.Should().Be(1);
        cursor.Val.Should().Be(MakeVal(0));
    }

    [Fact]
    public void Seeking_backwards_does_not_move()
    {
        var cursor = Create(Batches([U(1, 0, 1, 1), U(3, 1, 2, 1), U(3, 3, 3, 1), U(5, 2, 4, 1)]));
        cursor.SeekKey(3);
        cursor.SeekVal(MakeVal(3));
        cursor.Val.Should().Be(MakeVal(3));
        cursor.SeekVal(MakeVal(0));
        cursor.Val.Should().Be(MakeVal(3), "a value seek backwards stays");

        cursor.SeekKey(1);
        cursor.Key.Should().Be(3, "a key seek backwards stays at the key");
        cursor.Val.Should().Be(MakeVal(1), "and, like every key seek, rewinds its values");
    }

    [Fact]
    public void Rewinds_start_the_keys_and_the_values_over()
    {
        var updates = new List<Update<long, TVal, Timestamp, long>> { U(2, 0, 1, 1), U(2, 5, 3, -1), U(7, 3, 2, 2) };
        var cursor = Create(Batches(updates));
        var first = Walk(cursor);
        first.Should().Equal(Consolidated(updates));

        cursor.RewindKeys();
        Walk(cursor).Should().Equal(first);

        cursor.RewindKeys();
        cursor.StepVal();
        cursor.RewindVals();
        cursor.Key.Should().Be(2);
        cursor.Val.Should().Be(MakeVal(0));
    }

    [Fact]
    public void A_cursor_over_empty_batches_is_never_valid()
    {
        foreach (int count in MaxBatches == 1 ? [1] : new[] { 0, 1, MaxBatches })
        {
            var cursor = Create(Enumerable.Range(0, count).Select(_ => new List<Update<long, TVal, Timestamp, long>>()).ToList());
            cursor.KeyValid.Should().BeFalse();
            cursor.ValValid.Should().BeFalse();
            cursor.StepKey();
            cursor.SeekKey(0);
            cursor.StepVal();
            cursor.SeekVal(MakeVal(0));
            cursor.RewindVals();
            cursor.RewindKeys();
            cursor.KeyValid.Should().BeFalse();
            cursor.ValValid.Should().BeFalse();
            cursor.Invoking(c => c.Key).Should().Throw<InvalidOperationException>();
            cursor.Invoking(c => c.Val).Should().Throw<InvalidOperationException>();
        }
    }

    [Fact]
    [Trait("Runs", "model")]
    public void A_full_walk_presents_every_batch_once() =>
        ModelRun.Check("cursors: a full walk", (choices, log) =>
        {
            var batches = RandomBatches(choices, choices.Next(1, MaxBatches + 1));
            log.Write($"List<List<Update<long, {CodeText.TypeName(typeof(TVal))}, Timestamp, long>>> batches = {Code(batches)};");
            log.Write("Walk(Create(batches)).Should().Equal(Model(batches));");
            Walk(Create(batches)).Should().Equal(Model(batches));
        }, sequences: 200, maxChoices: 2_000);

    [Fact]
    [Trait("Runs", "model")]
    public void Random_moves_land_where_the_model_does() =>
        ModelRun.Check("cursors: random moves", (choices, log) =>
        {
            var batches = RandomBatches(choices, choices.Next(1, MaxBatches + 1));
            var cursor = Create(batches);
            var model = new ModelCursor(Model(batches));
            log.Write($"List<List<Update<long, {CodeText.TypeName(typeof(TVal))}, Timestamp, long>>> batches = {Code(batches)};");
            log.Write("var cursor = Create(batches);");
            for (int move = 1; move <= 200 && !choices.Exhausted; move++)
            {
                int kind = choices.Next(10);
                long key = choices.Next(-1, 32);
                TVal val = MakeVal(choices.Next(7));
                string what = kind switch
                {
                    0 or 1 => Do("StepKey()", cursor.StepKey, model.StepKey),
                    2 or 3 => Do($"SeekKey({key})", () => cursor.SeekKey(key), () => model.SeekKey(key)),
                    4 or 5 => Do("StepVal()", cursor.StepVal, model.StepVal),
                    6 or 7 => Do($"SeekVal({CodeText.Literal(val)})", () => cursor.SeekVal(val), () => model.SeekVal(val)),
                    8 => Do("RewindVals()", cursor.RewindVals, model.RewindVals),
                    _ => Do("RewindKeys()", cursor.RewindKeys, model.RewindKeys),
                };

                log.Write($"cursor.{what};");
                log.Write($"cursor.KeyValid.Should().Be({(model.KeyValid ? "true" : "false")});");
                cursor.KeyValid.Should().Be(model.KeyValid, "after move {0}, {1}", move, what);
                log.Write($"cursor.ValValid.Should().Be({(model.ValValid ? "true" : "false")});");
                cursor.ValValid.Should().Be(model.ValValid, "after move {0}, {1}", move, what);
                if (model.KeyValid)
                {
                    log.Write($"cursor.Key.Should().Be({model.Key});");
                    cursor.Key.Should().Be(model.Key, "after move {0}, {1}", move, what);
                }

                if (model.ValValid)
                {
                    log.Write($"cursor.Val.Should().Be({CodeText.Literal(model.Val)});");
                    cursor.Val.Should().Be(model.Val, "after move {0}, {1}", move, what);
                    cursor.Times().OrderBy(t => t.Time).ThenBy(t => t.Diff).Should().Equal(model.Times(), "after move {0}, {1}", move, what);
                }
            }
        }, sequences: 1_000, maxChoices: 3_000);

    private static string Do(string what, Action cursor, Action model)
    {
        cursor();
        model();
        return what;
    }

    private static List<List<Update<long, TVal, Timestamp, long>>> Batches(List<Update<long, TVal, Timestamp, long>> updates) =>
        [Consolidated(updates)];

    // Each batch's updates, in one list sorted by (key, value, time, diff); not consolidated across batches, because
    // a cursor list presents a (key, value) that some batch holds even when its updates cancel across batches.
    private static List<Update<long, TVal, Timestamp, long>> Model(List<List<Update<long, TVal, Timestamp, long>>> batches) =>
        batches.SelectMany(b => b).OrderBy(u => u.Key).ThenBy(u => u.Val).ThenBy(u => u.Time).ThenBy(u => u.Diff).ToList();

    // Reads from the cursor's position to the end, each value's updates sorted by (time, diff).
    private static List<Update<long, TVal, Timestamp, long>> Walk(ITestCursor<TVal> cursor)
    {
        var seen = new List<Update<long, TVal, Timestamp, long>>();
        for (; cursor.KeyValid; cursor.StepKey())
        {
            for (; cursor.ValValid; cursor.StepVal())
            {
                long key = cursor.Key;
                TVal val = cursor.Val;
                seen.AddRange(cursor.Times().OrderBy(t => t.Time).ThenBy(t => t.Diff).Select(t => new Update<long, TVal, Timestamp, long>(key, val, t.Time, t.Diff)));
            }
        }

        return seen;
    }

    /// <summary>The reference: indexes into the sorted distinct keys and, within the key, its sorted distinct values.</summary>
    private sealed class ModelCursor(List<Update<long, TVal, Timestamp, long>> updates)
    {
        private readonly long[] _keys = updates.Select(u => u.Key).Distinct().ToArray();
        private int _key;
        private int _val;

        public bool KeyValid => _key < _keys.Length;

        public bool ValValid => KeyValid && _val < Vals.Length;

        public long Key => _keys[_key];

        public TVal Val => Vals[_val];

        private TVal[] Vals => updates.Where(u => u.Key == Key).Select(u => u.Val).Distinct().ToArray();

        public List<(Timestamp, long)> Times() => Times(Key, Val);

        public List<(Timestamp, long)> Times(long key, TVal val) =>
            updates.Where(u => u.Key == key && u.Val.CompareTo(val) == 0).Select(u => (u.Time, u.Diff)).ToList();

        public void StepKey()
        {
            if (KeyValid)
            {
                _key++;
                _val = 0;
            }
        }

        public void SeekKey(long key)
        {
            while (KeyValid && _keys[_key] < key)
            {
                _key++;
            }

            _val = 0;
        }

        public void StepVal()
        {
            if (ValValid)
            {
                _val++;
            }
        }

        public void SeekVal(TVal val)
        {
            while (ValValid && Vals[_val].CompareTo(val) < 0)
            {
                _val++;
            }
        }

        public void RewindKeys() => (_key, _val) = (0, 0);

        public void RewindVals() => _val = 0;
    }
}

/// <summary>Adapts a struct cursor to <see cref="ITestCursor{TVal}"/>.</summary>
internal sealed class StructTestCursor<TCursor, TVal>(TCursor cursor) : ITestCursor<TVal>
    where TCursor : struct, ICursor<TCursor, long, TVal, Timestamp, long>
{
    private TCursor _cursor = cursor;

    public bool KeyValid => _cursor.KeyValid;

    public bool ValValid => _cursor.ValValid;

    public long Key => _cursor.Key;

    public TVal Val => _cursor.Val;

    public List<(Timestamp Time, long Diff)> Times()
    {
        var times = new List<(Timestamp, long)>();
        var visitor = new DelegateVisitor<Timestamp, long>((t, d) => times.Add((t, d)));
        _cursor.MapTimes(ref visitor);
        return times;
    }

    public void StepKey() => _cursor.StepKey();

    public void SeekKey(long key) => _cursor.SeekKey(key);

    public void StepVal() => _cursor.StepVal();

    public void SeekVal(TVal val) => _cursor.SeekVal(val);

    public void RewindKeys() => _cursor.RewindKeys();

    public void RewindVals() => _cursor.RewindVals();
}

/// <summary>Adapts a <see cref="CursorList{TCursor, TKey, TVal, TTime, TDiff}"/> to <see cref="ITestCursor{TVal}"/>.</summary>
internal sealed class ListTestCursor<TCursor, TVal>(CursorList<TCursor, long, TVal, Timestamp, long> list) : ITestCursor<TVal>
    where TCursor : struct, ICursor<TCursor, long, TVal, Timestamp, long>
{
    public bool KeyValid => list.KeyValid;

    public bool ValValid => list.ValValid;

    public long Key => list.Key;

    public TVal Val => list.Val;

    public List<(Timestamp Time, long Diff)> Times()
    {
        var times = new List<(Timestamp, long)>();
        list.MapTimes((t, d) => times.Add((t, d)));
        return times;
    }

    public void StepKey() => list.StepKey();

    public void SeekKey(long key) => list.SeekKey(key);

    public void StepVal() => list.StepVal();

    public void SeekVal(TVal val) => list.SeekVal(val);

    public void RewindKeys() => list.RewindKeys();

    public void RewindVals() => list.RewindVals();
}

internal static class ConformanceBatches
{
    public static ValBatch Val(List<Update<long, long, Timestamp, long>> updates, int index) =>
        Build(
            ValBatch.CreateBuilder(
                updates.Select(u => u.Key).Distinct().Count(), updates.Select(u => (u.Key, u.Val)).Distinct().Count(), updates.Count),
            updates,
            Window(index));

    public static KeyBatch Key(List<Update<long, Unit, Timestamp, long>> updates, int index) =>
        Build(KeyBatch.CreateBuilder(updates.Select(u => u.Key).Distinct().Count(), updates.Count), updates, Window(index));

    private static Description<Timestamp> Window(int index) =>
        Describe<Timestamp>([10UL * (ulong)index], [10UL * (ulong)(index + 1)]);
}

[Trait("Part", "5")]
public sealed class OrdValCursorConformance : CursorConformance<long>
{
    protected override int MaxBatches => 1;

    protected override long MakeVal(int index) => index;

    protected override ITestCursor<long> Create(IReadOnlyList<List<Update<long, long, Timestamp, long>>> batches) =>
        new StructTestCursor<ValCursor, long>(ConformanceBatches.Val(batches.Single(), 0).GetCursor());
}

[Trait("Part", "5")]
public sealed class OrdKeyCursorConformance : CursorConformance<Unit>
{
    protected override int MaxBatches => 1;

    protected override Unit MakeVal(int index) => Unit.Value;

    protected override ITestCursor<Unit> Create(IReadOnlyList<List<Update<long, Unit, Timestamp, long>>> batches) =>
        new StructTestCursor<KeyCursor, Unit>(ConformanceBatches.Key(batches.Single(), 0).GetCursor());
}

[Trait("Part", "5")]
public sealed class OrdValCursorListConformance : CursorConformance<long>
{
    protected override int MaxBatches => 5;

    protected override long MakeVal(int index) => index;

    protected override ITestCursor<long> Create(IReadOnlyList<List<Update<long, long, Timestamp, long>>> batches) =>
        new ListTestCursor<ValCursor, long>(ValBatch.CreateCursorList(batches.Select(ConformanceBatches.Val).ToList()));
}

[Trait("Part", "5")]
public sealed class OrdKeyCursorListConformance : CursorConformance<Unit>
{
    protected override int MaxBatches => 5;

    protected override Unit MakeVal(int index) => Unit.Value;

    protected override ITestCursor<Unit> Create(IReadOnlyList<List<Update<long, Unit, Timestamp, long>>> batches) =>
        new ListTestCursor<KeyCursor, Unit>(KeyBatch.CreateCursorList(batches.Select(ConformanceBatches.Key).ToList()));
}
