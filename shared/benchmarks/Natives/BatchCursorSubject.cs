using Traces.OrdNeu;

namespace Traces.Benchmarks;

/// <summary>
/// Part 5's look-ups by cursor seeks, on one <see cref="OrdValBatch{TKey, TVal, TTime, TDiff}"/> built from the
/// loaded updates: shown in the look-up table as <c>part5-batch-cursor</c>.
/// </summary>
/// <remarks>
/// The part 5 trace does not expose its spine, so this subject collects what it is given and, when loading is
/// complete (<see cref="CompleteLoad"/>, outside the measurement), sorts, consolidates and builds it into a single
/// batch. A batch of keys is answered with one cursor: ascending keys are found by forward galloping seeks, each
/// starting where the previous one stopped; a key smaller than the previous one rewinds the cursor first, so a
/// random batch pays a seek from the start for most keys.
/// </remarks>
public sealed class BatchCursorSubject : IndexSubject<long>
{
    /// <summary>The subject's name in the look-up table.</summary>
    public const string Name = "part5-batch-cursor";

    private readonly List<LongUpdate> _pending = [];
    private OrdValBatch<long, long, Timestamp, long>? _batch;

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The load has been completed.</exception>
    public override void Add(LongUpdate[] batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_batch is not null)
        {
            throw new InvalidOperationException("The batch has been built; this subject takes no more updates.");
        }

        _pending.AddRange(batch);
    }

    /// <summary>Builds the batch from every update added.</summary>
    public override void CompleteLoad()
    {
        if (_batch is not null)
        {
            return;
        }

        Consolidation.Consolidate(_pending);
        ulong upper = 1;
        foreach (var update in _pending)
        {
            upper = Math.Max(upper, update.Time.Value + 1);
        }

        var description = new Description<Timestamp>(Antichain<Timestamp>.AtMinimum(), [upper], Antichain<Timestamp>.AtMinimum());
        _batch = Part5Batches.Build(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_pending), description);
        _pending.Clear();
        _pending.TrimExcess();
    }

    /// <inheritdoc />
    public override long Lookup(long key) => LookupBatch([key]);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException"><see cref="CompleteLoad"/> has not been called.</exception>
    public override long LookupBatch(long[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var batch = _batch ?? throw new InvalidOperationException("Complete the load before looking keys up.");
        #region batch-cursor-lookup
        var cursor = batch.GetCursor();
        long sum = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (i > 0 && keys[i] < keys[i - 1])
            {
                cursor.RewindKeys();
            }

            cursor.SeekKey(keys[i]);
            if (cursor.KeyValid && cursor.Key == keys[i])
            {
                for (; cursor.ValValid; cursor.StepVal())
                {
                    foreach (long diff in cursor.Diffs)
                    {
                        sum += diff;
                    }
                }
            }
        }

        return sum;
        #endregion
    }
}
