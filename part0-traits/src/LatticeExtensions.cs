namespace Traces;

/// <summary>Compaction of times against a frontier.</summary>
public static class LatticeExtensions
{
    /// <summary>
    /// Advances <paramref name="time"/> by <paramref name="frontier"/>: the time itself for an empty frontier,
    /// <c>time ⊔ f</c> for <c>{ f }</c>, and the meet over <c>f</c> of <c>time ⊔ f</c> otherwise.
    /// </summary>
    /// <typeparam name="T">The time type.</typeparam>
    /// <param name="time">The time to advance.</param>
    /// <param name="frontier">The frontier readers have promised to stay beyond.</param>
    /// <remarks>
    /// For every <c>s</c> beyond <paramref name="frontier"/>, the result is <c>≤ s</c> exactly when
    /// <paramref name="time"/> is, so rewriting times this way changes no accumulation a reader may still ask for,
    /// while equal results let updates that were distinct be consolidated.
    /// </remarks>
    public static T AdvanceBy<T>(this T time, Antichain<T> frontier)
        where T : ILattice<T>
    {
        ArgumentNullException.ThrowIfNull(frontier);
        return time.AdvanceByElements(frontier.Elements);
    }

    /// <summary>
    /// Advances <paramref name="time"/> by the frontier whose elements are <paramref name="frontier"/>; for hot
    /// loops that hold an antichain's <see cref="Antichain{T}.Elements"/>.
    /// </summary>
    /// <typeparam name="T">The time type.</typeparam>
    /// <param name="time">The time to advance.</param>
    /// <param name="frontier">The elements of an antichain.</param>
    #region advance-by
    public static T AdvanceByElements<T>(this T time, ReadOnlySpan<T> frontier)
        where T : ILattice<T>
    {
        if (frontier.IsEmpty)
        {
            return time;
        }

        T result = time.Join(frontier[0]);
        for (int i = 1; i < frontier.Length; i++)
        {
            result = result.Meet(time.Join(frontier[i]));
        }

        return result;
    }
    #endregion
}
