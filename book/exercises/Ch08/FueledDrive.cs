using Traces;
using Traces.OrdNeu;

namespace Exercises.Ch08;

#region drive
/// <summary>Drives a fueled merge to the end with the same fuel on every call.</summary>
public static class FueledDrive
{
    /// <summary>Merges two adjacent batches, <paramref name="fuel"/> per call; returns the calls
    /// made.</summary>
    public static (TBatch Merged, int Calls) Merge<TBatch, TTime>(
        TBatch older, TBatch newer, Antichain<TTime> frontier, long fuel)
        where TBatch : class, IBatch<TBatch, TTime>
        where TTime : ILattice<TTime>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fuel, 1);
        var merger = TBatch.BeginMerge(older, newer, frontier);
        int calls = 0;
        long left;
        do
        {
            // Fresh fuel each call: an overshoot is not carried as debt.
            left = fuel;
            merger.Work(older, newer, ref left);
            calls++;
        }
        while (left <= 0); // done only when a call leaves fuel over

        return (merger.Done(), calls);
    }
}
#endregion
