using System.Numerics;
using System.Runtime.CompilerServices;

namespace Traces.OrdNeu;

/// <summary>
/// Appends to an <see cref="OffsetList"/> of the usual shape through its backing array, with the count in a field
/// of the writer rather than of the list, for the merge's copying loops.
/// </summary>
/// <remarks>
/// A merge's offsets count values or updates held in arrays, so they always fit in 32 bits: the writer never
/// needs the list's 64-bit part. <see cref="Close"/> hands the state back to the list.
/// </remarks>
internal struct OffsetWriter
{
    // The list's narrow part: owners' end offsets in [0, _count), ascending; spare capacity after.
    private uint[] _items;
    private int _count;

    /// <summary>Starts writing after the offsets <paramref name="offsets"/> holds, which must be of the usual shape.</summary>
    public OffsetWriter(in OffsetList offsets)
    {
        if (!offsets.IsZeroThenNarrow)
        {
            throw new InvalidOperationException("Only an offset list of one zero and 32-bit offsets can be written through a span.");
        }

        _items = offsets.Narrow.Buffer;
        _count = offsets.Narrow.Count;
    }

    /// <summary>Gets the number of owners whose end offsets the list holds (its offsets, less the leading zero).</summary>
    public readonly int Owners => _count;

    /// <summary>Ends the next owner's range at <paramref name="offset"/>, which is positive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(int offset)
    {
        uint[] items = _items;
        int count = _count;
        if ((uint)count < (uint)items.Length)
        {
            items[count] = (uint)offset;
            _count = count + 1;
        }
        else
        {
            _items = ArrayContainer<uint>.Grown(items, count, 4);
            _items[count] = (uint)offset;
            _count = count + 1;
        }
    }

    /// <summary>Hands the offsets written back to <paramref name="offsets"/>.</summary>
    public readonly void Close(ref OffsetList offsets)
    {
        var narrow = offsets.Narrow;
        narrow.Reset(_items, _count);
        offsets.Narrow = narrow;
    }

}

