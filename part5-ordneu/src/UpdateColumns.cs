using System.Numerics;
using System.Runtime.CompilerServices;

namespace Traces.OrdNeu;

/// <summary>
/// The bottom layer of a batch: parallel columns of times and diffs, written through the singleton encoding.
/// </summary>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// Each owner of updates (a value in a value batch, a key in a key batch) ends at an offset in its layer's
/// <see cref="OffsetList"/>. Offsets normally strictly increase; an owner whose offset equals the one before it
/// owns the single update just before that offset. Writing that way costs nothing extra when an owner's only
/// update repeats the last one written, which is every owner after the first in a snapshot (all at the
/// minimum time, diff one).
/// </remarks>
internal struct UpdateColumns<TTime, TDiff>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    public ArrayContainer<TTime> Times;
    public ArrayContainer<TDiff> Diffs;

    /// <summary>The number of owners encoded as a singleton (their update not stored again).</summary>
    public long Singletons;

    public UpdateColumns(int capacity)
    {
        Times = new ArrayContainer<TTime>(capacity);
        Diffs = new ArrayContainer<TDiff>(capacity);
    }

    /// <summary>Gets the number of logical updates: those stored plus those encoded as singletons.</summary>
    public readonly long LogicalCount
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Times.Count + Singletons;
    }

    /// <summary>Returns empty columns with room for the updates a merge of <paramref name="first"/> and <paramref name="second"/> stores.</summary>
    /// <param name="first">The older input's updates.</param>
    /// <param name="firstOwners">The number of owners (values, or keys of a key batch) in the older input.</param>
    /// <param name="second">The newer input's updates.</param>
    /// <param name="secondOwners">The number of owners in the newer input.</param>
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
    /// at what the inputs store. Either way the writer grows the columns if the estimate falls short.
    /// </para>
    /// </remarks>
    public static UpdateColumns<TTime, TDiff> MergeCapacity(in UpdateColumns<TTime, TDiff> first, int firstOwners, in UpdateColumns<TTime, TDiff> second, int secondOwners, bool advancing)
    {
        long stored = (long)first.Times.Count + second.Times.Count;
        long logical = first.LogicalCount + second.LogicalCount;
        long capacity = !advancing ? stored + Math.Min(first.Singletons, secondOwners) + Math.Min(second.Singletons, firstOwners)
            : logical - stored <= logical / 8 ? logical
            : stored;
        return new UpdateColumns<TTime, TDiff>(checked((int)Math.Min(capacity, Array.MaxLength)));
    }

    /// <summary>Releases spare capacity reserved by a builder or merge.</summary>
    public void TrimExcess()
    {
        Times.TrimExcess();
        Diffs.TrimExcess();
    }

    #region updates-for
    /// <summary>
    /// Returns the range of updates owned by entry <paramref name="owner"/> of
    /// <paramref name="offsets"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (int Lower, int Upper) Range(in OffsetList offsets, int owner)
    {
        int lower = (int)offsets.Index(owner);
        int upper = (int)offsets.Index(owner + 1);

        // An empty range is the singleton encoding: the owner's one update is the one just before.
        return lower == upper ? (lower - 1, upper) : (lower, upper);
    }
    #endregion

    #region seal
    /// <summary>
    /// Ends the updates of one owner, appended from <paramref name="start"/> on in time order:
    /// consolidates them in place, then ends the owner's range in <paramref name="offsets"/>. Returns
    /// <see langword="false"/>, having written nothing, when they cancel.
    /// </summary>
    public bool Seal(int start, ref OffsetList offsets)
    {
        int end = ConsolidateFrom(start);
        if (end == start)
        {
            return false;
        }

        if (end == start + 1 && start > 0
            && Diffs.Index(start) == Diffs.Index(start - 1)
            && Times.Index(start).Equals(Times.Index(start - 1)))
        {
            // One update equal to the one before: drop it and repeat the previous offset instead.
            Times.Truncate(start);
            Diffs.Truncate(start);
            Singletons++;
        }

        offsets.Push(Times.Count);
        return true;
    }
    #endregion

    #region seal-one
    /// <summary>
    /// Writes an owner that has exactly one update, <c>(time, diff)</c>: the common case of a
    /// merge copying consolidated updates, handled without appending and truncating. Same
    /// result as <see cref="Seal"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool SealOne(TTime time, TDiff diff, ref OffsetList offsets)
    {
        if (diff == TDiff.AdditiveIdentity)
        {
            return false;
        }

        int stored = Times.Count;
        if (stored > 0 && diff == Diffs.Index(stored - 1) && time.Equals(Times.Index(stored - 1)))
        {
            Singletons++;
        }
        else
        {
            Append(time, diff);
            stored++;
        }

        offsets.Push(stored);
        return true;
    }
    #endregion

    /// <summary>Sums adjacent updates at equal times from <paramref name="start"/> on and drops zeros; returns the new end.</summary>
    private int ConsolidateFrom(int start)
    {
        Span<TTime> times = Times.WritableItems;
        Span<TDiff> diffs = Diffs.WritableItems;
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

        if (written < times.Length)
        {
            Times.Truncate(written);
            Diffs.Truncate(written);
        }

        return written;
    }

    #region copy-owner
    /// <summary>
    /// Writes one owner's updates, those of <paramref name="source"/> in <c>[lower, upper)</c>,
    /// each time advanced by <paramref name="since"/>, and seals them. An empty
    /// <paramref name="since"/> means "already advanced": the updates are then sorted and
    /// consolidated and are copied as they are.
    /// </summary>
    public bool CopyOwner(in UpdateColumns<TTime, TDiff> source, int lower, int upper,
        ReadOnlySpan<TTime> since, ref UpdateStash<TTime, TDiff> stash, ref OffsetList offsets)
    {
        if (since.IsEmpty && upper - lower == 1)
        {
            return SealOne(source.Times.Index(lower), source.Diffs.Index(lower), ref offsets);
        }

        int start = Times.Count;
        if (since.IsEmpty)
        {
            AppendRange(source, lower, upper);
        }
        else
        {
            stash.AddAdvanced(source, lower, upper, since);
            stash.MoveSortedTo(ref this);
        }

        return Seal(start, ref offsets);
    }

    /// <summary>
    /// Writes and seals the updates of one owner present in two inputs, as
    /// <see cref="CopyOwner"/> does for one.
    /// </summary>
    public bool MergeOwners(in UpdateColumns<TTime, TDiff> first, int lower1, int upper1,
        in UpdateColumns<TTime, TDiff> second, int lower2, int upper2,
        ReadOnlySpan<TTime> since, ref UpdateStash<TTime, TDiff> stash, ref OffsetList offsets)
    {
        int start = Times.Count;
        if (since.IsEmpty)
        {
            AppendMerged(first, lower1, upper1, second, lower2, upper2);
        }
        else
        {
            stash.AddAdvanced(first, lower1, upper1, since);
            stash.AddAdvanced(second, lower2, upper2, since);
            stash.MoveSortedTo(ref this);
        }

        return Seal(start, ref offsets);
    }
    #endregion

    /// <summary>Appends one update to the owner being written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(TTime time, TDiff diff)
    {
        Times.Push(time);
        Diffs.Push(diff);
    }

    /// <summary>Appends the updates of <paramref name="source"/> in <c>[lower, upper)</c> unchanged.</summary>
    public void AppendRange(in UpdateColumns<TTime, TDiff> source, int lower, int upper)
    {
        if (upper - lower == 1)
        {
            Append(source.Times.Index(lower), source.Diffs.Index(lower));
        }
        else if (upper > lower)
        {
            Times.PushRange(source.Times.Items[lower..upper]);
            Diffs.PushRange(source.Diffs.Items[lower..upper]);
        }
    }

    #region append-merged
    /// <summary>
    /// Appends two time-sorted runs of updates as one time-sorted run (equal
    /// times are summed when sealed).
    /// </summary>
    public void AppendMerged(in UpdateColumns<TTime, TDiff> first, int lower1, int upper1,
        in UpdateColumns<TTime, TDiff> second, int lower2, int upper2)
    {
        while (lower1 < upper1 && lower2 < upper2)
        {
            if (first.Times.Index(lower1).CompareTo(second.Times.Index(lower2)) <= 0)
            {
                Append(first.Times.Index(lower1), first.Diffs.Index(lower1++));
            }
            else
            {
                Append(second.Times.Index(lower2), second.Diffs.Index(lower2++));
            }
        }

        AppendRange(first, lower1, upper1);
        AppendRange(second, lower2, upper2);
    }
    #endregion
}

