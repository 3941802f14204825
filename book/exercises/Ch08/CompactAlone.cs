using Traces;
using Traces.OrdNeu;

namespace Exercises.Ch08;

#region compact
/// <summary>Compacts one batch on its own, by merging it with an empty batch that follows
/// it.</summary>
public static class CompactAlone
{
    public static TBatch Compact<TBatch, TTime>(TBatch batch, Antichain<TTime> frontier)
        where TBatch : class, IBatch<TBatch, TTime>
        where TTime : ILattice<TTime>
    {
        ArgumentNullException.ThrowIfNull(batch);
        var upper = batch.Description.Upper;
        // Adjacent (it starts at the batch's upper) and covering no times: it adds nothing to the
        // merge.
        var empty = TBatch.CreateEmpty(
            new Description<TTime>(upper, upper, batch.Description.Since));
        var merger = TBatch.BeginMerge(batch, empty, frontier);
        long fuel = long.MaxValue;
        merger.Work(batch, empty, ref fuel);
        return merger.Done();
    }
}
#endregion
