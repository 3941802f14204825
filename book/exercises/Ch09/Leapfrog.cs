using Traces.OrdNeu;

namespace Exercises.Ch09;

#region leapfrog
/// <summary>The keys two sorted batches share, found by seeking each cursor to the other's
/// key.</summary>
public static class Leapfrog
{
    public static List<TKey> CommonKeys<TCursor, TKey, TVal, TTime, TDiff>(TCursor a, TCursor b)
        where TCursor : struct, ICursor<TCursor, TKey, TVal, TTime, TDiff>
    {
        var common = new List<TKey>();
        while (a.KeyValid && b.KeyValid)
        {
            int order = a.CompareKey(b);
            if (order == 0)
            {
                common.Add(a.Key);
                a.StepKey();
                b.StepKey();
            }
            else if (order < 0)
            {
                a.SeekKey(b.Key); // a jumps to b: every key of a skipped is not in b
            }
            else
            {
                b.SeekKey(a.Key);
            }
        }

        return common;
    }
}
#endregion
