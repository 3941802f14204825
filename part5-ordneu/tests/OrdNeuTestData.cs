using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Traces.Conformance;

namespace Traces.OrdNeu.Tests;

/// <summary>Builders of random, seeded test data and readers of batch contents.</summary>
internal static class OrdNeuTestData
{
    /// <summary>
    /// Runs <paramref name="test"/> on <paramref name="count"/> seeded lists of choices through the series' one harness
    /// for model-based runs, which shrinks a failure; the family is the calling test's name.
    /// </summary>
    public static void ForRuns(int count, Action<Choices, RunLog> test, [CallerMemberName] string family = "") =>
        ModelRun.Check("part 5: " + family, test, count, maxChoices: 8_000);

    public static List<Update<long, long, Timestamp, long>> RandomUpdates(Choices random, int count, int keys, int vals, int times)
    {
        var updates = new List<Update<long, long, Timestamp, long>>(count);
        for (int i = 0; i < count; i++)
        {
            updates.Add(new(random.Next(keys), random.Next(vals), (ulong)random.Next(times), random.Next(-2, 3)));
        }

        return updates;
    }

    public static List<Update<TKey, TVal, TTime, TDiff>> Consolidated<TKey, TVal, TTime, TDiff>(IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : IComparable<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        var list = updates.ToList();
        Consolidation.Consolidate(list);
        return list;
    }

    public static List<Update<TKey, TVal, TTime, TDiff>> Advanced<TKey, TVal, TTime, TDiff>(IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates, Antichain<TTime> frontier)
        where TTime : ILattice<TTime> =>
        updates.Select(u => u with { Time = u.Time.AdvanceBy(frontier) }).ToList();

    public static Description<TTime> Describe<TTime>(Antichain<TTime> lower, Antichain<TTime> upper)
        where TTime : ILattice<TTime> => new(lower, upper, Antichain<TTime>.AtMinimum());

    /// <summary>The older batch's description in most part 5 tests: times <c>[0, 10)</c>, nothing compacted.</summary>
    public static readonly Description<Timestamp> FirstTen = Describe<Timestamp>([0], [10]);

    /// <summary>The newer batch's description, adjacent to <see cref="FirstTen"/>: times <c>[10, 20)</c>.</summary>
    public static readonly Description<Timestamp> SecondTen = Describe<Timestamp>([10], [20]);

    public static OrdValBatch<long, long, Timestamp, long> BuildVal(IEnumerable<Update<long, long, Timestamp, long>> updates, Description<Timestamp> description)
    {
        var sorted = Consolidated(updates);
        var builder = OrdValBatch<long, long, Timestamp, long>.CreateBuilder(
            sorted.Select(u => u.Key).Distinct().Count(), sorted.Select(u => (u.Key, u.Val)).Distinct().Count(), sorted.Count);
        foreach (var update in sorted)
        {
            builder.Push(update);
        }

        return builder.Done(description);
    }

    public static TBatch Build<TBatch, TKey, TVal, TTime, TDiff>(IBatchBuilder<TBatch, TKey, TVal, TTime, TDiff> builder, IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates, Description<TTime> description)
        where TBatch : class, IBatch<TBatch, TTime>
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        foreach (var update in Consolidated(updates))
        {
            builder.Push(update);
        }