/// <summary>
/// Writes update columns and their owners' offsets through arrays, with every count in a field of the writer,
/// for the merge's copying loops: the same encoding as <see cref="UpdateColumns{TTime, TDiff}.Seal"/>, for inputs
/// whose times need no advancing.
/// </summary>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// The inputs are batches, so each owner's updates are sorted by time and consolidated: copying one owner never
/// cancels, and only an owner with one update can become a singleton. <see cref="Close"/> hands the state back
/// to the columns.
/// </remarks>
internal struct UpdateWriter<TTime, TDiff>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    public OffsetWriter Offsets;
    // With _diffs, the stored (time, diff) pairs in [0, _count); spare capacity after.
    private TTime[] _times;
    private TDiff[] _diffs;
    private int _count;
    // Owners written as singletons: one logical update each that no stored pair repeats.
    private long _singletons;

    /// <summary>Starts writing after what <paramref name="updates"/> and <paramref name="offsets"/> hold.</summary>
    public UpdateWriter(in UpdateColumns<TTime, TDiff> updates, in OffsetList offsets)
    {
        Offsets = new OffsetWriter(offsets);
        _times = updates.Times.Buffer;
        _diffs = updates.Diffs.Buffer;
        _count = updates.Times.Count;
        _singletons = updates.Singletons;
    }

    /// <summary>Gets the number of logical updates written, singletons included (the merge's effort).</summary>
    public readonly long Logical
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _count + _singletons;
    }

    /// <summary>Hands the updates and offsets written back to <paramref name="updates"/> and <paramref name="offsets"/>.</summary>
    public readonly void Close(ref UpdateColumns<TTime, TDiff> updates, ref OffsetList offsets)
    {
        updates.Times.Reset(_times, _count);
        updates.Diffs.Reset(_diffs, _count);
        updates.Singletons = _singletons;
        Offsets.Close(ref offsets);
    }

    #region copy-owner-spans
    /// <summary>
    /// Copies the updates of <paramref name="owner"/> in <paramref name="source"/> and ends its range.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CopyOwner(in UpdateReader<TTime, TDiff> source, int owner)
    {
        var (lower, upper) = source.Range(owner);
        if (upper - lower == 1)
        {
            WriteOne(source.Times[lower], source.Diffs[lower]);
        }
        else
        {
            Append(source.Times[lower..upper], source.Diffs[lower..upper]);
            Offsets.Push(_count);
        }
    }

    /// <summary>
    /// Copies the owners <c>[first, end)</c> of <paramref name="source"/>: the first one by one, the
    /// rest in bulk, shifting their offsets.
    /// </summary>
    /// <remarks>
    /// After the first owner, the last update written equals the last one it owns in
    /// <paramref name="source"/>, so the later owners' singleton encoding stays valid when their
    /// offsets are shifted as they are.
    /// </remarks>
    public void CopyOwners(in UpdateReader<TTime, TDiff> source, int first, int end)
    {
        CopyOwner(source, first);
        if (end - first == 1)
        {
            return;
        }

        int from = source.Offsets.End(first);
        int shift = _count - from;
        int previous = from;
        for (int owner = first + 1; owner < end; owner++)
        {
            int offset = source.Offsets.End(owner);
            if (offset == previous)
            {
                _singletons++;
            }

            Offsets.Push(offset + shift);
            previous = offset;
        }

        Append(source.Times[from..previous], source.Diffs[from..previous]);
    }
    #endregion

    /// <summary>
    /// Writes the updates of an owner present in two inputs, summing those at equal times, and ends its range;
    /// returns <see langword="false"/>, having written nothing, when they cancel.
    /// </summary>
    public bool MergeOwners(in UpdateReader<TTime, TDiff> first, int owner1, in UpdateReader<TTime, TDiff> second, int owner2)
    {
        var (lower1, upper1) = first.Range(owner1);
        var (lower2, upper2) = second.Range(owner2);
        int start = _count;
        EnsureCapacity(start + (upper1 - lower1) + (upper2 - lower2));
        Span<TTime> times = _times;
        Span<TDiff> diffs = _diffs;
        int end = start;
        while (lower1 < upper1 && lower2 < upper2)
        {
            int order = first.Times[lower1].CompareTo(second.Times[lower2]);
            if (order < 0)
            {
                times[end] = first.Times[lower1];
                diffs[end++] = first.Diffs[lower1++];
            }
            else if (order > 0)
            {
                times[end] = second.Times[lower2];
                diffs[end++] = second.Diffs[lower2++];
            }
            else
            {
                TDiff sum = first.Diffs[lower1] + second.Diffs[lower2++];
                if (sum != TDiff.AdditiveIdentity)
                {
                    times[end] = first.Times[lower1];
                    diffs[end++] = sum;
                }

                lower1++;
            }
        }

        // One side's rest; capacity for it is already ensured.
        while (lower1 < upper1)
        {
            times[end] = first.Times[lower1];
            diffs[end++] = first.Diffs[lower1++];
        }

        while (lower2 < upper2)
        {
            times[end] = second.Times[lower2];
            diffs[end++] = second.Diffs[lower2++];
        }

        _count = end;
        if (end == start)
        {
            return false;
        }

        if (end == start + 1 && start > 0 && diffs[start] == diffs[start - 1] && times[start].Equals(times[start - 1]))
        {
            // One update equal to the one before: the singleton encoding, as when sealing.
            _count = start;
            _singletons++;
            ClearFrom(_times, _diffs, start, end);
        }

        Offsets.Push(_count);
        return true;
    }

    /// <summary>Writes an owner whose only update is <c>(time, diff)</c>, as a singleton if it repeats the last update.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteOne(TTime time, TDiff diff)
    {
        int count = _count;
        if (count > 0 && diff == _diffs[count - 1] && time.Equals(_times[count - 1]))
        {
            _singletons++;
        }
        else
        {
            if ((uint)count >= (uint)_times.Length || (uint)count >= (uint)_diffs.Length)
            {
                EnsureCapacity(count + 1);
            }

            _times[count] = time;
            _diffs[count] = diff;
            _count = ++count;
        }

        Offsets.Push(count);
    }

    private void Append(ReadOnlySpan<TTime> times, ReadOnlySpan<TDiff> diffs)
    {
        int count = _count;
        EnsureCapacity(count + times.Length);
        if (times.Length <= 4)
        {
            // A few updates (most values own few) copy faster one by one than through a block copy's call.
            Span<TTime> timesTo = _times.AsSpan(count, times.Length);
            Span<TDiff> diffsTo = _diffs.AsSpan(count, times.Length);
            for (int i = 0; i < timesTo.Length; i++)
            {
                timesTo[i] = times[i];
                diffsTo[i] = diffs[i];
            }
        }
        else
        {
            times.CopyTo(_times.AsSpan(count));
            diffs.CopyTo(_diffs.AsSpan(count));
        }

        _count = count + times.Length;
    }

    /// <summary>
    /// Grows the columns when a merge writes more updates than its inputs store: updates encoded as singletons in
    /// an input are stored again when the update before them comes from the other input.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnsureCapacity(int capacity)
    {
        if (capacity > _times.Length || capacity > _diffs.Length)
        {
            _times = ArrayContainer<TTime>.Grown(_times, _count, capacity);
            _diffs = ArrayContainer<TDiff>.Grown(_diffs, _count, capacity);
        }
    }

    private static void ClearFrom(TTime[] times, TDiff[] diffs, int start, int end)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TTime>())
        {
            times.AsSpan(start, end - start).Clear();
        }

        if (RuntimeHelpers.IsReferenceOrContainsReferences<TDiff>())
        {
            diffs.AsSpan(start, end - start).Clear();
        }
    }
}
