using System.Runtime.InteropServices;

namespace Traces.Benchmarks;

/// <summary>The baseline most C# code would start from: <c>Dictionary&lt;K, List&lt;(V, T, R)&gt;&gt;</c>, appending every update.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
public sealed class DictionaryOfListsSubject<TKey> : IndexSubject<TKey>
    where TKey : notnull, IComparable<TKey>
{
    private readonly Dictionary<TKey, List<(long Val, Timestamp Time, long Diff)>> _index = [];

    /// <inheritdoc />
    public override void Add(Update<TKey, long, Timestamp, long>[] batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var update in batch)
        {
            ref var history = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, update.Key, out _);
            history ??= [];
            history.Add((update.Val, update.Time, update.Diff));
        }
    }

    /// <inheritdoc />
    public override long Lookup(TKey key)
    {
        long sum = 0;
        if (_index.TryGetValue(key, out var history))
        {
            foreach (var (_, _, diff) in CollectionsMarshal.AsSpan(history))
            {
                sum += diff;
            }
        }

        return sum;
    }
}
