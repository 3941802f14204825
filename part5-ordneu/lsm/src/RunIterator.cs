using Traces.OrdNeu;

namespace Traces.Lsm;

/// <summary>
/// A storage iterator over one sealed batch (a sorted run) read at a version, through the batch's cursor.
/// </summary>
/// <typeparam name="TCursor">The batch's cursor type.</typeparam>
/// <remarks>
/// <para>
/// A batch does not hold "the value of each key": it holds updates. A write at version <c>t</c> is
/// <c>+1 (key, new)</c> and <c>-1 (key, old)</c>, so within one batch the updates of a key at times up to the
/// read version add up to <c>-1</c> for the value the key had before the batch (if any) and <c>+1</c> for the
/// value it has at the read version (if any), unless the two are the same and cancel.
/// </para>
/// <para>
/// For each key the iterator sums, per value, the diffs at times at or below the read version. A value with a
/// positive sum is the key's value. Failing that, a negative sum means the batch deleted the key: the iterator
/// yields a tombstone, which hides the older runs' value. All sums zero means the batch did not change the key
/// as of the read version, and the key is passed over so that an older run can answer. The cursor does the
/// navigation (step and forward seek by key, step by value, visit times); this class only interprets.
/// </para>
/// </remarks>
public sealed class RunIterator<TCursor> : IStorageIterator
    where TCursor : struct, ICursor<TCursor, ByteString, ByteString, Timestamp, long>
{
    private readonly Bound _upper;
    // The read's version: updates at later times are not counted.
    private readonly ulong _readVersion;
    private TCursor _cursor;
    // The current key's value as of _readVersion; empty when the key was deleted by then.
    private ReadOnlyMemory<byte> _value;
    // True when the cursor stands on a key below _upper holding a value or a deletion as of then.
    private bool _valid;

    /// <summary>Creates an iterator over a batch's cursor, standing on the first key within the bounds.</summary>
    /// <param name="cursor">A cursor at the start of the batch.</param>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound.</param>
    /// <param name="readVersion">The version to read at.</param>
    /// <exception cref="ArgumentException">The lower bound is above the upper bound.</exception>
    public RunIterator(TCursor cursor, Bound lower, Bound upper, ulong readVersion)
    {
        Bound.CheckRange(lower, upper);
        _cursor = cursor;
        _upper = upper;
        _readVersion = readVersion;
        if (lower.Kind != BoundKind.Unbounded)
        {
            _cursor.SeekKey(ByteString.Share(lower.Key));
            if (lower.Kind == BoundKind.Excluded && _cursor.KeyValid && _cursor.Key.Span.SequenceEqual(lower.Key.Span))
            {
                _cursor.StepKey();
            }
        }

        Settle();
    }

    /// <inheritdoc />
    public ReadOnlyMemory<byte> Key => _cursor.Key.Memory;

    /// <inheritdoc />
    public ReadOnlyMemory<byte> Value => _value;

    /// <inheritdoc />
    public bool IsValid => _valid;

    /// <inheritdoc />
    public int NumActiveIterators => 1;

    /// <inheritdoc />
    public void Next()
    {
        _cursor.StepKey();
        Settle();
    }

    /// <summary>Moves forward to the first key at or after <paramref name="key"/> that the run has an answer for.</summary>
    /// <param name="key">The key sought; keys before the current one leave the iterator where it is.</param>
    internal void SeekForward(ByteString key)
    {
        // Settle has consumed the current key's values, so re-settling on it would misread it: only move on.
        if (!_valid || _cursor.Key.CompareTo(key) >= 0)
        {
            return;
        }

        _cursor.SeekKey(key);
        Settle();
    }

    #region run-settle
    private void Settle()
    {
        for (; _cursor.KeyValid; _cursor.StepKey())
        {
            if (!_upper.AdmitsBelow(_cursor.Key.Span))
            {
                break;
            }

            var deleted = false;
            for (; _cursor.ValValid; _cursor.StepVal())
            {
                var sum = new SumUpTo(_readVersion);
                _cursor.MapTimes(ref sum);
                if (sum.Total > 0)
                {
                    _value = _cursor.Val.Memory;
                    _valid = true;
                    return;
                }

                deleted |= sum.Total < 0;
            }

            if (deleted)
            {
                _value = ReadOnlyMemory<byte>.Empty;
                _valid = true;
                return;
            }
        }

        _valid = false;
    }
    #endregion

    /// <summary>Adds up the diffs at times at or below a read version.</summary>
    private struct SumUpTo(ulong readVersion) : IUpdateVisitor<Timestamp, long>
    {
        public long Total { get; private set; }

        public void Visit(Timestamp time, long diff)
        {
            if (time.Value <= readVersion)
            {
                Total += diff;
            }
        }
    }
}
