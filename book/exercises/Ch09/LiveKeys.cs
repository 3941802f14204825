using Traces;
using Traces.OrdNeu;

namespace Exercises.Ch09;

#region live-keys
/// <summary>The keys of a cursor list whose updates, across all its batches, do not
/// cancel.</summary>
public static class LiveKeys
{
    public static List<TKey> Of<TCursor, TKey, TVal>(
        CursorList<TCursor, TKey, TVal, Timestamp, long> cursors)
        where TCursor : struct, ICursor<TCursor, TKey, TVal, Timestamp, long>
    {
        ArgumentNullException.ThrowIfNull(cursors);
        var live = new List<TKey>();
        var history = new List<(Timestamp Time, long Diff)>(); // reused for every value
        for (cursors.RewindKeys(); cursors.KeyValid; cursors.StepKey())
        {
            for (; cursors.ValValid; cursors.StepVal())
            {
                history.Clear();
                cursors.MapTimes((time, diff) => history.Add((time, diff)));
                // The same time can sit in two batches: consolidate before judging.
                Consolidation.ConsolidateTimes(history);
                if (history.Count > 0)
                {
                    live.Add(cursors.Key);
                    break; // one surviving update is enough; skip the key's other values
                }
            }
        }

        return live;
    }
}
#endregion
