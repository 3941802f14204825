using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>
/// An append-only sequence of adjacent batches, merged progressively so that there are O(log n) of them and no
/// single insert pays for a large merge.
/// </summary>
/// <typeparam name="TBatch">The batch type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <remarks>
/// <para>
/// Batches arrive through <see cref="Insert"/> in time order: each one's lower frontier is the previous one's
/// upper. They wait in a pending list until the physical compaction frontier passes their upper (until then a
/// reader may still ask for a cursor that stops at their boundary), then join the levels.
/// </para>
/// <para>
/// Level <c>i</c> holds nothing, one batch of nominally up to <c>2^i</c> updates, or two such batches being merged
/// into one for level <c>i + 1</c>. Lower levels hold newer, smaller batches. A merge does not run to completion
/// when it starts: each batch introduced at level <c>L</c> gives every merge in progress <c>(8 &lt;&lt; L) *
/// effort</c> units of fuel (an output update written costs one). The invariant — below a merge in progress at
/// level <c>k</c> there are fewer than <c>2^k</c> updates — means no merge is needed as an input before it has been
/// paid for. Merges advance times by the logical compaction frontier in force when they begin.
/// </para>
/// <para>
/// The structure follows differential dataflow's fueled spine (<c>spine_fueled.rs</c>).
/// </para>
/// </remarks>
public sealed class Spine<TBatch, TTime>
    where TBatch : class, IBatch<TBatch, TTime>
    where TTime : ILattice<TTime>
{
    // Level i: vacant, one batch of nominally up to 2^i updates, or two merging; newer ones lower.
    private readonly List<SpineLevel<TBatch, TTime>> _levels = [];
    // Inserted batches, oldest first, that wait for the physical frontier to pass their upper.
    private readonly List<TBatch> _pending = [];
    private Antichain<TTime> _upper = Antichain<TTime>.AtMinimum();
    private Antichain<TTime> _logical = Antichain<TTime>.AtMinimum();
    private Antichain<TTime> _physical = Antichain<TTime>.AtMinimum();

    /// <summary>Initializes an empty spine.</summary>
    /// <param name="effort">The fuel multiplier, at least 1: higher values finish merges sooner.</param>
    /// <param name="policy">Whether merges are fueled or run to completion at once.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="effort"/> is less than 1.</exception>
    public Spine(long effort = 1, SpineMergePolicy policy = SpineMergePolicy.Fueled)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(effort, 1);
        Effort = effort;
        Policy = policy;
    }

    /// <summary>Gets the fuel multiplier.</summary>
    public long Effort { get; }

    /// <summary>Gets the merge scheduling policy.</summary>
    public SpineMergePolicy Policy { get; }

    /// <summary>Gets the upper frontier of the last inserted batch: the next batch's lower.</summary>
    public Antichain<TTime> Upper => _upper;

    /// <summary>Gets the logical compaction frontier: merges may advance times by it.</summary>
    public Antichain<TTime> LogicalCompaction => _logical;

    /// <summary>Gets the physical compaction frontier: batches whose upper it passes may be merged.</summary>
    public Antichain<TTime> PhysicalCompaction => _physical;

    /// <summary>Gets the number of inserted batches still waiting for the physical frontier.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Gets the number of levels, vacant ones included.</summary>
    public int LevelCount => _levels.Count;

    /// <summary>Gets the number of updates held, across levels and pending batches.</summary>
    public long Count
    {
        get
        {
            long count = 0;
            foreach (var level in _levels)
            {
                count += level.Count;
            }

            foreach (var batch in _pending)
            {
                count += batch.Count;
            }

            return count;
        }
    }

    /// <summary>
    /// Gets the merge effort spent by fuel: the output updates that merges wrote while fuel was applied. A counter
    /// for tests and measurements; it only grows.
    /// </summary>
    public long FueledEffort { get; private set; }

    /// <summary>
    /// Gets the merge effort spent finishing merges outright (roll-ups, and merges completed on demand). A counter
    /// for tests and measurements; it only grows.
    /// </summary>
    public long ForcedEffort { get; private set; }

    /// <summary>
    /// Gets how many times fuel has been paid to a merge in progress: each introduced batch (and each
    /// <see cref="Exert"/> that applies fuel) counts one for every merge it moves along. A counter for tests and
    /// measurements (the book draws it); it only grows.
    /// </summary>
    public long FueledMerges { get; private set; }

    /// <summary>
    /// Gets or sets the exertion policy <see cref="Exert"/> consults: given the levels (largest first), it returns
    /// how many virtual updates' worth of work to do, or <see langword="null"/> for none.
    /// </summary>
    public Func<IReadOnlyList<SpineLevelSummary>, long?>? ExertLogic { get; set; }

    /// <summary>Returns the level at which a batch of <paramref name="count"/> updates is introduced.</summary>
    /// <param name="count">The number of updates.</param>
    /// <returns>The trailing zeros of the next power of two: 0 for 0 and 1, 1 for 2, 2 for 3 and 4.</returns>
    #region level
    public static int Level(long count) =>
        count <= 1 ? 0 : BitOperations.Log2(BitOperations.RoundUpToPowerOf2((ulong)count));
    #endregion

    /// <summary>Appends a batch; its lower frontier must be the spine's upper, and it must cover some times.</summary>
    /// <param name="batch">The batch.</param>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The batch does not start where the spine ends, or its lower and upper are equal; nothing changes.
    /// </exception>
    #region insert
    public void Insert(TBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var description = batch.Description;
        if (!description.Lower.SetEquals(_upper))
        {
            throw new ArgumentException(
                $"The batch {description} does not start where the spine ends ({_upper}): " +
                "batches must be adjacent.",
                nameof(batch));
        }

        if (description.Lower.SetEquals(description.Upper))
        {
            throw new ArgumentException(
                $"The batch {description} covers no times: its lower equals its upper.",
                nameof(batch));
        }

        _upper = description.Upper;
        _pending.Add(batch);
        ConsiderMerges();
    }
    #endregion

    /// <summary>
    /// Allows merges to advance times by <paramref name="frontier"/>: readers promise to ask only about times beyond
    /// it. Merges that begin later apply it.
    /// </summary>
    /// <param name="frontier">The new frontier.</param>
    /// <exception cref="ArgumentNullException"><paramref name="frontier"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="frontier"/> goes backwards; nothing changes.</exception>
    public void SetLogicalCompaction(Antichain<TTime> frontier)
    {
        TraceArguments.CheckFrontierAdvance(_logical, frontier);
        _logical = frontier;
    }

    /// <summary>
    /// Allows batches whose upper is at or before <paramref name="frontier"/> to be merged: readers promise not to
    /// ask for cursors that stop before it.
    /// </summary>
    /// <param name="frontier">The new frontier.</param>
    /// <exception cref="ArgumentNullException"><paramref name="frontier"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="frontier"/> goes backwards; nothing changes.</exception>
    public void SetPhysicalCompaction(Antichain<TTime> frontier)
    {
        TraceArguments.CheckFrontierAdvance(_physical, frontier);
        _physical = frontier;
        ConsiderMerges();
    }

    /// <summary>
    /// Does maintenance work without new data: tidies the largest levels and, if <see cref="ExertLogic"/> asks for
    /// it, applies that much fuel (introducing a placeholder when no merge is in progress).
    /// </summary>
    #region exert
    public void Exert()
    {
        TidyLayers();
        if (ExertLogic?.Invoke(Summaries()) is not long effort || effort <= 0)
        {
            return;
        }

        if (_levels.Exists(level => level.IsDouble))
        {
            ApplyFuel(effort);
        }
        else
        {
            IntroduceBatch(null, Level(effort));
        }
    }
    #endregion

    /// <summary>Returns every batch with updates, oldest first: the levels from largest to smallest, then pending.</summary>
    public IReadOnlyList<TBatch> Batches() => BatchesThrough([]);

    /// <summary>
    /// Returns the batches with updates whose uppers are at or before <paramref name="upper"/>, oldest first: each
    /// level from largest to smallest (both inputs of a merge in progress), then the pending batches.
    /// </summary>
    /// <param name="upper">
    /// Where to stop: a batch boundary at or beyond the physical compaction frontier. The empty frontier means
    /// everything.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="upper"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="upper"/> is before the physical compaction frontier (the batches there may be merged), or it
    /// falls inside a batch rather than on a boundary.
    /// </exception>
    #region batches-through
    public IReadOnlyList<TBatch> BatchesThrough(Antichain<TTime> upper)
    {
        ArgumentNullException.ThrowIfNull(upper);
        var batches = new List<TBatch>();
        if (upper.LessEqual(TTime.Minimum))
        {
            return batches;
        }

        if (!_physical.LessEqual(upper))
        {
            throw new ArgumentException(
                $"The bound {upper} is before the physical compaction frontier {_physical}: " +
                "batches there may already be merged.",
                nameof(upper));
        }

        foreach (var batch in _pending)
        {
            var description = batch.Description;
            bool startsBefore = description.Lower.LessEqual(upper);
            bool endsBefore = description.Upper.LessEqual(upper);
            if (startsBefore != endsBefore && !description.Lower.SetEquals(upper))
            {
                throw new ArgumentException(
                    $"The bound {upper} falls inside the batch {description}: " +
                    "it is not a batch boundary.",
                    nameof(upper));
            }
        }

        for (int i = _levels.Count - 1; i >= 0; i--)
        {
            var level = _levels[i];
            AddIfNotEmpty(batches, level.Batch);
            AddIfNotEmpty(batches, level.Newer);
        }

        foreach (var batch in _pending)
        {
            if (batch.Description.Upper.LessEqual(upper))
            {
                AddIfNotEmpty(batches, batch);
            }
        }

        return batches;
    }
    #endregion

    /// <summary>Returns a summary of each level, largest first.</summary>
    public IReadOnlyList<SpineLevelSummary> Summaries()
    {
        var summaries = new SpineLevelSummary[_levels.Count];
        for (int i = 0; i < _levels.Count; i++)
        {
            var level = _levels[i];
            int batches = level.IsVacant ? 0 : level.IsSingle ? 1 : 2;
            summaries[_levels.Count - 1 - i] = new SpineLevelSummary(i, batches, level.Count);
        }

        return summaries;
    }

    /// <summary>
    /// Returns what level <paramref name="index"/> holds (level 0 holds the smallest batches): its single batch or
    /// the older input of its merge (<see langword="null"/> when vacant or a placeholder), and while a merge is in
    /// progress its newer input and its merger. For inspection: the book draws the levels and each merge's progress.
    /// </summary>
    /// <param name="index">The level, from 0 to <see cref="LevelCount"/> - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a level.</exception>
    public (TBatch? Batch, TBatch? Newer, IMerger<TBatch, TTime>? Merger) InspectLevel(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _levels.Count);
        var level = _levels[index];
        return (level.Batch, level.Newer, level.Merger);
    }

    private static void AddIfNotEmpty(List<TBatch> batches, TBatch? batch)
    {
        if (batch is { IsEmpty: false })
        {
            batches.Add(batch);
        }
    }

    #region consider-merges
    private void ConsiderMerges()
    {
        while (_pending.Count > 0 && _pending[0].Description.Upper.LessEqual(_physical))
        {
            TBatch batch = _pending[0];
            _pending.RemoveAt(0);

            // An empty batch fuses with an empty batch (or placeholder) at the lowest occupied level:
            // the level keeps its nominal size while its bounds grow, and no level is spent on nothing.
            if (batch.IsEmpty)
            {
                int lowest = _levels.FindIndex(level => !level.IsVacant);
                if (lowest >= 0
                    && _levels[lowest].IsSingle
                    && _levels[lowest].Batch is null or { IsEmpty: true })
                {
                    InsertAt(batch, lowest);
                    _levels[lowest] = SpineLevel<TBatch, TTime>.Single(CompleteAt(lowest));
                    continue;
                }
            }

            IntroduceBatch(batch, Level(batch.Count));
        }
    }
    #endregion

    #region introduce-batch
    private void IntroduceBatch(TBatch? batch, int level)
    {
        // Fuel for every merge in progress, before the batch arrives: eight units per nominal update
        // (four pay for the update itself, four for the virtual updates a roll-up may promote).
        ApplyFuel(Policy == SpineMergePolicy.Eager ? long.MaxValue : FuelFor(level));
        RollUp(level);
        InsertAt(batch, level);
        TidyLayers();
        if (Policy == SpineMergePolicy.Eager)
        {
            while (_levels.Exists(l => l.IsDouble))
            {
                ApplyFuel(long.MaxValue);
                TidyLayers();
            }
        }
    }

    private long FuelFor(int level)
    {
        long perLevel = level >= 59 ? long.MaxValue : 8L << level;
        return perLevel > long.MaxValue / Effort ? long.MaxValue : perLevel * Effort;
    }
    #endregion

    #region apply-fuel
    private void ApplyFuel(long fuel)
    {
        int count = _levels.Count;
        for (int i = 0; i < count; i++)
        {
            // Each level gets its own allowance; a merge that finishes moves up at once, and by the
            // invariant the level above has room for it.
            long levelFuel = fuel;
            FueledMerges += _levels[i].Kind == SpineLevelKind.Merging ? 1 : 0;
            _levels[i] = _levels[i].Work(ref levelFuel);
            FueledEffort += fuel - levelFuel;
            if (_levels[i].Kind == SpineLevelKind.Merged)
            {
                InsertAt(CompleteAt(i), i + 1);
            }
        }
    }
    #endregion

    #region roll-up
    private void RollUp(int level)
    {
        while (_levels.Count <= level)
        {
            _levels.Add(SpineLevel<TBatch, TTime>.Vacant);
        }

        // The new batch must land on an empty level with nothing below it, so everything
        // below is merged and carried up: fewer than 2^level updates, which the fuel just
        // applied has budgeted for.
        bool occupiedBelow = false;
        for (int i = 0; i < level && !occupiedBelow; i++)
        {
            occupiedBelow = !_levels[i].IsVacant;
        }

        if (occupiedBelow)
        {
            TBatch? merged = null;
            for (int i = 0; i < level; i++)
            {
                InsertAt(merged, i);
                merged = CompleteAt(i);
            }

            InsertAt(merged, level);
            if (_levels[level].IsDouble)
            {
                InsertAt(CompleteAt(level), level + 1);
            }
        }
    }
    #endregion

    #region insert-at
    private void InsertAt(TBatch? batch, int index)
    {
        while (_levels.Count <= index)
        {
            _levels.Add(SpineLevel<TBatch, TTime>.Vacant);
        }

        var level = _levels[index];
        _levels[index] = level.Kind switch
        {
            SpineLevelKind.Vacant => SpineLevel<TBatch, TTime>.Single(batch),
            SpineLevelKind.Single => SpineLevel<TBatch, TTime>.BeginMerge(level.Batch, batch, _logical),
            _ => throw new InvalidOperationException(
                $"Level {index} is still merging: the spine's fuel invariant was broken."),
        };
    }

    private TBatch? CompleteAt(int index)
    {
        var level = _levels[index];
        _levels[index] = SpineLevel<TBatch, TTime>.Vacant;
        long fuel = long.MaxValue;
        level = level.Work(ref fuel);
        ForcedEffort += long.MaxValue - fuel;

        return level.Batch;
    }
    #endregion

    #region tidy-layers
    private void TidyLayers()
    {
        if (_levels.Count == 0 || !_levels[^1].IsSingle)
        {
            return;
        }

        // Draw the largest batch down towards the level its size deserves, as long as that cannot
        // invade a merge: only vacant levels, placeholders, and a final single batch small enough to
        // merge with may be passed.
        int target = Level(Weight(_levels.Count - 1));
        while (target < _levels.Count - 1)
        {
            int below = _levels.Count - 2;
            var next = _levels[below];
            if (next.IsVacant || (next.IsSingle && next.Batch is null))
            {
                _levels.RemoveAt(below);
                continue;
            }

            if (next.IsSingle)
            {
                long smaller = 0;
                for (int i = 0; i < below; i++)
                {
                    smaller += _levels[i].IsVacant ? 0 : _levels[i].IsSingle ? 1L << i : 2L << i;
                }

                if (smaller <= (1L << _levels.Count) / 8)
                {
                    _levels.RemoveAt(below);
                    InsertAt(next.Batch, below);
                }
            }

            return;
        }
    }

    // A placeholder stands for a full level's worth of virtual updates.
    private long Weight(int index) =>
        _levels[index].IsSingle && _levels[index].Batch is null ? 1L << index : _levels[index].Count;
    #endregion
}
