namespace Traces.OrdNeu;

/// <summary>The checks and the description arithmetic every merger shares.</summary>
internal static class Merging
{
    /// <summary>Throws unless <paramref name="newer"/> starts where <paramref name="older"/> ends.</summary>
    public static void CheckAdjacent<TTime>(Description<TTime> older, Description<TTime> newer)
        where TTime : ILattice<TTime>
    {
        if (!older.Upper.SetEquals(newer.Lower))
        {
            throw new ArgumentException(
                $"Only adjacent batches merge: the older batch ends at {older.Upper} but the newer one starts at {newer.Lower}.", nameof(newer));
        }
    }

    #region describe
    /// <summary>
    /// The description of the merge of two adjacent batches compacted by <paramref name="frontier"/>.
    /// </summary>
    public static Description<TTime> Describe<TTime>(
        Description<TTime> older, Description<TTime> newer, Antichain<TTime> frontier)
        where TTime : ILattice<TTime>
    {
        // Times may be advanced by everything either input was advanced by, and by the new frontier.
        var since = Antichain<TTime>.Join(Antichain<TTime>.Join(older.Since, newer.Since), frontier);
        return new Description<TTime>(older.Lower, newer.Upper, since);
    }
    #endregion

    /// <summary>
    /// Returns the frontiers to advance each input's times by, and those of values present in both: empty where
    /// advancing changes nothing, so the merge can copy.
    /// </summary>
    /// <remarks>
    /// Every time in a batch has already been advanced by the batch's own <c>Since</c> (a built batch's is the
    /// minimum, which moves nothing), and advancing twice by the same frontier is advancing once; so when
    /// <paramref name="since"/> is the input's own, nothing in it moves. A batch's <c>Lower</c> cannot decide
    /// this: it bounds when the updates were sealed, not their times (a trace seals late updates, at times
    /// before <c>Lower</c>, into a later batch; see <see cref="Description{TTime}"/>).
    /// </remarks>
    public static (TTime[] Older, TTime[] Newer, TTime[] Both) SinceFor<TTime>(Antichain<TTime> since, Description<TTime> older, Description<TTime> newer)
        where TTime : ILattice<TTime>
    {
        TTime[] elements = since.Elements.ToArray();
        TTime[] olderSince = since.SetEquals(older.Since) ? [] : elements;
        TTime[] newerSince = since.SetEquals(newer.Since) ? [] : elements;
        return (olderSince, newerSince, olderSince.Length == 0 && newerSince.Length == 0 ? [] : elements);
    }

    /// <summary>Throws unless <c>Work</c> was handed the batches the merge began with.</summary>
    public static void CheckInputs<TBatch>(TBatch older, TBatch newer, TBatch olderGiven, TBatch newerGiven)
        where TBatch : class
    {
        if (!ReferenceEquals(older, olderGiven) || !ReferenceEquals(newer, newerGiven))
        {
            throw new ArgumentException("Work must be given the same two batches the merge began with, in the same order.");
        }
    }
}
