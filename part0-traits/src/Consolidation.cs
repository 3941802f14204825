using System.Numerics;
using System.Runtime.InteropServices;

namespace Traces;

/// <summary>
/// Describes how to consolidate elements of type <typeparamref name="T"/>: their sort order, which elements
/// describe the same thing, and where their diff lives.
/// </summary>
/// <typeparam name="T">The element type, e.g. an <see cref="Update{TKey, TVal, TTime, TDiff}"/> or a <c>(time, diff)</c> pair.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
public interface IConsolidationShape<T, TDiff> : IComparer<T>
{
    /// <summary>Returns whether <paramref name="x"/> and <paramref name="y"/> differ only in their diffs.</summary>
    /// <param name="x">The first element.</param>
    /// <param name="y">The second element.</param>
    static abstract bool SameExceptDiff(in T x, in T y);

    /// <summary>Returns the diff of <paramref name="item"/>.</summary>
    /// <param name="item">The element.</param>
    static abstract TDiff DiffOf(in T item);

    /// <summary>Returns <paramref name="item"/> with its diff replaced by <paramref name="diff"/>.</summary>
    /// <param name="item">The element.</param>
    /// <param name="diff">The new diff.</param>
    static abstract T WithDiff(in T item, TDiff diff);
}

/// <summary>
/// Consolidation: sort, add the diffs of entries that differ only in their diff, and drop the zeros.
/// </summary>
/// <remarks>
/// All helpers work in place and return the consolidated length; the list overloads trim the list to it.
/// The sort takes the shape as a struct type argument and compares through one delegate cached per shape, so a
/// consolidation allocates nothing.
/// </remarks>
public static class Consolidation
{
    /// <summary>Consolidates updates by <c>(key, val, time)</c>; returns the length of the consolidated prefix.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="updates">The updates; on return the prefix is sorted and consolidated.</param>
    public static int Consolidate<TKey, TVal, TTime, TDiff>(Span<Update<TKey, TVal, TTime, TDiff>> updates)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : IComparable<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool> =>
        Consolidate<Update<TKey, TVal, TTime, TDiff>, TDiff, UpdateShape<TKey, TVal, TTime, TDiff>>(updates);

    /// <summary>Consolidates a list of updates by <c>(key, val, time)</c>, trimming it to the result.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="updates">The updates.</param>
    public static void Consolidate<TKey, TVal, TTime, TDiff>(List<Update<TKey, TVal, TTime, TDiff>> updates)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : IComparable<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        ArgumentNullException.ThrowIfNull(updates);
        int length = Consolidate(CollectionsMarshal.AsSpan(updates));
        updates.RemoveRange(length, updates.Count - length);
    }

    /// <summary>Consolidates <c>(time, diff)</c> pairs by time; returns the length of the consolidated prefix.</summary>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="history">The pairs; on return the prefix is sorted and consolidated.</param>
    public static int ConsolidateTimes<TTime, TDiff>(Span<(TTime Time, TDiff Diff)> history)
        where TTime : IComparable<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool> =>
        Consolidate<(TTime Time, TDiff Diff), TDiff, TimeDiffShape<TTime, TDiff>>(history);

    /// <summary>Consolidates a list of <c>(time, diff)</c> pairs by time, trimming it to the result.</summary>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="history">The pairs.</param>
    public static void ConsolidateTimes<TTime, TDiff>(List<(TTime Time, TDiff Diff)> history)
        where TTime : IComparable<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        ArgumentNullException.ThrowIfNull(history);
        int length = ConsolidateTimes(CollectionsMarshal.AsSpan(history));
        history.RemoveRange(length, history.Count - length);
    }

    /// <summary>
    /// Consolidates any elements described by <typeparamref name="TShape"/>; returns the length of the
    /// consolidated prefix.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <typeparam name="TShape">How to order, match and sum the elements.</typeparam>
    /// <param name="items">The elements; on return the prefix is sorted and consolidated.</param>
    public static int Consolidate<T, TDiff, TShape>(Span<T> items)
        where TShape : struct, IConsolidationShape<T, TDiff>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        // A cached delegate: Span.Sort(comparer) would box the struct and wrap it in a new delegate on every call.
        items.Sort(static (x, y) => default(TShape).Compare(x, y));
        return ConsolidateSorted<T, TDiff, TShape>(items);
    }

    /// <summary>
    /// Consolidates elements already sorted by <typeparamref name="TShape"/>; returns the length of the
    /// consolidated prefix.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <typeparam name="TShape">How to match and sum the elements.</typeparam>
    /// <param name="items">Sorted elements; on return the prefix is consolidated.</param>
    #region consolidate-sorted
    public static int ConsolidateSorted<T, TDiff, TShape>(Span<T> items)
        where TShape : struct, IConsolidationShape<T, TDiff>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
            IEqualityOperators<TDiff, TDiff, bool>
    {
        int written = 0;
        int i = 0;
        while (i < items.Length)
        {
            // Sum the run of elements equal to items[i] but for their diffs; keep
            // it if the sum is not zero.
            TDiff sum = TShape.DiffOf(in items[i]);
            int j = i + 1;
            while (j < items.Length && TShape.SameExceptDiff(in items[i], in items[j]))
            {
                sum += TShape.DiffOf(in items[j]);
                j++;
            }

            if (sum != TDiff.AdditiveIdentity)
            {
                items[written++] = TShape.WithDiff(in items[i], sum);
            }

            i = j;
        }

        return written;
    }
    #endregion

    /// <summary>
    /// Merges two sorted, consolidated runs of updates into <paramref name="destination"/>, adding the diffs of
    /// updates with equal <c>(key, val, time)</c> and dropping zeros: the merge of part 2's lists and of part 5's
    /// merge batcher.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="left">A run sorted by <c>(key, val, time)</c>, consolidated.</param>
    /// <param name="right">Another such run.</param>
    /// <param name="destination">Room for at least <c>left.Length + right.Length</c> updates.</param>
    /// <returns>The number of updates written, a consolidated run.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short; nothing is written.</exception>
    public static int MergeSorted<TKey, TVal, TTime, TDiff>(
        ReadOnlySpan<Update<TKey, TVal, TTime, TDiff>> left,
        ReadOnlySpan<Update<TKey, TVal, TTime, TDiff>> right,
        Span<Update<TKey, TVal, TTime, TDiff>> destination)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : IComparable<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        #region merge-sorted
        if (destination.Length < left.Length + right.Length)
        {
            throw new ArgumentException("The destination cannot hold both runs.", nameof(destination));
        }

        int i = 0, j = 0, written = 0;
        while (i < left.Length && j < right.Length)
        {
            int order = UpdateOrder<TKey, TVal, TTime, TDiff>.Compare(in left[i], in right[j]);
            if (order < 0)
            {
                destination[written++] = left[i++];
            }
            else if (order > 0)
            {
                destination[written++] = right[j++];
            }
            else
            {
                // The same (key, val, time) on both sides: one update with the summed diff,
                // or none if it cancels.
                TDiff sum = left[i].Diff + right[j].Diff;
                if (sum != TDiff.AdditiveIdentity)
                {
                    destination[written++] = left[i] with { Diff = sum };
                }

                i++;
                j++;
            }
        }

        // One side is exhausted; the rest of the other is already sorted and consolidated.
        left[i..].CopyTo(destination[written..]);
        written += left.Length - i;
        right[j..].CopyTo(destination[written..]);
        return written + right.Length - j;
        #endregion
    }

    /// <summary>Returns whether <paramref name="diff"/> is zero.</summary>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="diff">The diff.</param>
    public static bool IsZero<TDiff>(TDiff diff)
        where TDiff : IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool> =>
        diff == TDiff.AdditiveIdentity;
}