/// <summary>
/// A reusable buffer of <c>(time, diff)</c> pairs for one owner whose times a merge advances: advancing can
/// reorder times, so they are sorted here before they are appended and sealed.
/// </summary>
internal struct UpdateStash<TTime, TDiff>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    // One owner's advanced pairs in [0, _count), unsorted; MoveSortedTo empties it, keeping the array.
    private (TTime Time, TDiff Diff)[] _items;
    private int _count;

    public UpdateStash()
    {
        _items = new (TTime, TDiff)[16];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(TTime time, TDiff diff)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[_count++] = (time, diff);
    }

    #region stash
    /// <summary>
    /// Adds the updates of <paramref name="source"/> in <c>[lower, upper)</c>, each time advanced by
    /// <paramref name="since"/>.
    /// </summary>
    public void AddAdvanced(in UpdateColumns<TTime, TDiff> source, int lower, int upper,
        ReadOnlySpan<TTime> since)
    {
        for (int i = lower; i < upper; i++)
        {
            Add(source.Times.Index(i).AdvanceByElements(since), source.Diffs.Index(i));
        }
    }
    #endregion

    /// <summary>Sorts the stash by time and appends it to <paramref name="columns"/>; the next <see cref="Add"/> starts a new owner.</summary>
    public void MoveSortedTo(ref UpdateColumns<TTime, TDiff> columns)
    {
        Span<(TTime Time, TDiff Diff)> items = _items.AsSpan(0, _count);
        _count = 0;

        // Advancing times can reorder them (in a partial order); sort only when it did.
        for (int i = 1; i < items.Length; i++)
        {
            if (items[i - 1].Time.CompareTo(items[i].Time) > 0)
            {
                items.Sort(default(TimeDiffShape<TTime, TDiff>));
                break;
            }
        }

        foreach (var (time, diff) in items)
        {
            columns.Append(time, diff);
        }
    }
}
