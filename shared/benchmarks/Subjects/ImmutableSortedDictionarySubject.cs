using System.Collections.Immutable;

namespace Traces.Benchmarks;

/// <summary>
/// The persistent baseline: <c>ImmutableSortedDictionary&lt;K, ImmutableList&lt;(V, T, R)&gt;&gt;</c>, updated through a
/// builder once per batch, so every batch leaves a readable snapshot behind.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
public sealed class ImmutableSortedDictionarySubject<TKey> : IndexSubject<TKey>
    where TKey : notnull, IComparable<TKey>
{
    private ImmutableSortedDictionary<TKey, ImmutableList<(long Val, Timestamp Time, long Diff)>> _index =
        ImmutableSortedDictionary<TKey, ImmutableList<(long Val, Timestamp Time, long Diff)>>.Empty;

    /// <inheritdoc />
    public override void Add(Update<TKey, long, Timestamp, long>[] batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var builder = _index.ToBuilder();
        foreach (var update in batch)
        {
            var history = builder.TryGetValue(update.Key, out var existing) ? existing : [];
            builder[update.Key] = history.Add((update.Val, update.Time, update.Diff));
        }

        _index = builder.ToImmutable();
    }

    /// <inheritdoc />
    public override long Lookup(TKey key)
    {
        long sum = 0;
        if (_index.TryGetValue(key, out var history))
        {
            foreach (var (_, _, diff) in history)
            {
                sum += diff;
            }
        }

        return sum;
    }
}
