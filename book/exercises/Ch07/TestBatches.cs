using Traces;
using Traces.OrdNeu;

namespace Exercises.Ch07;

/// <summary>Builds all-array value batches from unsorted updates, for the checks of chapters 7 to
/// 11.</summary>
public static class TestBatches
{
    /// <summary>Consolidates <paramref name="updates"/> and builds a batch covering <c>[lower,
    /// upper)</c>.</summary>
    public static OrdValBatch<TKey, TVal, Timestamp, long> Build<TKey, TVal>(
        IEnumerable<Update<TKey, TVal, Timestamp, long>> updates, ulong lower, ulong upper)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
    {
        var sorted = updates.ToList();
        Consolidation.Consolidate(sorted);
        int keys = 0, vals = 0;
        for (int i = 0; i < sorted.Count; i++)
        {
            bool newKey = i == 0 || Ordering.Compare(sorted[i].Key, sorted[i - 1].Key) != 0;
            keys += newKey ? 1 : 0;
            vals += newKey || Ordering.Compare(sorted[i].Val, sorted[i - 1].Val) != 0 ? 1 : 0;
        }

        var builder = OrdValBatch<TKey, TVal, Timestamp, long>.CreateBuilder(keys, vals, sorted.Count);
        foreach (var update in sorted)
        {
            builder.Push(update);
        }

        return builder.Done(new Description<Timestamp>([lower], [upper], Antichain<Timestamp>.AtMinimum()));
    }

    /// <summary>Random updates: keys below <paramref name="keys"/>, three values, times in [lower,
    /// upper).</summary>
    public static List<Update<long, long, Timestamp, long>> Random(
        Random random, int count, int keys, ulong lower, ulong upper)
    {
        var updates = new List<Update<long, long, Timestamp, long>>(count);
        for (int i = 0; i < count; i++)
        {
            var time = lower + (ulong)random.NextInt64((long)(upper - lower));
            updates.Add(new(random.Next(keys), random.Next(3), time, random.Next(2) == 0 ? 1 : -1));
        }

        return updates;
    }

    /// <summary>Every logical update of <paramref name="batch"/>, read through its
    /// cursor.</summary>
    public static List<Update<TKey, TVal, TTime, long>> Read<TKey, TVal, TTime>(
        OrdValBatch<TKey, TVal, TTime, long> batch)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
    {
        var read = new List<Update<TKey, TVal, TTime, long>>();
        var cursor = batch.GetCursor();
        for (; cursor.KeyValid; cursor.StepKey())
        {
            for (; cursor.ValValid; cursor.StepVal())
            {
                var (key, val) = (cursor.Key, cursor.Val);
                cursor.MapTimes((time, diff) => read.Add(new(key, val, time, diff)));
            }
        }

        return read;
    }
}
