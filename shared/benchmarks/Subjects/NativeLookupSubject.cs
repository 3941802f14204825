namespace Traces.Benchmarks;

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
