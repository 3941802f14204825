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
