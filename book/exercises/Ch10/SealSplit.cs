using Traces;

namespace Exercises.Ch10;

#region split
/// <summary>Predicts what a seal at <c>upper</c> takes and what it leaves, in any partial
/// order.</summary>
public static class SealSplit
{
    public static (List<Update<TKey, TVal, TTime, long>> Sealed, Antichain<TTime> Frontier)
        Split<TKey, TVal, TTime>(
        IEnumerable<Update<TKey, TVal, TTime, long>> pushed, Antichain<TTime> upper)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
    {
        ArgumentNullException.ThrowIfNull(upper);
        var all = pushed.ToList();
        Consolidation.Consolidate(all); // what cancels holds nothing back
        var taken = new List<Update<TKey, TVal, TTime, long>>();
        var frontier = new AntichainBuilder<TTime>();
        foreach (var update in all)
        {
            // Not "time < upper": a time is left behind when some element of upper is <= it.
            if (upper.LessEqual(update.Time))
            {
                frontier.Insert(update.Time); // keeps only the minimal times
            }
            else
            {
                taken.Add(update);
            }
        }

        return (taken, frontier.ToAntichain());
    }
}
#endregion
