namespace Traces.OrdNeu;

/// <summary>What one level of a <see cref="Spine{TBatch, TTime}"/> holds.</summary>
internal enum SpineLevelKind
{
    /// <summary>Nothing.</summary>
    Vacant,

    /// <summary>One batch, or a structurally empty placeholder.</summary>
    Single,

    /// <summary>Two batches being merged, a bounded amount at a time.</summary>
    Merging,

    /// <summary>Two batches whose merge needs no more work.</summary>
    Merged,
}

/// <summary>
/// The state of one spine level: vacant, a single batch (or placeholder), or a pair of batches whose merge is in
/// progress or complete.
/// </summary>
/// <typeparam name="TBatch">The batch type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <remarks>
/// A <see langword="null"/> batch is a structurally empty placeholder: it holds no updates and has no description,
/// and stands for the virtual updates that roll-ups and exertion introduce to move merges along. Merging a
/// placeholder with anything costs nothing.
/// </remarks>
internal readonly struct SpineLevel<TBatch, TTime>
    where TBatch : class, IBatch<TBatch, TTime>
    where TTime : ILattice<TTime>
{
    private SpineLevel(SpineLevelKind kind, TBatch? batch, TBatch? newer, IMerger<TBatch, TTime>? merger)
    {
        Kind = kind;
        Batch = batch;
        Newer = newer;
        Merger = merger;
    }

    /// <summary>Gets the level's kind.</summary>
    public SpineLevelKind Kind { get; }

    /// <summary>
    /// Gets the single batch, the merged result, or (while merging) the older input; <see langword="null"/> for a
    /// placeholder.
    /// </summary>
    public TBatch? Batch { get; }

    /// <summary>Gets the newer input of a merge in progress.</summary>
    public TBatch? Newer { get; }

    /// <summary>Gets the merge in progress.</summary>
    public IMerger<TBatch, TTime>? Merger { get; }

    /// <summary>Gets whether the level holds nothing.</summary>
    public bool IsVacant => Kind == SpineLevelKind.Vacant;

    /// <summary>Gets whether the level holds one batch or placeholder.</summary>
    public bool IsSingle => Kind == SpineLevelKind.Single;

    /// <summary>Gets whether the level holds a merge, in progress or complete.</summary>
    public bool IsDouble => Kind is SpineLevelKind.Merging or SpineLevelKind.Merged;

    /// <summary>Gets the number of actual updates at the level (placeholders hold none).</summary>
    public long Count => Kind switch
    {
        SpineLevelKind.Merging => Batch!.Count + Newer!.Count,
        SpineLevelKind.Single or SpineLevelKind.Merged => Batch?.Count ?? 0,
        _ => 0,
    };

    /// <summary>Gets an empty level.</summary>
    public static SpineLevel<TBatch, TTime> Vacant => default;

    /// <summary>Creates a level holding <paramref name="batch"/> (a placeholder when <see langword="null"/>).</summary>
    /// <param name="batch">The batch.</param>
    public static SpineLevel<TBatch, TTime> Single(TBatch? batch) => new(SpineLevelKind.Single, batch, null, null);

    /// <summary>
    /// Starts merging <paramref name="older"/> with <paramref name="newer"/>. A placeholder on either side needs no
    /// work: the result is the other side, unchanged.
    /// </summary>
    /// <param name="older">The batch already at the level.</param>
    /// <param name="newer">The batch arriving at the level.</param>
    /// <param name="frontier">The logical compaction frontier the merge advances times by.</param>
    #region level-merge
    public static SpineLevel<TBatch, TTime> BeginMerge(
        TBatch? older, TBatch? newer, Antichain<TTime> frontier)
    {
        if (older is null || newer is null)
        {
            return new(SpineLevelKind.Merged, older ?? newer, null, null);
        }

        return new(SpineLevelKind.Merging, older, newer, TBatch.BeginMerge(older, newer, frontier));
    }

    /// <summary>
    /// Advances a merge in progress by up to <paramref name="fuel"/>, returning the level's new state
    /// (complete when the merger leaves fuel over); other kinds are returned unchanged.
    /// </summary>
    /// <param name="fuel">The effort allowed; reduced by the effort spent, possibly below zero.</param>
    public SpineLevel<TBatch, TTime> Work(ref long fuel)
    {
        if (Kind != SpineLevelKind.Merging)
        {
            return this;
        }

        Merger!.Work(Batch!, Newer!, ref fuel);
        return fuel > 0 ? new(SpineLevelKind.Merged, Merger.Done(), null, null) : this;
    }
    #endregion
}
