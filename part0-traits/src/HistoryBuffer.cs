using System.Numerics;

namespace Traces;

/// <summary>
/// A reusable buffer into which a cursor gathers one value's <c>(time, diff)</c> pairs from several stored runs,
/// advances them by a frontier and consolidates them.
/// </summary>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// The array only grows (doubling), so a cursor that reads every value of a trace allocates only until it meets the
/// longest history; after that, gathering and consolidating a history allocates nothing. Consolidating sorts only
/// pairs that are out of time order (pairs gathered from time-ordered runs, oldest run first, usually are not), and
/// sorts short histories by insertion: sorting a span through a comparer allocates, the runtime boxing the comparer.
/// </remarks>
public sealed class HistoryBuffer<TTime, TDiff>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    // _pairs[.._count] holds what was added since the last Clear (consolidated after Consolidate).
    private (TTime Time, TDiff Diff)[] _pairs = new (TTime, TDiff)[8];
    private int _count;

    /// <summary>Gets the pairs held.</summary>
    public ReadOnlySpan<(TTime Time, TDiff Diff)> Pairs => new(_pairs, 0, _count);

    /// <summary>Gets the number of pairs held.</summary>
    public int Count => _count;

    /// <summary>Empties the buffer, keeping its array.</summary>
    public void Clear() => _count = 0;

    /// <summary>Adds one pair.</summary>
    /// <param name="time">The time.</param>
    /// <param name="diff">The diff.</param>
    public void Add(TTime time, TDiff diff)
    {
        if (_count == _pairs.Length)
        {
            Array.Resize(ref _pairs, _pairs.Length * 2);
        }

        _pairs[_count++] = (time, diff);
    }

    /// <summary>Adds pairs.</summary>
    /// <param name="pairs">The pairs.</param>
    public void AddRange(ReadOnlySpan<(TTime Time, TDiff Diff)> pairs)
    {
        if (_count + pairs.Length > _pairs.Length)
        {
            Array.Resize(ref _pairs, Math.Max(_pairs.Length * 2, _count + pairs.Length));
        }

        pairs.CopyTo(_pairs.AsSpan(_count));
        _count += pairs.Length;
    }

    /// <summary>
    /// Advances every time by <paramref name="frontier"/>, then sorts by time, sums the diffs of equal times and
    /// drops zeros.
    /// </summary>
    /// <param name="frontier">The elements of the compaction frontier; empty to leave times as they are.</param>
    /// <returns>The consolidated pairs, also <see cref="Pairs"/> until the buffer changes.</returns>
    public ReadOnlySpan<(TTime Time, TDiff Diff)> Consolidate(ReadOnlySpan<TTime> frontier)
    {
        Span<(TTime Time, TDiff Diff)> pairs = _pairs.AsSpan(0, _count);
        if (!frontier.IsEmpty)
        {
            for (int i = 0; i < pairs.Length; i++)
            {
                pairs[i].Time = pairs[i].Time.AdvanceByElements(frontier);
            }
        }

        SortByTime(pairs);
        _count = Consolidation.ConsolidateSorted<(TTime Time, TDiff Diff), TDiff, TimeDiffShape<TTime, TDiff>>(pairs);
        return Pairs;
    }

    // Sorts by time without allocating for short or already sorted pairs.
    private static void SortByTime(Span<(TTime Time, TDiff Diff)> pairs)
    {
        int first = 1;
        while (first < pairs.Length && pairs[first - 1].Time.CompareTo(pairs[first].Time) <= 0)
        {
            first++;
        }

        if (first >= pairs.Length)
        {
            return;
        }

        if (pairs.Length > 32)
        {
            pairs.Sort(default(TimeDiffShape<TTime, TDiff>));
            return;
        }

        // Insertion sort from the first pair out of order.
        for (int i = first; i < pairs.Length; i++)
        {
            var pair = pairs[i];
            int j = i - 1;
            while (j >= 0 && pairs[j].Time.CompareTo(pair.Time) > 0)
            {
                pairs[j + 1] = pairs[j];
                j--;
            }

            pairs[j + 1] = pair;
        }
    }
}
