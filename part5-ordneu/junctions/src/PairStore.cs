namespace Traces.Junctions;

/// <summary>
/// An ordered set of distinct <c>(key, value)</c> pairs navigated by seeks: one side of a relation. Junctions,
/// maps and sets are written once against this class; a backing supplies the storage.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <remarks>
/// A backing implements five primitives: membership, adding and removing one pair (reporting whether the key
/// appeared or vanished), and the two seeks (the first pair after a probe, the last pair before it). This class
/// keeps the pair and key counts and a version from them. Every read the junctions make, including each step of
/// every iterator, is one of these seeks, which is why writes during iteration need no special care.
/// </remarks>
public abstract class PairStore<TKey, TVal>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
{
    /// <summary>Gets the number of pairs.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the number of distinct keys.</summary>
    public int KeyCount { get; private set; }

    /// <summary>Gets a number that changes whenever a pair is added or removed.</summary>
    public long Version { get; private set; }

    /// <summary>Adds <c>(key, value)</c>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> if the pair was added; <see langword="false"/> if it was present.</returns>
    public bool Add(TKey key, TVal value)
    {
        if (!AddCore(key, value, out bool newKey))
        {
            return false;
        }

        Count++;
        KeyCount += newKey ? 1 : 0;
        Version++;
        return true;
    }

    /// <summary>Removes <c>(key, value)</c>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> if the pair was removed; <see langword="false"/> if it was absent.</returns>
    public bool Remove(TKey key, TVal value)
    {
        if (!RemoveCore(key, value, out bool keyGone))
        {
            return false;
        }

        Count--;
        KeyCount -= keyGone ? 1 : 0;
        Version++;
        return true;
    }

    #region primitives
    /// <summary>Returns whether <c>(key, value)</c> is present.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public abstract bool Contains(TKey key, TVal value);

    /// <summary>Finds the first pair strictly after <paramref name="probe"/>.</summary>
    /// <param name="probe">Where to seek from.</param>
    /// <param name="key">The pair's key, when found.</param>
    /// <param name="value">The pair's value, when found.</param>
    /// <returns>Whether there is such a pair.</returns>
    public abstract bool TrySeekAfter(in Probe<TKey, TVal> probe, out TKey key, out TVal value);

    /// <summary>Finds the last pair strictly before <paramref name="probe"/>.</summary>
    /// <param name="probe">Where to seek from.</param>
    /// <param name="key">The pair's key, when found.</param>
    /// <param name="value">The pair's value, when found.</param>
    /// <returns>Whether there is such a pair.</returns>
    public abstract bool TrySeekBefore(in Probe<TKey, TVal> probe, out TKey key, out TVal value);
    #endregion

    /// <summary>Finds the first pair of the store.</summary>
    /// <param name="key">The pair's key, when found.</param>
    /// <param name="value">The pair's value, when found.</param>
    public abstract bool TryFirst(out TKey key, out TVal value);

    /// <summary>Finds the last pair of the store.</summary>
    /// <param name="key">The pair's key, when found.</param>
    /// <param name="value">The pair's value, when found.</param>
    public abstract bool TryLast(out TKey key, out TVal value);

    /// <summary>Finds the smallest value paired with <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, when found.</param>
    public bool TryFirstValue(TKey key, out TVal value) =>
        TrySeekAfter(Probe<TKey, TVal>.BeforeKey(key), out TKey found, out value) && Ordering.Compare(found, key) == 0;

    /// <summary>Returns whether <paramref name="key"/> has any pair.</summary>
    /// <param name="key">The key.</param>
    public bool ContainsKey(TKey key) => TryFirstValue(key, out _);

    /// <summary>Counts the pairs of <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <remarks>The default walks the key's pairs seek by seek; backings override it with a cheaper walk.</remarks>
    public virtual int CountOf(TKey key)
    {
        int count = 0;
        var probe = Probe<TKey, TVal>.BeforeKey(key);
        while (TrySeekAfter(probe, out TKey found, out TVal value) && Ordering.Compare(found, key) == 0)
        {
            count++;
            probe = Probe<TKey, TVal>.At(found, value);
        }

        return count;
    }

    /// <summary>Adds a pair known to the caller to be valid.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="newKey">Set when <paramref name="key"/> had no pair before.</param>
    /// <returns>Whether the pair was added (it was absent).</returns>
    protected abstract bool AddCore(TKey key, TVal value, out bool newKey);

    /// <summary>Removes a pair.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="keyGone">Set when <paramref name="key"/> has no pair left.</param>
    /// <returns>Whether the pair was removed (it was present).</returns>
    protected abstract bool RemoveCore(TKey key, TVal value, out bool keyGone);
}
