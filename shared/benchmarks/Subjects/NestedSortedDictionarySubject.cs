namespace Traces.Benchmarks;

/// <summary>
/// The ordered baseline: <c>SortedDictionary&lt;K, SortedDictionary&lt;V, List&lt;(T, R)&gt;&gt;&gt;</c>, a red-black
/// tree of keys, each holding a tree of values, each holding its history.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
public sealed class NestedSortedDictionarySubject<TKey> : IndexSubject<TKey>
    where TKey : notnull, IComparable<TKey>
{
    private readonly SortedDictionary<TKey, SortedDictionary<long, List<(Timestamp Time, long Diff)>>> _index = [];

    /// <inheritdoc />
    public override void Add(Update<TKey, long, Timestamp, long>[] batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var update in batch)
        {
            if (!_index.TryGetValue(update.Key, out var vals))
            {
                vals = [];
                _index.Add(update.Key, vals);
            }

            if (!vals.TryGetValue(update.Val, out var history))
            {
                history = [];
                vals.Add(update.Val, history);
            }

            history.Add((update.Time, update.Diff));
        }
    }

    /// <inheritdoc />
    public override long Lookup(TKey key)
    {
        long sum = 0;
        if (_index.TryGetValue(key, out var vals))
        {
            foreach (var history in vals.Values)
            {
                foreach (var (_, diff) in history)
                {
                    sum += diff;
                }
            }
        }

        return sum;
    }
}
