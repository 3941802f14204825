namespace Traces.OrdNeu;

/// <summary>
/// An immutable, sorted, consolidated collection of updates with a <see cref="Description{TTime}"/>: the unit a
/// spine stores and merges.
/// </summary>
/// <typeparam name="TBatch">The implementing batch type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
public interface IBatch<TBatch, TTime>
    where TBatch : class, IBatch<TBatch, TTime>
    where TTime : ILattice<TTime>
{
    /// <summary>Gets the batch's description.</summary>
    Description<TTime> Description { get; }

    /// <summary>Gets the number of logical updates, counting each singleton-encoded update.</summary>
    long Count { get; }

    /// <summary>Gets whether the batch holds no updates.</summary>
    bool IsEmpty => Count == 0;

    /// <summary>Creates a batch with no updates and the given description.</summary>
    /// <param name="description">The description.</param>
    static abstract TBatch CreateEmpty(Description<TTime> description);

    /// <summary>
    /// Starts a fueled merge of two adjacent batches (<paramref name="older"/>'s upper equals
    /// <paramref name="newer"/>'s lower), compacting by <paramref name="frontier"/>.
    /// </summary>
    /// <param name="older">The batch covering the earlier times.</param>
    /// <param name="newer">The batch covering the later times.</param>
    /// <param name="frontier">The logical compaction frontier to advance times by.</param>
    /// <exception cref="ArgumentException">The batches are not adjacent.</exception>
    static abstract IMerger<TBatch, TTime> BeginMerge(TBatch older, TBatch newer, Antichain<TTime> frontier);
}

/// <summary>A merge of two batches in progress, advanced a bounded amount at a time.</summary>
/// <typeparam name="TBatch">The batch type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
public interface IMerger<TBatch, TTime>
    where TBatch : class, IBatch<TBatch, TTime>
    where TTime : ILattice<TTime>
{
    /// <summary>
    /// Merges until the effort spent (output updates written) reaches <paramref name="fuel"/> or the inputs are
    /// exhausted; subtracts the effort from <paramref name="fuel"/>. The merge is complete when
    /// <paramref name="fuel"/> is still positive afterwards.
    /// </summary>
    /// <param name="older">The older input, as passed to <c>BeginMerge</c>.</param>
    /// <param name="newer">The newer input, as passed to <c>BeginMerge</c>.</param>
    /// <param name="fuel">The effort allowed; reduced by the effort spent.</param>
    void Work(TBatch older, TBatch newer, ref long fuel);

    /// <summary>Returns the merged batch. Valid only once <see cref="Work"/> has completed the merge.</summary>
    /// <exception cref="InvalidOperationException">The merge is not complete.</exception>
    TBatch Done();
}

/// <summary>Builds a batch from updates pushed in <c>(key, val, time)</c> order, already consolidated.</summary>
/// <typeparam name="TBatch">The batch type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type (<see cref="Unit"/> for key-only batches).</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
public interface IBatchBuilder<TBatch, TKey, TVal, TTime, TDiff>
    where TBatch : class, IBatch<TBatch, TTime>
    where TTime : ILattice<TTime>
{
    /// <summary>Appends the next update; updates arrive sorted by <c>(key, val, time)</c> and consolidated.</summary>
    /// <param name="update">The update.</param>
    void Push(in Update<TKey, TVal, TTime, TDiff> update);

    /// <summary>Seals the pushed updates into a batch with <paramref name="description"/>.</summary>
    /// <param name="description">The batch's description.</param>
    TBatch Done(Description<TTime> description);
}
