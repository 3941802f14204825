using Traces;
using Traces.OrdNeu;

namespace Exercises.Ch07;

#region walk
/// <summary>Reads a batch's logical updates straight from its columns, without a cursor.</summary>
public static class ColumnWalk
{
    public static IEnumerable<Update<TKey, TVal, Timestamp, long>>
        Updates<TKey, TVal, TKeys, TVals>(
        OrdValStorage<TKey, TVal, Timestamp, long, TKeys, TVals> storage)
        where TKeys : struct, IBatchContainer<TKeys, TKey>
        where TVals : struct, IBatchContainer<TVals, TVal>
    {
        ArgumentNullException.ThrowIfNull(storage);
        for (int key = 0; key < storage.KeyCount; key++)
        {
            // Key i owns values [KeysOffs[i], KeysOffs[i + 1]).
            for (long val = storage.KeyOffsetAt(key); val < storage.KeyOffsetAt(key + 1); val++)
            {
                long lower = storage.ValOffsetAt((int)val);
                long upper = storage.ValOffsetAt((int)val + 1);
                if (lower == upper)
                {
                    // A repeated offset: one update, the stored one just before.
                    lower--;
                }

                for (long i = lower; i < upper; i++)
                {
                    var (time, diff) = storage.StoredUpdateAt((int)i);
                    yield return new(storage.KeyAt(key), storage.ValAt((int)val), time, diff);
                }
            }
        }
    }
}
#endregion
