using System.Runtime.ExceptionServices;

namespace Traces.Lsm;

/// <summary>
/// Merges several storage iterators of one type into one sorted stream with each key once: where inputs share a
/// key, the input with the lowest index (the newest source) wins and the others pass over it.
/// </summary>
/// <typeparam name="TIterator">The input iterator type.</typeparam>
/// <remarks>
/// <para>
/// The inputs wait in a <see cref="PriorityQueue{TElement, TPriority}"/> keyed by (current key, input index), so
/// the queue's minimum is the smallest key and, among equal keys, the newest input. One input, the current one,
/// is held outside the queue: it is the one the merge stands on.
/// </para>
/// <para>
/// An input is never advanced while it sits in the queue, because its priority is its key at the time it was
/// enqueued: it is dequeued, advanced, and enqueued again only if still valid. An input whose
/// <see cref="IStorageIterator.Next"/> throws has already been dequeued, so it is simply not put back; the
/// step is completed on the remaining inputs, then the exception propagates, and the failed input is never
/// touched again: the merge can go on over the others. Tombstones pass through: this layer chooses versions,
/// it does not interpret them.
/// </para>
/// </remarks>
public sealed class MergeIterator<TIterator> : IStorageIterator
    where TIterator : IStorageIterator
{
    private readonly TIterator[] _inputs;
    // Every valid input but the current one, by (key, index): lower index, newer, wins ties.
    private readonly PriorityQueue<int, HeapEntry> _waiting;
    // The input whose entry is current: smallest key, then lowest index; -1 when all are done.
    private int _current = -1;

    /// <summary>Creates a merge over <paramref name="inputs"/>, newest first.</summary>
    /// <param name="inputs">The inputs; index 0 is the newest and wins ties.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or one of its items is <see langword="null"/>.</exception>
    public MergeIterator(IReadOnlyList<TIterator> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        _inputs = new TIterator[inputs.Count];
        _waiting = new PriorityQueue<int, HeapEntry>(inputs.Count);
        for (var i = 0; i < _inputs.Length; i++)
        {
            var input = inputs[i];
            ArgumentNullException.ThrowIfNull(input, nameof(inputs));
            _inputs[i] = input;
            if (input.IsValid)
            {
                _waiting.Enqueue(i, new HeapEntry(input.Key, i));
            }
        }

        _current = _waiting.TryDequeue(out var first, out _) ? first : -1;
    }

    /// <inheritdoc />
    public ReadOnlyMemory<byte> Key => _inputs[_current].Key;

    /// <inheritdoc />
    public ReadOnlyMemory<byte> Value => _inputs[_current].Value;

    /// <inheritdoc />
    public bool IsValid => _current >= 0;

    /// <inheritdoc />
    public int NumActiveIterators
    {
        get
        {
            var sum = _current >= 0 ? _inputs[_current].NumActiveIterators : 0;
            foreach (var (index, _) in _waiting.UnorderedItems)
            {
                sum += _inputs[index].NumActiveIterators;
            }

            return sum;
        }
    }

    #region merge-next
    /// <inheritdoc />
    /// <exception cref="Exception">
    /// The exception an input threw. The step still completes on the other inputs; the failed
    /// input is dropped. If several inputs failed in one step, an
    /// <see cref="AggregateException"/> holds their exceptions.
    /// </exception>
    public void Next()
    {
        var current = _current;
        var key = _inputs[current].Key;
        List<Exception>? failures = null;

        // Older inputs standing on the same key lose the tie: move each past it.
        while (_waiting.TryPeek(out var other, out var entry)
            && ByteOrder.CompareSpans(entry.Key.Span, key.Span) == 0)
        {
            _waiting.Dequeue();
            if (Advance(other, ref failures))
            {
                _waiting.Enqueue(other, new HeapEntry(_inputs[other].Key, other));
            }
        }

        // Put the current input back and take the minimum; if the current input is still the minimum,
        // the queue hands it straight back without reordering anything.
        _current = Advance(current, ref failures)
            ? _waiting.EnqueueDequeue(current, new HeapEntry(_inputs[current].Key, current))
            : _waiting.TryDequeue(out var next, out _) ? next : -1;

        if (failures is not null)
        {
            throw failures.Count == 1 ? Rethrow(failures[0]) : new AggregateException(failures);
        }
    }

    // Returns whether the input is still valid. An input that throws is out of the queue already (it
    // was dequeued, or it is the current input) and is never enqueued or touched again.
    private bool Advance(int index, ref List<Exception>? failures)
    {
        try
        {
            _inputs[index].Next();
        }
        catch (Exception failure)
        {
            (failures ??= []).Add(failure);
            return false;
        }

        return _inputs[index].IsValid;
    }
    #endregion

    private static Exception Rethrow(Exception failure)
    {
        ExceptionDispatchInfo.Capture(failure).Throw();
        return failure;
    }

    /// <summary>A waiting input's priority: its key, then its index (lower index = newer = first).</summary>
    private readonly record struct HeapEntry(ReadOnlyMemory<byte> Key, int Index) : IComparable<HeapEntry>
    {
        public int CompareTo(HeapEntry other)
        {
            var byKey = ByteOrder.CompareSpans(Key.Span, other.Key.Span);
            return byKey != 0 ? byKey : Index.CompareTo(other.Index);
        }
    }
}
