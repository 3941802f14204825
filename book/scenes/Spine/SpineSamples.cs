using System.Globalization;
using Traces;
using Traces.OrdNeu;
using ValBatch = Traces.OrdNeu.OrdValBatch<long, long, Traces.Timestamp, long>;

namespace Book.Scenes.Spine;

/// <summary>Chapter 11's samples: what a spine holds after many inserts, and what the inserts paid.</summary>
public static class SpineSamples
{
    /// <summary>
    /// Inserts 1024 single-update batches into a fueled spine and an eager one, and prints the batches each holds,
    /// the merge work done in total and the most work any one insert did.
    /// </summary>
    [Scene("spine-fueled-versus-eager")]
    public static void FueledVersusEager(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        #region fueled-versus-eager
        foreach (var policy in new[] { SpineMergePolicy.Fueled, SpineMergePolicy.Eager })
        {
            var spine = new Spine<ValBatch, Timestamp>(effort: 1, policy);
            long total = 0, most = 0;
            int worst = 0;
            for (int insert = 1; insert <= 1024; insert++)
            {
                long before = spine.FueledEffort + spine.ForcedEffort;
                SpineRun.InsertInto(spine, insert, size: 1);
                long work = spine.FueledEffort + spine.ForcedEffort - before;
                total += work;
                (most, worst) = work > most ? (work, insert) : (most, worst);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{policy,-6}: {spine.Batches().Count,2} batch(es), {total,5} updates written by merges, "
                + $"at most {most,4} by one insert (insert {worst})"));
            output.WriteLine("        levels, largest first: " + Levels(spine));
        }
        #endregion
    }

    /// <summary>Each level's batch sizes, largest level first: <c>-</c> for vacant, <c>a+b</c> for a merge.</summary>
    private static string Levels(Spine<ValBatch, Timestamp> spine)
    {
        var levels = new List<string>();
        for (var index = spine.LevelCount - 1; index >= 0; index--)
        {
            var (batch, newer, _) = spine.InspectLevel(index);
            levels.Add(batch is null ? "-"
                : newer is null ? Count(batch.Count)
                : Count(batch.Count) + "+" + Count(newer.Count));
        }

        return string.Join(", ", levels);
    }

    private static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);
}
