using Traces;
using Traces.OrdNeu;
using ValBatch = Traces.OrdNeu.OrdValBatch<long, long, Traces.Timestamp, long>;
using ValMerger = Traces.OrdNeu.OrdValMerger<
    Traces.OrdNeu.OrdValBatch<long, long, Traces.Timestamp, long>, long, long, Traces.Timestamp, long,
    Traces.OrdNeu.ArrayContainer<long>, Traces.OrdNeu.ArrayContainer<long>>;

namespace Book.Scenes.Spine;

/// <summary>What one spine level holds after an insert, read from the real <see cref="Spine{TBatch, TTime}"/>.</summary>
/// <param name="Level">The level's index: its batches are nominally up to <c>2^Level</c> updates.</param>
/// <param name="State">One of <c>vacant</c>, <c>single</c>, <c>placeholder</c>, <c>merging</c> or <c>merged</c>.</param>
/// <param name="Count">The updates held at the level.</param>
/// <param name="Older">The updates of the single batch, or of the older input of a merge.</param>
/// <param name="Newer">The updates of the newer input of a merge; 0 otherwise.</param>
/// <param name="Written">The output updates a merge in progress has written so far; 0 otherwise.</param>
/// <param name="HoldsInserted">Whether the batch just inserted sits at this level unmerged.</param>
public sealed record SpineLevelState(int Level, string State, long Count, long Older, long Newer, long Written, bool HoldsInserted);

/// <summary>The spine's state after one insert, with what the insert cost.</summary>
/// <param name="Insert">The insert's number, from 1.</param>
/// <param name="Size">The updates in the inserted batch.</param>
/// <param name="IntroducedAt">The level the batch was introduced at.</param>
/// <param name="Levels">Every level, level 0 first.</param>
/// <param name="Advanced">How many merges the insert's fuel moved along (the spine's fueled-merge count).</param>
/// <param name="Fuel">The merge work paid for by fuel during the insert (the spine's fueled effort).</param>
/// <param name="RollUp">The merge work of finishing merges outright during the insert (roll-ups).</param>
public sealed record SpineStep(
    int Insert, int Size, int IntroducedAt, IReadOnlyList<SpineLevelState> Levels, int Advanced, long Fuel, long RollUp);

/// <summary>
/// A fixed run of inserts into a real fueled spine of ord-neu value batches, recorded after every insert: the
/// pictures of chapter 11 are drawn from these records.
/// </summary>
public static class SpineRun
{
    /// <summary>
    /// The sizes of the batches the run inserts, one per insert: mostly small, as a stream of little batches is,
    /// with an occasional larger one.
    /// </summary>
    public static IReadOnlyList<int> Sizes { get; } = [1, 1, 2, 1, 1, 1, 3, 1, 1, 2, 1, 1, 1, 1, 4, 1, 1, 2, 1, 1, 1, 3, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1];

    /// <summary>Builds the batch of insert <paramref name="insert"/> (from 1): distinct keys, times <c>[insert - 1, insert)</c>.</summary>
    /// <param name="insert">The insert's number.</param>
    /// <param name="size">The updates the batch holds.</param>
    public static ValBatch Batch(int insert, int size)
    {
        var builder = ValBatch.CreateBuilder(size, size, size);
        for (var i = 0; i < size; i++)
        {
            // Keys interleave across inserts, so every merge really interleaves its inputs.
            builder.Push(new Update<long, long, Timestamp, long>(i * 100 + insert, 0, (ulong)(insert - 1), 1));
        }

        return builder.Done(new Description<Timestamp>([(ulong)(insert - 1)], [(ulong)insert], Antichain<Timestamp>.AtMinimum()));
    }

    /// <summary>
    /// Inserts batch <paramref name="insert"/> the way the part 5 trace does: the batch, then the physical compaction
    /// frontier moved to its upper so that it joins the levels at once.
    /// </summary>
    /// <param name="spine">The spine.</param>
    /// <param name="insert">The insert's number, from 1.</param>
    /// <param name="size">The updates the batch holds.</param>
    public static ValBatch InsertInto(Spine<ValBatch, Timestamp> spine, int insert, int size)
    {
        ArgumentNullException.ThrowIfNull(spine);
        var batch = Batch(insert, size);
        spine.Insert(batch);
        spine.SetPhysicalCompaction([(ulong)insert]);
        return batch;
    }

    /// <summary>Runs the first <paramref name="inserts"/> inserts of <see cref="Sizes"/> and records each step.</summary>
    /// <param name="inserts">How many inserts to run.</param>
    public static IReadOnlyList<SpineStep> Record(int inserts)
    {
        var spine = new Spine<ValBatch, Timestamp>();
        var steps = new List<SpineStep>();
        for (var insert = 1; insert <= inserts; insert++)
        {
            var (fueled, forced, merges) = (spine.FueledEffort, spine.ForcedEffort, spine.FueledMerges);
            var batch = InsertInto(spine, insert, Sizes[insert - 1]);
            steps.Add(new SpineStep(
                insert, (int)batch.Count, Spine<ValBatch, Timestamp>.Level(batch.Count), Levels(spine, batch),
                (int)(spine.FueledMerges - merges), spine.FueledEffort - fueled, spine.ForcedEffort - forced));
        }

        return steps;
    }

    /// <summary>Reads every level of <paramref name="spine"/>, level 0 first.</summary>
    /// <param name="spine">The spine.</param>
    /// <param name="inserted">The batch inserted last, marked where it still sits unmerged.</param>
    public static IReadOnlyList<SpineLevelState> Levels(Spine<ValBatch, Timestamp> spine, ValBatch? inserted = null)
    {
        ArgumentNullException.ThrowIfNull(spine);
        var summaries = spine.Summaries();
        var levels = new SpineLevelState[spine.LevelCount];
        foreach (var summary in summaries)
        {
            var (batch, newer, merger) = spine.InspectLevel(summary.Level);
            var state = summary.Batches switch
            {
                0 => "vacant",
                1 => batch is null ? "placeholder" : "single",
                _ => merger is null ? "merged" : "merging",
            };
            levels[summary.Level] = new SpineLevelState(
                summary.Level, state, summary.Count, batch?.Count ?? 0, newer?.Count ?? 0, Written(merger),
                inserted is not null && (ReferenceEquals(batch, inserted) || ReferenceEquals(newer, inserted)));
        }

        return levels;
    }

    /// <summary>The output updates a merge has written so far (0 for no merge).</summary>
    /// <param name="merger">The merger, as the spine holds it.</param>
    public static long Written(IMerger<ValBatch, Timestamp>? merger) => merger switch
    {
        null => 0,
        ValMerger valMerger => valMerger.Effort,
        _ => throw new InvalidOperationException($"Unexpected merger {merger.GetType().Name}."),
    };
}
