namespace Traces.Benchmarks;

/// <summary>Batches of keys to look up, drawn at random from <c>0 … keyCount − 1</c>, seeded.</summary>
public static class LookupBatches
{
    /// <summary>Draws <paramref name="lookups"/> keys (at least one batch) in batches of <paramref name="batchSize"/>.</summary>
    /// <param name="keyCount">The number of keys present: keys are drawn from <c>0 … keyCount − 1</c>.</param>
    /// <param name="batchSize">The keys per batch, at least 1.</param>
    /// <param name="lookups">The keys in all, rounded down to whole batches.</param>
    /// <param name="seed">The seed of the draw.</param>
    /// <param name="sorted">Whether each batch is sorted, as a reader holding a cursor would sort it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="keyCount"/> or <paramref name="batchSize"/> is less than 1.</exception>
    public static long[][] Draw(int keyCount, int batchSize, int lookups, int seed, bool sorted)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keyCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var random = new Random(seed);
        var batches = new long[Math.Max(1, lookups / batchSize)][];
        for (int b = 0; b < batches.Length; b++)
        {
            var keys = new long[batchSize];
            for (int k = 0; k < keys.Length; k++)
            {
                keys[k] = random.Next(keyCount);
            }

            if (sorted)
            {
                Array.Sort(keys);
            }

            batches[b] = keys;
        }

        return batches;
    }
}
