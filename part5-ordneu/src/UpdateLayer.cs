using System.Numerics;
using System.Runtime.CompilerServices;

namespace Traces.OrdNeu;

/// <summary>
/// The bottom layer of a batch: the <c>(time, diff)</c> updates of every owner (a value in a value batch, a key in
/// a key batch), and the offsets that divide them among the owners. It is also the layer's only writer: builders,
/// copying merges and advancing merges all write through the methods below.
/// </summary>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// <para>
/// Owner <c>i</c> owns the updates <c>[offset i, offset i + 1)</c>, sorted by time and consolidated. An owner
/// whose offset equals the one before it owns the single update just before that offset: the singleton
/// encoding, which stores nothing for an owner whose only update repeats the last one written (every owner after
/// the first in a snapshot, all at the minimum time with diff one). <see cref="RepeatsLast"/> is the one place
/// that rule is stated, and <see cref="UpdateView{TTime, TDiff}.Decode"/> the one place it is decoded.
/// </para>
/// <para>
/// Times and diffs are arrays owned by the layer, written in place with the count in a field: no container
/// stands between a merge and the columns, and nothing is copied out or back. Offsets are an
/// <see cref="OffsetList"/>, as every layer's are. Once a batch holds the layer it never changes.
/// </para>
/// </remarks>
internal sealed class UpdateLayer<TTime, TDiff>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    #region update-layer
    // Starts at 0, one entry per owner more; owner i's updates end at entry i + 1, and an entry
    // equal to the one before marks a singleton.
    private OffsetList _offsets;
    // With _diffs, the stored pairs in [0, _count); past that, spare capacity that is never read.
    private TTime[] _times;
    private TDiff[] _diffs;
    private int _count;
    // Owners encoded as singletons: one logical update each, not stored again.
    private long _singletons;
    #endregion

    /// <summary>Initializes an empty layer with room for <paramref name="owners"/> owners and <paramref name="updates"/> stored updates.</summary>
    public UpdateLayer(int owners, int updates)
    {
        _offsets = new OffsetList(checked(owners + 1));
        _offsets.Push(0);
        _times = ArrayContainer<TTime>.Allocate(updates);
        _diffs = ArrayContainer<TDiff>.Allocate(updates);
    }

    /// <summary>Gets the number of owners written.</summary>
    public int Owners => _offsets.Count - 1;

    /// <summary>Gets the number of <c>(time, diff)</c> pairs stored.</summary>
    public int StoredCount => _count;

    /// <summary>Gets the number of owners encoded as a singleton.</summary>
    public long Singletons => _singletons;

    /// <summary>Gets the number of logical updates: those stored plus those encoded as singletons.</summary>
    public long LogicalCount
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _count + _singletons;
    }

    /// <summary>Gets the stored times.</summary>
    public ReadOnlySpan<TTime> Times => new(_times, 0, _count);

    /// <summary>Gets the stored diffs, parallel to <see cref="Times"/>.</summary>
    public ReadOnlySpan<TDiff> Diffs => new(_diffs, 0, _count);

    /// <summary>Returns offset entry <paramref name="index"/>, in <c>[0, Owners]</c>.</summary>
    public long OffsetAt(int index) => _offsets.Index(index);

    /// <summary>Returns the range of stored updates owned by <paramref name="owner"/>, decoding the singleton encoding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (int Lower, int Upper) Range(int owner) =>
        UpdateView<TTime, TDiff>.Decode((int)_offsets.Index(owner), (int)_offsets.Index(owner + 1));

    /// <summary>Gets a view of the layer through spans, which a merge opens once per call to read an input.</summary>
    public UpdateView<TTime, TDiff> View => new(_offsets.EndsAfterZero, Times, Diffs);

    /// <summary>Gets the times of <paramref name="owner"/>'s updates.</summary>
    public ReadOnlySpan<TTime> TimesOf(int owner)
    {
        var (lower, upper) = Range(owner);
        return Times[lower..upper];
    }

    /// <summary>Gets the diffs of <paramref name="owner"/>'s updates, parallel to <see cref="TimesOf"/>.</summary>
    public ReadOnlySpan<TDiff> DiffsOf(int owner)
    {
        var (lower, upper) = Range(owner);
        return Diffs[lower..upper];
    }

    /// <summary>Calls <paramref name="visitor"/> for each of <paramref name="owner"/>'s updates, in time order.</summary>
    public void Visit<TVisitor>(int owner, ref TVisitor visitor)
        where TVisitor : struct, IUpdateVisitor<TTime, TDiff>
    {
        var (lower, upper) = Range(owner);
        for (int i = lower; i < upper; i++)
        {
            visitor.Visit(_times[i], _diffs[i]);
        }
    }

    /// <summary>Returns an empty layer with room for what a merge of <paramref name="first"/> and <paramref name="second"/> writes.</summary>
    /// <param name="first">The older input's layer.</param>
    /// <param name="second">The newer input's layer.</param>
    /// <param name="advancing">Whether the merge advances times.</param>
    /// <remarks>
    /// <para>
    /// A merge stores at most the inputs' logical updates, but usually about what they store: an input's singleton
    /// is stored again only when the update before it in the output came from the other input.
    /// </para>
    /// <para>
    /// A merge that advances no time can estimate how often that happens: a singleton is stored again only right
    /// after an owner that came from the other input (or when it is merged with one), so it reserves room for one
    /// stored-again singleton per owner of the other input. That covers every merge in which equal values are
    /// rare, and exactly covers two batches over the same keys, each key updated once per batch. A merge that
    /// advances times usually stores fewer updates than its inputs, since times advanced to the frontier collapse
    /// into one another; it reserves room for every singleton only where singletons are few, and otherwise starts
    /// at what the inputs store. Either way the layer grows if the estimate falls short.
    /// </para>
    /// </remarks>
    public static UpdateLayer<TTime, TDiff> MergeCapacity(
        UpdateLayer<TTime, TDiff> first, UpdateLayer<TTime, TDiff> second, bool advancing)
    {
        long stored = (long)first._count + second._count;
        long logical = first.LogicalCount + second.LogicalCount;
        long capacity = !advancing ? stored + Math.Min(first._singletons, second.Owners) + Math.Min(second._singletons, first.Owners)
            : logical - stored <= logical / 8 ? logical
            : stored;
        return new UpdateLayer<TTime, TDiff>(checked(first.Owners + second.Owners), checked((int)Math.Min(capacity, Array.MaxLength)));
    }

    /// <summary>Releases spare capacity reserved by a builder or merge, once it is more than half of a column.</summary>
    public void TrimExcess()
    {
        _offsets.TrimExcess();
        if (_count < _times.Length / 2)
        {
            _times = ArrayContainer<TTime>.Copied(_times, _count, _count);
            _diffs = ArrayContainer<TDiff>.Copied(_diffs, _count, _count);
        }
    }

    /// <summary>Appends one update to the owner being written; <see cref="Seal"/> ends the owner.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(TTime time, TDiff diff)
    {
        // The arrays in locals, as List<T>.Add does: the checks below then stand in for the stores' own.
        TTime[] times = _times;
        TDiff[] diffs = _diffs;
        int count = _count;
        if ((uint)count < (uint)times.Length && (uint)count < (uint)diffs.Length)
        {
            times[count] = time;
            diffs[count] = diff;
            _count = count + 1;
        }
        else
        {
            AppendWithGrowth(time, diff);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AppendWithGrowth(TTime time, TDiff diff)
    {
        Grow(_count + 1);
        Append(time, diff);
    }

    #region seal
    /// <summary>
    /// Ends the owner whose updates were appended from <paramref name="start"/> on, in time
    /// order: consolidates them in place, then ends the owner. Returns <see langword="false"/>,
    /// having written nothing, when they cancel.
    /// </summary>
    public bool Seal(int start)
    {
        Span<TTime> times = _times.AsSpan(0, _count);
        Span<TDiff> diffs = _diffs.AsSpan(0, _count);
        int written = start;
        int read = start;
        while (read < times.Length)
        {
            TTime time = times[read];
            TDiff sum = diffs[read++];
            while (read < times.Length && times[read].Equals(time))
            {
                sum += diffs[read++];
            }

            if (sum != TDiff.AdditiveIdentity)
            {
                times[written] = time;
                diffs[written++] = sum;
            }
        }

        Truncate(written);
        if (written == start)
        {
            return false;
        }

        EndOwner(start);
        return true;
    }
    #endregion

    #region end-owner
    /// <summary>
    /// Ends the owner whose updates, at least one, sorted and consolidated, were written from
    /// <paramref name="start"/> on: one update that repeats the one before it is dropped again,
    /// and the owner's offset repeats the previous one instead.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EndOwner(int start)
    {
        if (_count == start + 1 && RepeatsLast(_times[start], _diffs[start], start))
        {
            Truncate(start);
            _singletons++;
        }

        _offsets.PushEnd(_count);
    }

    /// <summary>
    /// Writes an owner whose only update is <c>(time, diff)</c>, as <see cref="EndOwner"/> would.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteOne(TTime time, TDiff diff)
    {
        if (RepeatsLast(time, diff, _count))
        {
            _singletons++;
        }
        else
        {
            Append(time, diff);
        }

        _offsets.PushEnd(_count);
    }

    /// <summary>
    /// The singleton rule: whether an owner whose only update is <c>(time, diff)</c>, written from
    /// <paramref name="start"/> on, needs no update stored, because the update stored just
    /// before repeats it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool RepeatsLast(TTime time, TDiff diff, int start) =>
        start > 0 && diff == _diffs[start - 1] && time.Equals(_times[start - 1]);
    #endregion

    #region copy-owner
    /// <summary>
    /// Copies the updates of <paramref name="owner"/> in <paramref name="source"/>, which need no
    /// advancing, and ends the owner.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CopyOwner(in UpdateView<TTime, TDiff> source, int owner)
    {
        var (lower, upper) = source.Range(owner);
        if (upper - lower == 1)
        {
            // The common case, one update, kept clear of the range copy's bookkeeping.
            WriteOne(source.Times[lower], source.Diffs[lower]);
        }
        else
        {
            int start = _count;
            AppendRange(source.Times[lower..upper], source.Diffs[lower..upper]);
            EndOwner(start);
        }
    }

    /// <summary>
    /// Copies the owners <c>[first, end)</c> of <paramref name="source"/>, which need no
    /// advancing: the first one by one, the rest in bulk, shifting their offsets.
    /// </summary>
    /// <remarks>
    /// After the first owner, the last update written equals the last one it owns in <paramref
    /// name="source"/>,
    /// so the later owners' singleton encoding stays valid when their offsets are shifted as
    /// they are.
    /// </remarks>
    public void CopyOwners(in UpdateView<TTime, TDiff> source, int first, int end)
    {
        CopyOwner(source, first);
        int from = source.End(first);
        int shift = _count - from;
        int previous = from;
        for (int owner = first + 1; owner < end; owner++)
        {
            int offset = source.End(owner);
            if (offset == previous)
            {
                _singletons++;
            }

            _offsets.PushEnd(offset + shift);
            previous = offset;
        }

        AppendRange(source.Times[from..previous], source.Diffs[from..previous]);
    }
    #endregion

    #region merge-owners
    /// <summary>
    /// Writes the updates of an owner present in two inputs, which need no advancing, summing
    /// those at equal times, and ends the owner; returns <see langword="false"/>, having written
    /// nothing, when they cancel.
    /// </summary>
    public bool MergeOwners(
        in UpdateView<TTime, TDiff> first, int owner1, in UpdateView<TTime, TDiff> second, int owner2)
    {
        var (lower1, upper1) = first.Range(owner1);
        var (lower2, upper2) = second.Range(owner2);
        if (upper1 - lower1 == 1 && upper2 - lower2 == 1)
        {
            // The common case, one update on each side, kept clear of the loop's bookkeeping.
            return MergeOne(
                first.Times[lower1], first.Diffs[lower1], second.Times[lower2], second.Diffs[lower2]);
        }

        int start = _count;
        EnsureCapacity(start + (upper1 - lower1) + (upper2 - lower2));
        ReadOnlySpan<TTime> times1 = first.Times;
        ReadOnlySpan<TDiff> diffs1 = first.Diffs;
        ReadOnlySpan<TTime> times2 = second.Times;
        ReadOnlySpan<TDiff> diffs2 = second.Diffs;
        Span<TTime> times = _times;
        Span<TDiff> diffs = _diffs;
        int end = start;
        while (lower1 < upper1 && lower2 < upper2)
        {
            int order = times1[lower1].CompareTo(times2[lower2]);
            if (order < 0)
            {
                times[end] = times1[lower1];
                diffs[end++] = diffs1[lower1++];
            }
            else if (order > 0)
            {
                times[end] = times2[lower2];
                diffs[end++] = diffs2[lower2++];
            }
            else
            {
                TDiff sum = diffs1[lower1] + diffs2[lower2++];
                if (sum != TDiff.AdditiveIdentity)
                {
                    times[end] = times1[lower1];
                    diffs[end++] = sum;
                }

                lower1++;
            }
        }

        // One side's rest; capacity for it is already ensured.
        while (lower1 < upper1)
        {
            times[end] = times1[lower1];
            diffs[end++] = diffs1[lower1++];
        }

        while (lower2 < upper2)
        {
            times[end] = times2[lower2];
            diffs[end++] = diffs2[lower2++];
        }

        _count = end;
        if (end == start)
        {
            return false;
        }

        EndOwner(start);
        return true;
    }

    // Writes an owner present in two inputs with one update on each side, as MergeOwners does:
    // one owner of two updates in time order, or of their sum, or nothing when the sum is zero.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MergeOne(TTime time1, TDiff diff1, TTime time2, TDiff diff2)
    {
        int order = time1.CompareTo(time2);
        if (order == 0)
        {
            TDiff sum = diff1 + diff2;
            if (sum == TDiff.AdditiveIdentity)
            {
                return false;
            }

            WriteOne(time1, sum);
            return true;
        }

        // Two updates, the earlier first: never a singleton.
        if (order < 0)
        {
            Append(time1, diff1);
            Append(time2, diff2);
        }
        else
        {
            Append(time2, diff2);
            Append(time1, diff1);
        }

        _offsets.PushEnd(_count);
        return true;
    }
    #endregion

    #region advance-owners
    /// <summary>
    /// Writes the updates of <paramref name="owner"/> in <paramref name="source"/> with each time advanced by
    /// <paramref name="since"/>, then sorts, consolidates and ends the owner as <see cref="Seal"/> does.
    /// </summary>
    public bool AdvanceOwner(in UpdateView<TTime, TDiff> source, int owner, ReadOnlySpan<TTime> since, UpdateStash<TTime, TDiff> stash)
    {
        stash.AddAdvanced(source, owner, since);
        return stash.MoveSortedTo(this);
    }

    /// <summary>
    /// Writes the updates of an owner present in two inputs with each time advanced by <paramref name="since"/>,
    /// as <see cref="AdvanceOwner"/> does for one.
    /// </summary>
    public bool AdvanceOwners(in UpdateView<TTime, TDiff> first, int owner1, in UpdateView<TTime, TDiff> second, int owner2,
        ReadOnlySpan<TTime> since, UpdateStash<TTime, TDiff> stash)
    {
        stash.AddAdvanced(first, owner1, since);
        stash.AddAdvanced(second, owner2, since);
        return stash.MoveSortedTo(this);
    }
    #endregion

    // Appends the updates `times` and `diffs` (parallel) unchanged. Not inlined: the common case, one update,
    // goes through Append, and the loops that copy owners stay small enough to keep their state in registers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AppendRange(ReadOnlySpan<TTime> times, ReadOnlySpan<TDiff> diffs)
    {
        int length = times.Length;
        if (length == 0)
        {
            return;
        }

        int count = _count;
        EnsureCapacity(count + length);
        if (length <= 4)
        {
            // A few updates (most owners own few) copy faster one by one than through a block copy's call.
            Span<TTime> timesTo = _times.AsSpan(count, length);
            Span<TDiff> diffsTo = _diffs.AsSpan(count, length);
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

        _count = count + length;
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
            Grow(capacity);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int capacity)
    {
        _times = ArrayContainer<TTime>.Grown(_times, _count, capacity);
        _diffs = ArrayContainer<TDiff>.Grown(_diffs, _count, capacity);
    }

    // Drops the stored updates from `count` on, clearing references so the collector can reclaim them.
    private void Truncate(int count)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TTime>())
        {
            Array.Clear(_times, count, _count - count);
        }

        if (RuntimeHelpers.IsReferenceOrContainsReferences<TDiff>())
        {
            Array.Clear(_diffs, count, _count - count);
        }

        _count = count;
    }
}

