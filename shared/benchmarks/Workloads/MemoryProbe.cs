namespace Traces.Benchmarks;

/// <summary>
/// Bytes retained per update: the difference of <see cref="GC.GetTotalMemory(bool)"/> after a full collection
/// before and after loading, divided by the number of updates.
/// </summary>
/// <remarks>
/// The batches exist before the first reading and after the second, so only what the subject keeps is counted;
/// garbage made while loading is collected by the second reading. A small load of the same kind first makes sure
/// lazily created statics are not charged to the measurement.
/// </remarks>
public static class MemoryProbe
{
    /// <summary>Measures the bytes per update a structure built by <paramref name="build"/> retains.</summary>
    /// <param name="build">Builds the structure from prebuilt data and returns it.</param>
    /// <param name="updates">The number of updates it holds.</param>
    public static double BytesPerUpdate(Func<object> build, int updates)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentOutOfRangeException.ThrowIfLessThan(updates, 1);
        #region bytes-per-update
        long before = GC.GetTotalMemory(forceFullCollection: true);
        object built = build();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(built);
        return (after - before) / (double)updates;
        #endregion
    }

    /// <summary>
    /// Measures a subject loaded with <paramref name="batches"/> and then moved on in time, after a warm-up load of
    /// the first batch.
    /// </summary>
    /// <param name="create">Creates the empty subject.</param>
    /// <param name="batches">The batches to load.</param>
    /// <remarks>
    /// After the load every subject is given one more batch: a single update, of a key no loaded update has, at
    /// the time after the largest loaded time. A trace seals updates into a batch only once time has passed them,
    /// as the input of a dataflow does after loading a snapshot; without the step a snapshot loaded at one time
    /// would be measured as a trace's raw, unsealed updates. That one update is not counted in the division.
    /// </remarks>
    public static double BytesPerUpdate(Func<IndexSubject<long>> create, LongUpdate[][] batches)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(batches);
        LongUpdate[][] step = [[NextTimeStep(batches)]];
        Load(Load(create(), batches.AsSpan(0, 1)), step);
        return BytesPerUpdate(() => Load(Load(create(), batches), step), CountUpdates(batches));
    }

    /// <summary>
    /// Returns the update that moves time on after <paramref name="batches"/>: a key above every loaded key, at the
    /// largest loaded time plus one, diff one.
    /// </summary>
    /// <param name="batches">The loaded batches; at least one update.</param>
    public static LongUpdate NextTimeStep(LongUpdate[][] batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        long key = long.MinValue;
        ulong time = 0;
        foreach (var batch in batches)
        {
            foreach (var update in batch)
            {
                key = Math.Max(key, update.Key);
                time = Math.Max(time, update.Time.Value);
            }
        }

        return new(key + 1, 0, time + 1, 1);
    }

    /// <summary>Measures the floor: the same updates in one flat array.</summary>
    /// <param name="batches">The batches.</param>
    public static double FlatArrayBytesPerUpdate(LongUpdate[][] batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        int count = CountUpdates(batches);
        return BytesPerUpdate(
            () =>
            {
                var flat = new LongUpdate[count];
                int next = 0;
                foreach (var batch in batches)
                {
                    batch.CopyTo(flat, next);
                    next += batch.Length;
                }

                return flat;
            },
            count);
    }

    private static IndexSubject<long> Load(IndexSubject<long> subject, ReadOnlySpan<LongUpdate[]> batches)
    {
        foreach (var batch in batches)
        {
            subject.Add(batch);
        }

        return subject;
    }

    private static int CountUpdates(LongUpdate[][] batches)
    {
        int count = 0;
        foreach (var batch in batches)
        {
            count += batch.Length;
        }

        return count;
    }
}
