namespace Traces.Sorted;

/// <summary>
/// A position in a sorted list of updates, sought by <see cref="SortedMerge.Gallop"/>: it says whether an update
/// lies before the position.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// Over a list sorted by <c>(key, val, time)</c>, the updates before a position must come first: once
/// <see cref="IsBefore"/> is false for an update, it is false for every later one. Implementations are structs passed
/// as type arguments, so that a search calls them directly, with no interface dispatch.
/// </remarks>
public interface IUpdateBound<TKey, TVal, TTime, TDiff>
{
    /// <summary>Returns whether <paramref name="update"/> lies before the position sought.</summary>
    /// <param name="update">An update of the list.</param>
    bool IsBefore(in Update<TKey, TVal, TTime, TDiff> update);
}

#region bounds
/// <summary>Before the first update whose key is not less than the key: its lower bound.</summary>
internal readonly struct KeyBelow<TKey, TVal, TTime, TDiff>(TKey key)
    : IUpdateBound<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
{
    public bool IsBefore(in Update<TKey, TVal, TTime, TDiff> update) =>
        Ordering.Compare(update.Key, key) < 0;
}

/// <summary>Before the first update whose key is greater than the key: where its run ends.</summary>
internal readonly struct KeyAtMost<TKey, TVal, TTime, TDiff>(TKey key)
    : IUpdateBound<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
{
    public bool IsBefore(in Update<TKey, TVal, TTime, TDiff> update) =>
        Ordering.Compare(update.Key, key) <= 0;
}

/// <summary>In one key's run: before the first update whose value is not below the value.</summary>
internal readonly struct ValBelow<TKey, TVal, TTime, TDiff>(TVal val)
    : IUpdateBound<TKey, TVal, TTime, TDiff>
    where TVal : IComparable<TVal>
{
    public bool IsBefore(in Update<TKey, TVal, TTime, TDiff> update) =>
        Ordering.Compare(update.Val, val) < 0;
}
#endregion
