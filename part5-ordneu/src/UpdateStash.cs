using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>
/// A reusable buffer of <c>(time, diff)</c> pairs for one owner whose times a merge advances: advancing can
/// reorder times, so they are sorted here before they are written and sealed.
/// </summary>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
internal sealed class UpdateStash<TTime, TDiff>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    // One owner's advanced pairs in [0, _count), unsorted; MoveSortedTo empties it, keeping the array.
    private (TTime Time, TDiff Diff)[] _items = new (TTime, TDiff)[16];
    private int _count;

    #region stash
    /// <summary>
    /// Adds the updates of <paramref name="owner"/> in <paramref name="source"/>, each time advanced
    /// by <paramref name="since"/>.
    /// </summary>
    public void AddAdvanced(in UpdateView<TTime, TDiff> source, int owner, ReadOnlySpan<TTime> since)
    {
        var (lower, upper) = source.Range(owner);
        ReadOnlySpan<TTime> times = source.Times[lower..upper];
        ReadOnlySpan<TDiff> diffs = source.Diffs[lower..upper];
        if (_count + times.Length > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(2 * _items.Length, _count + times.Length));
        }

        for (int i = 0; i < times.Length; i++)
        {
            _items[_count++] = (times[i].AdvanceByElements(since), diffs[i]);
        }
    }
    #endregion

    /// <summary>
    /// Sorts the stash by time, writes it to <paramref name="layer"/> and seals it as one owner; the stash is then
    /// empty. Returns <see langword="false"/>, having written nothing, when the updates cancel.
    /// </summary>
    public bool MoveSortedTo(UpdateLayer<TTime, TDiff> layer)
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

        int start = layer.StoredCount;
        foreach (var (time, diff) in items)
        {
            layer.Append(time, diff);
        }

        return layer.Seal(start);
    }
}