/// <summary>The consolidation shape of updates: ordered by <c>(key, val, time)</c>.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
public readonly struct UpdateShape<TKey, TVal, TTime, TDiff> : IConsolidationShape<Update<TKey, TVal, TTime, TDiff>, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : IComparable<TTime>
{
    /// <inheritdoc />
    public int Compare(Update<TKey, TVal, TTime, TDiff> x, Update<TKey, TVal, TTime, TDiff> y) =>
        UpdateOrder<TKey, TVal, TTime, TDiff>.Compare(in x, in y);

    /// <inheritdoc />
    public static bool SameExceptDiff(in Update<TKey, TVal, TTime, TDiff> x, in Update<TKey, TVal, TTime, TDiff> y) =>
        UpdateOrder<TKey, TVal, TTime, TDiff>.SameRecordAndTime(in x, in y);

    /// <inheritdoc />
    public static TDiff DiffOf(in Update<TKey, TVal, TTime, TDiff> item) => item.Diff;

    /// <inheritdoc />
    public static Update<TKey, TVal, TTime, TDiff> WithDiff(in Update<TKey, TVal, TTime, TDiff> item, TDiff diff) => item with { Diff = diff };
}

/// <summary>The consolidation shape of <c>(time, diff)</c> pairs: ordered by time.</summary>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
public readonly struct TimeDiffShape<TTime, TDiff> : IConsolidationShape<(TTime Time, TDiff Diff), TDiff>
    where TTime : IComparable<TTime>
{
    /// <inheritdoc />
    public int Compare((TTime Time, TDiff Diff) x, (TTime Time, TDiff Diff) y) => x.Time.CompareTo(y.Time);

    /// <inheritdoc />
    public static bool SameExceptDiff(in (TTime Time, TDiff Diff) x, in (TTime Time, TDiff Diff) y) => x.Time.CompareTo(y.Time) == 0;

    /// <inheritdoc />
    public static TDiff DiffOf(in (TTime Time, TDiff Diff) item) => item.Diff;

    /// <inheritdoc />
    public static (TTime Time, TDiff Diff) WithDiff(in (TTime Time, TDiff Diff) item, TDiff diff) => (item.Time, diff);
}
