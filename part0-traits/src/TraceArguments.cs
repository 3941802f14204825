namespace Traces;

/// <summary>
/// The argument checks every trace shares, so that bad input gets the same clear exception everywhere and is
/// rejected before anything changes.
/// </summary>
public static class TraceArguments
{
    /// <summary>
    /// Copies <paramref name="updates"/> into an array, rejecting a <see langword="null"/> batch or an update with a
    /// <see langword="null"/> key, value or time. Nothing is kept when an exception is thrown.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="updates">The batch.</param>
    /// <exception cref="ArgumentNullException"><paramref name="updates"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An update has a <see langword="null"/> key, value or time.</exception>
    #region checked-array
    public static Update<TKey, TVal, TTime, TDiff>[] ToCheckedArray<TKey, TVal, TTime, TDiff>(
        IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        Update<TKey, TVal, TTime, TDiff>[] batch = [.. updates];
        for (int i = 0; i < batch.Length; i++)
        {
            ref readonly var update = ref batch[i];
            if (update.Key is null || update.Val is null || update.Time is null)
            {
                string field = update.Key is null ? "key" : update.Val is null ? "value" : "time";
                throw new ArgumentException(
                    $"Update {i} of the batch has a null {field}; nothing was added.", nameof(updates));
            }
        }

        return batch;
    }
    #endregion

    /// <summary>
    /// Checks that <paramref name="frontier"/> may replace <paramref name="current"/>: it is not
    /// <see langword="null"/> and does not go backwards.
    /// </summary>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <param name="current">The frontier in force.</param>
    /// <param name="frontier">The proposed frontier.</param>
    /// <param name="paramName">The name of the caller's parameter.</param>
    /// <exception cref="ArgumentNullException"><paramref name="frontier"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="frontier"/> is not beyond <paramref name="current"/>.</exception>
    public static void CheckFrontierAdvance<TTime>(Antichain<TTime> current, Antichain<TTime> frontier, string paramName = "frontier")
        where TTime : ILattice<TTime>
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(frontier, paramName);
        if (!current.LessEqual(frontier))
        {
            throw new ArgumentException(
                $"The frontier {frontier} goes backwards from {current}: compaction frontiers only advance.", paramName);
        }
    }
}
