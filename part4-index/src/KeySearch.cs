namespace Traces.Index;

/// <summary>Forward-only searches in a sorted key layer.</summary>
public static class KeySearch
{
    /// <summary>The number of entries examined one by one before the search starts taking exponential steps.</summary>
    public const int LinearLimit = 8;

    /// <summary>
    /// Returns how many leading entries of <paramref name="keys"/> have a key less than <paramref name="target"/>,
    /// galloping: a linear scan over the first <see cref="LinearLimit"/> entries, then exponentially growing steps,
    /// then a binary descent over the last step.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="keys">A key layer sorted ascending (the part of it not yet passed).</param>
    /// <param name="target">The key to seek.</param>
    /// <remarks>
    /// The cost is logarithmic in the distance moved, not in the length of the layer: a finger that moves a short
    /// way through a long layer pays a few comparisons, which is what a sorted batch of look-ups needs.
    /// </remarks>
    public static int Gallop<TKey>(ReadOnlySpan<(TKey Key, int End)> keys, TKey target)
        where TKey : IComparable<TKey>
    {
        #region gallop
        int limit = Math.Min(keys.Length, LinearLimit);
        for (int i = 0; i < limit; i++)
        {
            if (Ordering.Compare(keys[i].Key, target) >= 0)
            {
                return i;
            }
        }

        if (limit == keys.Length)
        {
            return limit;
        }

        // keys[low] is below the target; double the step until it would overshoot, then halve it back down.
        int low = limit - 1;
        int step = 1;
        while (low + step < keys.Length && Ordering.Compare(keys[low + step].Key, target) < 0)
        {
            low += step;
            step <<= 1;
        }

        for (step >>= 1; step > 0; step >>= 1)
        {
            if (low + step < keys.Length && Ordering.Compare(keys[low + step].Key, target) < 0)
            {
                low += step;
            }
        }

        return low + 1;
        #endregion
    }
}
