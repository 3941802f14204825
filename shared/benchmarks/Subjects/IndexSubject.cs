namespace Traces.Benchmarks;

/// <summary>
/// Something the workloads measure: a trace driven through <see cref="ITrace{TKey, TVal, TTime, TDiff}"/>, or a
/// baseline collection used the way a C# programmer would use it.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <remarks>
/// One virtual call per batch or per key: the measured loops stay in the subjects, and a subject's own loop is
/// the code a user of that structure would write.
/// </remarks>
public abstract class IndexSubject<TKey>
    where TKey : IComparable<TKey>
{
    /// <summary>Adds a batch of updates.</summary>
    /// <param name="batch">The batch; the subject must not keep the array.</param>
    public abstract void Add(Update<TKey, long, Timestamp, long>[] batch);

    /// <summary>Returns the sum of the diffs of every update held for <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    public abstract long Lookup(TKey key);

    /// <summary>Returns the sum of <see cref="Lookup"/> over <paramref name="keys"/>.</summary>
    /// <param name="keys">The keys, in the order given.</param>
    public virtual long LookupBatch(TKey[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        long sum = 0;
        foreach (TKey key in keys)
        {
            sum += Lookup(key);
        }

        return sum;
    }

    /// <summary>
    /// Tells the subject its load is complete, before look-ups are measured; a subject that builds its index in one
    /// go at the end (a part's single batch) does it here. Nothing by default.
    /// </summary>
    public virtual void CompleteLoad()
    {
    }

    /// <summary>Allows the subject to compact times up to <paramref name="frontier"/>; baselines ignore it.</summary>
    /// <param name="frontier">The compaction frontier.</param>
    public virtual void AdvanceBy(Antichain<Timestamp> frontier)
    {
    }
}