        return builder.Done(description);
    }

    /// <summary>Reads every update a cursor presents, in cursor order.</summary>
    public static List<Update<TKey, TVal, TTime, TDiff>> Contents<TCursor, TKey, TVal, TTime, TDiff>(TCursor cursor)
        where TCursor : struct, ICursor<TCursor, TKey, TVal, TTime, TDiff>
    {
        var result = new List<Update<TKey, TVal, TTime, TDiff>>();
        for (cursor.RewindKeys(); cursor.KeyValid; cursor.StepKey())
        {
            for (; cursor.ValValid; cursor.StepVal())
            {
                var visitor = new Collect<TKey, TVal, TTime, TDiff>(cursor.Key, cursor.Val, result);
                cursor.MapTimes(ref visitor);
            }
        }

        return result;
    }

    public static List<Update<long, long, Timestamp, long>> Contents(OrdValBatch<long, long, Timestamp, long> batch) =>
        Contents<OrdValCursor<long, long, Timestamp, long, ArrayContainer<long>, ArrayContainer<long>>, long, long, Timestamp, long>(batch.GetCursor());

    public static IMerger<TBatch, TTime> MergeFully<TBatch, TTime>(IMerger<TBatch, TTime> merger, TBatch older, TBatch newer)
        where TBatch : class, IBatch<TBatch, TTime>
        where TTime : ILattice<TTime>
    {
        long fuel = long.MaxValue;
        merger.Work(older, newer, ref fuel);
        fuel.Should().BePositive("an unlimited merge completes in one call");
        return merger;
    }

    private readonly struct Collect<TKey, TVal, TTime, TDiff>(TKey key, TVal val, List<Update<TKey, TVal, TTime, TDiff>> into) : IUpdateVisitor<TTime, TDiff>
    {
        public void Visit(TTime time, TDiff diff) => into.Add(new(key, val, time, diff));
    }

    /// <summary>Merges with fuel 1 per call until a call leaves fuel; checks the fuel spent adds up to the effort.</summary>
    public static TBatch MergeWithFuelOne<TBatch>(TBatch older, TBatch newer, Antichain<Timestamp> frontier)
        where TBatch : class, IBatch<TBatch, Timestamp>
    {
        var merger = TBatch.BeginMerge(older, newer, frontier);
        long spent = 0;
        long fuel;
        do
        {
            fuel = 1;
            merger.Work(older, newer, ref fuel);
            spent += 1 - fuel;
        }
        while (fuel <= 0);

        TBatch merged = merger.Done();
        spent.Should().Be(merged.Count, "the fuel spent across calls adds up to the logical updates written");
        return merged;
    }

    /// <summary>Asserts that <paramref name="merged"/> holds <paramref name="expected"/>, encoded exactly as the builder encodes it.</summary>
    public static void ShouldHoldAsBuilt(OrdValBatch<long, long, Timestamp, long> merged, List<Update<long, long, Timestamp, long>> expected)
    {
        Contents(merged).Should().Equal(expected);
        var built = BuildVal(expected, FirstTen);
        merged.Storage.StoredUpdateCount.Should().Be(built.Storage.StoredUpdateCount, "singletons are found as the builder finds them");
        merged.Storage.SingletonCount.Should().Be(built.Storage.SingletonCount);
        merged.Storage.ValCount.Should().Be(built.Storage.ValCount);
        merged.Storage.KeyCount.Should().Be(built.Storage.KeyCount);
    }

    public static OrdKeyBatch<long, Timestamp, long> BuildKeys(IEnumerable<Update<long, long, Timestamp, long>> updates, Description<Timestamp> description)
    {
        var keyed = updates.Select(u => new Update<long, Unit, Timestamp, long>(u.Key, Unit.Value, u.Time, u.Diff)).ToList();
        return Build(OrdKeyBatch<long, Timestamp, long>.CreateBuilder(keyed.Count, keyed.Count), keyed, description);
    }

    public static List<Update<long, Unit, Timestamp, long>> KeyContents(OrdKeyBatch<long, Timestamp, long> batch) =>
        Contents<OrdKeyCursor<long, Timestamp, long, ArrayContainer<long>>, long, Unit, Timestamp, long>(batch.GetCursor());

    public static void ShouldHoldAsBuilt(OrdKeyBatch<long, Timestamp, long> merged, List<Update<long, long, Timestamp, long>> expected)
    {
        var keyed = Consolidated(expected.Select(u => new Update<long, Unit, Timestamp, long>(u.Key, Unit.Value, u.Time, u.Diff)));
        KeyContents(merged).Should().Equal(keyed);
        OrdKeyBatch<long, Timestamp, long> built = BuildKeys(expected, FirstTen);
        merged.Storage.StoredUpdateCount.Should().Be(built.Storage.StoredUpdateCount, "singletons are found as the builder finds them");
        merged.Storage.SingletonCount.Should().Be(built.Storage.SingletonCount);
        merged.Storage.KeyCount.Should().Be(built.Storage.KeyCount);
    }
}
