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

    /// <summary>Measures a subject loaded with <paramref name="batches"/>, after a warm-up load of the first batch.</summary>
    /// <param name="create">Creates the empty subject.</param>
    /// <param name="batches">The batches to load.</param>
    public static double BytesPerUpdate(Func<IndexSubject<long>> create, LongUpdate[][] batches)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(batches);
        Load(create(), batches.AsSpan(0, 1));
        return BytesPerUpdate(() => Load(create(), batches), CountUpdates(batches));
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