/// <summary>A view of an <see cref="UpdateLayer{TTime, TDiff}"/> through spans, which a merge opens once per call to read an input.</summary>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
internal readonly ref struct UpdateView<TTime, TDiff>
{
    // The layer's offsets after its leading zero: owner i's updates end at entry i and start at entry i - 1 (or 0).
    private readonly ReadOnlySpan<uint> _ends;

    /// <summary>Initializes a view over the given columns.</summary>
    public UpdateView(ReadOnlySpan<uint> ends, ReadOnlySpan<TTime> times, ReadOnlySpan<TDiff> diffs)
    {
        _ends = ends;
        Times = times;
        Diffs = diffs;
    }

    /// <summary>Gets the stored times.</summary>
    public ReadOnlySpan<TTime> Times { get; }

    /// <summary>Gets the stored diffs, parallel to <see cref="Times"/>.</summary>
    public ReadOnlySpan<TDiff> Diffs { get; }

    /// <summary>Returns where <paramref name="owner"/>'s offset range ends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int End(int owner) => (int)_ends[owner];

    /// <summary>Returns the range of stored updates owned by <paramref name="owner"/>, decoding the singleton encoding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (int Lower, int Upper) Range(int owner) => Decode(owner == 0 ? 0 : (int)_ends[owner - 1], (int)_ends[owner]);

    #region updates-for
    /// <summary>
    /// Decodes an owner's offset range, <c>[lower, upper)</c>, into the range of stored updates
    /// it owns.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (int Lower, int Upper) Decode(int lower, int upper) =>

        // An empty range is the singleton encoding: the owner's one update is the one just before.
        lower == upper ? (lower - 1, upper) : (lower, upper);
    #endregion
}
