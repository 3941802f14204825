namespace Traces.Benchmarks;

/// <summary>A trace measured through <see cref="ITrace{TKey, TVal, TTime, TDiff}"/> alone.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <param name="trace">The trace, empty.</param>
public class TraceSubject<TKey>(ITrace<TKey, long, Timestamp, long> trace) : IndexSubject<TKey>
    where TKey : IComparable<TKey>
{
    /// <summary>Gets the trace.</summary>
    public ITrace<TKey, long, Timestamp, long> Trace { get; } = trace ?? throw new ArgumentNullException(nameof(trace));

    /// <inheritdoc />
    public override void Add(Update<TKey, long, Timestamp, long>[] batch) => Trace.Add(batch);

    /// <inheritdoc />
    public override long Lookup(TKey key)
    {
        long sum = 0;
        foreach (var update in Trace.Get(key))
        {
            sum += update.Diff;
        }

        return sum;
    }

    /// <inheritdoc />
    public override void AdvanceBy(Antichain<Timestamp> frontier) => Trace.AdvanceBy(frontier);
}

/// <summary>A trace whose batched look-ups go through the part's own fast path instead of one <c>Get</c> per key.</summary>
/// <param name="trace">The trace, empty.</param>
/// <param name="lookupBatch">The part's batched look-up: the sum of the diffs of every key's updates.</param>
public sealed class NativeLookupSubject(ITrace<long, long, Timestamp, long> trace, NativeLookup lookupBatch)
    : TraceSubject<long>(trace)
{
    private readonly NativeLookup _lookupBatch = lookupBatch ?? throw new ArgumentNullException(nameof(lookupBatch));

    /// <inheritdoc />
    public override long LookupBatch(long[] keys) => _lookupBatch(Trace, keys);
}
