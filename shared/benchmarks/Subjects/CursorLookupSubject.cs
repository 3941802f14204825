namespace Traces.Benchmarks;

/// <summary>
/// A trace read through the contract's read path: one cursor (<see cref="ITraceCursor{TKey, TVal, TTime, TDiff}"/>)
/// per loaded trace, sought key by key.
/// </summary>
/// <param name="trace">The trace, empty.</param>
/// <remarks>
/// A batch of look-ups is what a reader holding a cursor writes: a batch whose keys ascend is sought key after key
/// without rewinding, so each run's finger only moves forward; any other batch rewinds before every key, since a
/// forward seek over a long distance (a gallop) costs more comparisons than a search from the start (a bisection).
/// The cursor is made once the load is complete, and again after any later change, since a cursor made before a
/// change refuses to be read.
/// </remarks>
public sealed class CursorLookupSubject(INavigableTrace<long, long, Timestamp, long> trace) : TraceSubject<long>(trace)
{
    private readonly INavigableTrace<long, long, Timestamp, long> _navigable = trace;
    // Made by the first look-up after a change; null while the trace may still change underneath it.
    private ITraceCursor<long, long, Timestamp, long>? _cursor;

    /// <summary>
    /// Returns how a probe reads <paramref name="loaded"/> after its load: a part through its cursor, the contract's
    /// read path, except part 1, whose <c>Get</c> is its hash look-up; a baseline as a C# programmer would read it.
    /// </summary>
    /// <param name="name">The subject's name.</param>
    /// <param name="loaded">The subject, loaded.</param>
    public static IndexSubject<long> Reader(string name, IndexSubject<long> loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        if (name == "part1" || loaded is not TraceSubject<long> { Trace: INavigableTrace<long, long, Timestamp, long> navigable })
        {
            return loaded;
        }

        var reader = new CursorLookupSubject(navigable);
        reader.CompleteLoad();
        return reader;
    }

    /// <inheritdoc />
    public override void Add(LongUpdate[] batch)
    {
        base.Add(batch);
        _cursor = null;
    }

    /// <inheritdoc />
    public override void AdvanceBy(Antichain<Timestamp> frontier)
    {
        base.AdvanceBy(frontier);
        _cursor = null;
    }

    /// <inheritdoc />
    public override void CompleteLoad() => _cursor = _navigable.GetCursor();

    /// <inheritdoc />
    public override long Lookup(long key)
    {
        var cursor = _cursor ??= _navigable.GetCursor();
        cursor.RewindKeys();
        return SumAt(cursor, key);
    }

    #region cursor-lookup
    /// <inheritdoc />
    public override long LookupBatch(long[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var cursor = _cursor ??= _navigable.GetCursor();
        bool ascending = true;
        for (int i = 1; i < keys.Length && ascending; i++)
        {
            ascending = keys[i - 1] <= keys[i];
        }

        cursor.RewindKeys();
        long sum = 0;
        foreach (long key in keys)
        {
            if (!ascending)
            {
                cursor.RewindKeys();
            }

            sum += SumAt(cursor, key);
        }

        return sum;
    }
    #endregion

    #region sum-at
    /// <summary>Seeks <paramref name="key"/> and sums the diffs of its values' histories.</summary>
    private static long SumAt(ITraceCursor<long, long, Timestamp, long> cursor, long key)
    {
        cursor.SeekKey(key);
        long sum = 0;
        if (cursor.KeyValid && cursor.Key == key)
        {
            for (; cursor.ValValid; cursor.StepVal())
            {
                foreach (var (_, diff) in cursor.History)
                {
                    sum += diff;
                }
            }
        }

        return sum;
    }
    #endregion
}
