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
    /// <summary>The description of the merge of two adjacent batches compacted by <paramref name="frontier"/>.</summary>
    public static Description<TTime> Describe<TTime>(Description<TTime> older, Description<TTime> newer, Antichain<TTime> frontier)
        where TTime : ILattice<TTime>
    {
        // Times may be advanced by everything either input was advanced by, and by the new frontier.
        var since = Antichain<TTime>.Join(Antichain<TTime>.Join(older.Since, newer.Since), frontier);
        return new Description<TTime>(older.Lower, newer.Upper, since);
    }
    #endregion

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
