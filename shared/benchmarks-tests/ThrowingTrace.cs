namespace Traces.Benchmarks.Tests;

/// <summary>A trace whose every operation throws: what a broken part looks like to the benchmarks.</summary>
internal sealed class ThrowingTrace<TKey> : ITrace<TKey, long, Timestamp, long>
    where TKey : IComparable<TKey>
{
    public void Add(IEnumerable<Update<TKey, long, Timestamp, long>> updates) => throw new InvalidOperationException("broken");

    public IEnumerable<Update<TKey, long, Timestamp, long>> Get(TKey key) => throw new InvalidOperationException("broken");

    public IEnumerable<TKey> Keys() => throw new InvalidOperationException("broken");

    public void AdvanceBy(Antichain<Timestamp> frontier) => throw new InvalidOperationException("broken");
}
