namespace Traces.OrdNeu;

/// <summary>How a <see cref="Spine{TBatch, TTime}"/> schedules its merges.</summary>
public enum SpineMergePolicy
{
    /// <summary>
    /// Each inserted batch pays for a bounded amount of merging in every level, so no insert waits for a large
    /// merge: the production policy.
    /// </summary>
    Fueled,

    /// <summary>
    /// Every merge runs to completion as soon as it begins: fewer batches at any moment, but one insert may pay for
    /// merging everything. Kept for comparison.
    /// </summary>
    Eager,
}
