using Exercises.Ch07;
using Traces;
using Traces.OrdNeu;
using Batch = Traces.OrdNeu.OrdValBatch<long, long, Traces.Timestamp, long>;
using Cursor = Traces.OrdNeu.OrdValCursor<long, long, Traces.Timestamp, long,
    Traces.OrdNeu.ArrayContainer<long>, Traces.OrdNeu.ArrayContainer<long>>;

namespace Exercises.Ch09;

/// <summary>Counts the key moves of the cursors it wraps.</summary>
public sealed class MoveCounter
{
    public int Moves { get; set; }
}

/// <summary>A value cursor that counts its key moves (steps and seeks) in a shared
/// counter.</summary>
public struct CountingCursor(Cursor inner, MoveCounter counter)
    : ICursor<CountingCursor, long, long, Timestamp, long>
{
    private Cursor _inner = inner;

    public readonly bool KeyValid => _inner.KeyValid;

    public readonly bool ValValid => _inner.ValValid;

    public readonly long Key => _inner.Key;

    public readonly long Val => _inner.Val;

    public readonly void MapTimes<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IUpdateVisitor<Timestamp, long> => _inner.MapTimes(ref visitor);

    public void StepKey()
    {
        counter.Moves++;
        _inner.StepKey();
    }

    public void SeekKey(long key)
    {
        counter.Moves++;
        _inner.SeekKey(key);
    }

    public void StepVal() => _inner.StepVal();

    public void SeekVal(long val) => _inner.SeekVal(val);

    public void RewindKeys() => _inner.RewindKeys();

    public void RewindVals() => _inner.RewindVals();

    public readonly int CompareKey(in CountingCursor other) => _inner.CompareKey(other._inner);

    public readonly int CompareVal(in CountingCursor other) => _inner.CompareVal(other._inner);
}

#region join-check
/// <summary>
/// The check for your common-keys search: subclass it, find the keys both cursors hold, and run
/// <c>dotnet test</c>. The cursors count their key moves: a search that walks the larger batch key
/// by key finds the right keys and still fails.
/// </summary>
public abstract class CommonKeysCheck
{
    protected abstract List<long> CommonKeys(CountingCursor a, CountingCursor b);
#endregion

    [Theory]
    [Trait("Part", "exercises")]
    [InlineData(10, 100_000)]
    [InlineData(100_000, 10)]
    [InlineData(3_000, 3_000)]
    public void Common_keys_cost_moves_in_proportion_to_the_smaller_batch(int smallKeys, int largeKeys)
    {
        var random = new Random(91);
        var a = KeysBatch(random, smallKeys, 4 * Math.Max(smallKeys, largeKeys));
        var b = KeysBatch(random, largeKeys, 4 * Math.Max(smallKeys, largeKeys));
        var counter = new MoveCounter();
        var found = CommonKeys(new(a.Batch.GetCursor(), counter), new(b.Batch.GetCursor(), counter));
        found.Should().Equal(a.Keys.Intersect(b.Keys).Order());
        counter.Moves.Should().BeLessThanOrEqualTo(3 * Math.Min(smallKeys, largeKeys) + 1);
    }

    private static (Batch Batch, SortedSet<long> Keys) KeysBatch(Random random, int count, int range)
    {
        var keys = new SortedSet<long>();
        while (keys.Count < count)
        {
            keys.Add(random.Next(range));
        }

        return (TestBatches.Build(keys.Select(k => new Update<long, long, Timestamp, long>(k, 0, 0, 1)), 0, 1), keys);
    }
}

#region live-check
/// <summary>
/// The check for your live-keys reader: subclass it, list the keys of the cursor list whose updates
/// do not cancel, and run <c>dotnet test</c>.
/// </summary>
public abstract class LiveKeysCheck
{
    protected abstract List<long> LiveKeys(CursorList<Cursor, long, long, Timestamp, long> cursors);
#endregion

    [Fact]
    [Trait("Part", "exercises")]
    public void Updates_that_cancel_across_batches_leave_no_key_and_different_times_do_not_cancel()
    {
        var older = TestBatches.Build<long, long>([new(1, 0, 1, +1), new(2, 0, 1, +1), new(3, 0, 1, +1)], 0, 2);
        var newer = TestBatches.Build<long, long>([new(1, 0, 1, -1), new(2, 0, 3, -1), new(3, 5, 2, +1)], 2, 4);
        LiveKeys(Batch.CreateCursorList([older, newer])).Should().Equal(2, 3);
    }

    [Theory]
    [Trait("Part", "exercises")]
    [InlineData(92)]
    [InlineData(93)]
    public void Random_batches_have_exactly_the_keys_their_consolidation_has(int seed)
    {
        var random = new Random(seed);
        var all = new List<Update<long, long, Timestamp, long>>();
        var batches = new List<Batch>();
        for (ulong i = 0; i < 4; i++)
        {
            var updates = TestBatches.Random(random, 200, 60, 0, 3);
            all.AddRange(updates);
            batches.Add(TestBatches.Build(updates, i, i + 1));
        }

        Consolidation.Consolidate(all);
        LiveKeys(Batch.CreateCursorList(batches)).Should().Equal(all.Select(u => u.Key).Distinct());
    }
}

/// <summary>The common-keys check against the worked answer.</summary>
public sealed class CommonKeysAnswer : CommonKeysCheck
{
    protected override List<long> CommonKeys(CountingCursor a, CountingCursor b) =>
        Leapfrog.CommonKeys<CountingCursor, long, long, Timestamp, long>(a, b);
}

/// <summary>The live-keys check against the worked answer.</summary>
public sealed class LiveKeysAnswer : LiveKeysCheck
{
    protected override List<long> LiveKeys(CursorList<Cursor, long, long, Timestamp, long> cursors) =>
        Ch09.LiveKeys.Of(cursors);
}

public sealed class CursorChecksCatch
{
    // Finds the right keys by stepping the smaller cursor only: as many moves as the larger batch
    // has keys.
    private sealed class Walks : CommonKeysCheck
    {
        protected override List<long> CommonKeys(CountingCursor a, CountingCursor b)
        {
            var common = new List<long>();
            while (a.KeyValid && b.KeyValid)
            {
                int order = a.CompareKey(b);
                if (order == 0)
                {
                    common.Add(a.Key);
                }

                if (order <= 0)
                {
                    a.StepKey();
                }
                else
                {
                    b.StepKey();
                }
            }

            return common;
        }
    }

    // Sums a value's diffs over all its times: +1 at 1 and -1 at 3 look cancelled, and are not.
    private sealed class SumsOverTimes : LiveKeysCheck
    {
        protected override List<long> LiveKeys(CursorList<Cursor, long, long, Timestamp, long> cursors)
        {
            var live = new List<long>();
            for (; cursors.KeyValid; cursors.StepKey())
            {
                long sum = 0;
                for (; cursors.ValValid; cursors.StepVal())
                {
                    cursors.MapTimes((_, diff) => sum += diff);
                }

                if (sum != 0)
                {
                    live.Add(cursors.Key);
                }
            }

            return live;
        }
    }

    [Fact]
    [Trait("Part", "exercises")]
    public void Walking_key_by_key_and_summing_over_times_fail_the_checks()
    {
        FluentActions.Invoking(() => new Walks().Common_keys_cost_moves_in_proportion_to_the_smaller_batch(10, 100_000))
            .Should().Throw<Exception>();
        FluentActions.Invoking(new SumsOverTimes().Updates_that_cancel_across_batches_leave_no_key_and_different_times_do_not_cancel)
            .Should().Throw<Exception>();
    }
}
