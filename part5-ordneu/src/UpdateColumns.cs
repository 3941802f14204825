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
    public readonly long LogicalCount => Times.Count + Singletons;

    public static UpdateColumns<TTime, TDiff> MergeCapacity(in UpdateColumns<TTime, TDiff> first, in UpdateColumns<TTime, TDiff> second) =>
        new() { Times = ArrayContainer<TTime>.MergeCapacity(first.Times, second.Times), Diffs = ArrayContainer<TDiff>.MergeCapacity(first.Diffs, second.Diffs) };

    #region updates-for
    /// <summary>Returns the range of updates owned by entry <paramref name="owner"/> of <paramref name="offsets"/>.</summary>
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
    /// Writes the consolidated updates of one owner and ends its range in <paramref name="offsets"/>; writes
    /// nothing and returns <see langword="false"/> when there are none.
    /// </summary>
    public bool Seal(ReadOnlySpan<(TTime Time, TDiff Diff)> updates, ref OffsetList offsets)
    {
        if (updates.IsEmpty)
        {
            return false;
        }

        int stored = Times.Count;
        if (updates.Length == 1 && stored > 0
            && updates[0].Diff == Diffs.Index(stored - 1) && updates[0].Time.Equals(Times.Index(stored - 1)))
        {
            // Repeat the previous offset instead of the update: "the one just before".
            Singletons++;
        }
        else
        {
            foreach (var (time, diff) in updates)
            {
                Times.Push(time);
                Diffs.Push(diff);
            }
        }

        offsets.Push(Times.Count);
        return true;
    }
    #endregion
}

/// <summary>
/// A reusable buffer of <c>(time, diff)</c> pairs for one owner, consolidated before it is sealed: the staging
/// area of builders and merges.
/// </summary>
internal struct UpdateStash<TTime, TDiff>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    private (TTime Time, TDiff Diff)[] _items;
    private int _count;

    public UpdateStash()
    {
        _items = new (TTime, TDiff)[16];
    }

    public readonly int Count => _count;

    public readonly TTime LastTime => _items[_count - 1].Time;

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
    /// <summary>Adds the updates of <paramref name="source"/> in <c>[lower, upper)</c>, each time advanced by <paramref name="since"/>.</summary>
    public void AddAdvanced(in UpdateColumns<TTime, TDiff> source, int lower, int upper, ReadOnlySpan<TTime> since)
    {
        for (int i = lower; i < upper; i++)
        {
            Add(source.Times.Index(i).AdvanceBy(since), source.Diffs.Index(i));
        }
    }
    #endregion

    /// <summary>Consolidates the stash and returns it; the next <see cref="Add"/> starts a new owner.</summary>
    public ReadOnlySpan<(TTime Time, TDiff Diff)> TakeConsolidated()
    {
        Span<(TTime Time, TDiff Diff)> items = _items.AsSpan(0, _count);
        _count = 0;
        if (items.Length == 1)
        {
            return items[0].Diff == TDiff.AdditiveIdentity ? default : items;
        }

        // Advancing times can reorder them (in a partial order) or make them equal; sort only when needed.
        bool sorted = true;
        for (int i = 1; i < items.Length && sorted; i++)
        {
            sorted = items[i - 1].Time.CompareTo(items[i].Time) <= 0;
        }

        int length = sorted
            ? Consolidation.ConsolidateSorted<(TTime Time, TDiff Diff), TDiff, TimeDiffShape<TTime, TDiff>>(items)
            : Consolidation.ConsolidateTimes(items);
        return items[..length];
    }
}
