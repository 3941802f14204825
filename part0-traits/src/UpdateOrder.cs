using System.Runtime.CompilerServices;

namespace Traces;

/// <summary>
/// The sort order of updates: by key, then value, then time (each by its total order). A struct, so sorts that
/// take it as a type argument compare without interface dispatch.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
public readonly struct UpdateOrder<TKey, TVal, TTime, TDiff> : IComparer<Update<TKey, TVal, TTime, TDiff>>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : IComparable<TTime>
{
    /// <inheritdoc />
    public int Compare(Update<TKey, TVal, TTime, TDiff> x, Update<TKey, TVal, TTime, TDiff> y) => Compare(in x, in y);

    /// <summary>Compares two updates by key, value and time, without copying them.</summary>
    /// <param name="x">The first update.</param>
    /// <param name="y">The second update.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Compare(in Update<TKey, TVal, TTime, TDiff> x, in Update<TKey, TVal, TTime, TDiff> y)
    {
        int order = Ordering.Compare(x.Key, y.Key);
        if (order != 0)
        {
            return order;
        }

        order = Ordering.Compare(x.Val, y.Val);
        return order != 0 ? order : x.Time.CompareTo(y.Time);
    }

    /// <summary>Returns whether two updates are for the same <c>(key, val, time)</c>.</summary>
    /// <param name="x">The first update.</param>
    /// <param name="y">The second update.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SameRecordAndTime(in Update<TKey, TVal, TTime, TDiff> x, in Update<TKey, TVal, TTime, TDiff> y) =>
        Ordering.Compare(x.Key, y.Key) == 0 && Ordering.Compare(x.Val, y.Val) == 0 && x.Time.CompareTo(y.Time) == 0;
}
