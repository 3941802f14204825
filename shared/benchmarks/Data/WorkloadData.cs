namespace Traces.Benchmarks;

/// <summary>
/// The data every workload runs on, generated from a seed so that each implementation sees exactly the same updates.
/// </summary>
/// <remarks>
/// Records are <c>(key, val)</c> pairs: key number <c>i</c> (spread over the <see cref="long"/> range) and value
/// <c>j</c>. Generators return arrays built before any measurement starts; the measured code only walks them.
/// </remarks>
public static class WorkloadData
{
    /// <summary>The seed every generator uses unless told otherwise.</summary>
    public const int Seed = 20160803;

    /// <summary>Returns the key number of the <paramref name="index"/>-th key: distinct, spread out, positive.</summary>
    /// <param name="index">The key's index, from zero.</param>
    public static long KeyNumber(int index) => index * 2_654_435_761L;

    /// <summary>
    /// Returns one update per record and time of <paramref name="shape"/>, in a seeded random order. Record
    /// <c>(k, v)</c> gets times <c>0 .. Times - 1</c> with diffs alternating <c>+1, -1</c> (a record that comes
    /// and goes), so a shape with one time is a snapshot: everything at the minimum time with diff 1.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="shape">The records and times.</param>
    /// <param name="seed">The shuffle's seed.</param>
    public static Update<TKey, long, Timestamp, long>[] ShuffledUpdates<TKey>(Shape shape, int seed = Seed)
    {
        var makeKey = KeyMaker<TKey>.FromNumber;
        var updates = new Update<TKey, long, Timestamp, long>[shape.Updates];
        int next = 0;
        for (int k = 0; k < shape.Keys; k++)
        {
            TKey key = makeKey(KeyNumber(k));
            for (int v = 0; v < shape.Vals; v++)
            {
                for (int t = 0; t < shape.Times; t++)
                {
                    updates[next++] = new(key, v, (ulong)t, t % 2 == 0 ? 1 : -1);
                }
            }
        }

        new Random(seed).Shuffle(updates);
        return updates;
    }

    /// <summary>
    /// Cuts <paramref name="updates"/> into batches of <paramref name="batchSize"/>, the way a trace receives them.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="updates">The updates, in arrival order.</param>
    /// <param name="batchSize">The number of updates per batch (the last may be shorter).</param>
    /// <param name="stampBatchIndex">
    /// When <see langword="true"/>, batch <c>i</c>'s updates are moved to time <c>i</c> (the insert workload's
    /// increasing times); otherwise times are kept.
    /// </param>
    public static Update<TKey, long, Timestamp, long>[][] Batches<TKey>(
        Update<TKey, long, Timestamp, long>[] updates, int batchSize, bool stampBatchIndex)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var batches = new Update<TKey, long, Timestamp, long>[(updates.Length + batchSize - 1) / batchSize][];
        for (int b = 0; b < batches.Length; b++)
        {
            int start = b * batchSize;
            var batch = updates.AsSpan(start, Math.Min(batchSize, updates.Length - start)).ToArray();
            if (stampBatchIndex)
            {
                for (int i = 0; i < batch.Length; i++)
                {
                    batch[i] = batch[i] with { Time = (ulong)b };
                }
            }

            batches[b] = batch;
        }

        return batches;
    }

    /// <summary>
    /// Returns the updates of <paramref name="shape"/> grouped into one batch per time, each batch in random order:
    /// how a history arrives (everything at time 0, then everything at time 1, ...).
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="shape">The records and times.</param>
    public static Update<TKey, long, Timestamp, long>[][] BatchesByTime<TKey>(Shape shape)
    {
        var updates = ShuffledUpdates<TKey>(shape);
        var batches = new Update<TKey, long, Timestamp, long>[shape.Times][];
        var filled = new int[shape.Times];
        for (int t = 0; t < shape.Times; t++)
        {
            batches[t] = new Update<TKey, long, Timestamp, long>[shape.Keys * shape.Vals];
        }

        foreach (var update in updates)
        {
            int t = (int)update.Time.Value;
            batches[t][filled[t]++] = update;
        }

        return batches;
    }

    /// <summary>
    /// Returns <paramref name="batchCount"/> batches of <paramref name="batchSize"/> keys drawn at random from the
    /// keys of <paramref name="shape"/> (all present), each batch sorted when <paramref name="sorted"/> is set.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="shape">The loaded data's shape.</param>
    /// <param name="batchCount">The number of batches.</param>
    /// <param name="batchSize">The number of keys per batch.</param>
    /// <param name="sorted">Whether each batch is sorted.</param>
    /// <param name="seed">The seed.</param>
    public static TKey[][] LookupBatches<TKey>(Shape shape, int batchCount, int batchSize, bool sorted, int seed = Seed)
    {
        var makeKey = KeyMaker<TKey>.FromNumber;
        var random = new Random(seed);
        var batches = new TKey[batchCount][];
        for (int b = 0; b < batchCount; b++)
        {
            var keys = new TKey[batchSize];
            for (int i = 0; i < keys.Length; i++)
            {
                keys[i] = makeKey(KeyNumber(random.Next(shape.Keys)));
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
