using Traces.OrdNeu;

namespace Exercises.Ch11;

#region idle
/// <summary>An exert policy for a spine that has stopped receiving data.</summary>
public static class IdleSpine
{
    /// <summary>
    /// Asks for as much work as the spine holds updates while more than one batch is left, and for
    /// none once the spine is a single batch.
    /// </summary>
    public static long? CompactToOne(IReadOnlyList<SpineLevelSummary> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        int batches = 0;
        long updates = 0;
        foreach (var level in levels)
        {
            batches += level.Batches;
            updates += level.Count;
        }

        return batches > 1 ? Math.Max(1, updates) : null;
    }
}
#endregion
