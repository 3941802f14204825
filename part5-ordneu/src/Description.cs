namespace Traces.OrdNeu;

/// <summary>
/// What a batch claims to hold: exactly the updates at times <c>t</c> with <c>Lower ≤ t</c> and not
/// <c>Upper ≤ t</c>, with times possibly advanced by <see cref="Since"/>.
/// </summary>
/// <typeparam name="TTime">The time type.</typeparam>
/// <remarks>
/// For every <c>s</c> with <c>Since ≤ s</c>, accumulating the batch's updates at <c>s</c> equals accumulating
/// the true updates of <c>[Lower, Upper)</c> at <c>s</c>. <see cref="Lower"/> is never empty; an empty
/// <see cref="Upper"/> means the batch is closed: no later update can follow it.
/// </remarks>
public sealed class Description<TTime>
    where TTime : ILattice<TTime>
{
    /// <summary>Initializes a description; the antichains are copied.</summary>
    /// <param name="lower">The lower frontier; must not be empty.</param>
    /// <param name="upper">The upper frontier.</param>
    /// <param name="since">The frontier the times have been advanced by.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="lower"/> is empty.</exception>
    public Description(Antichain<TTime> lower, Antichain<TTime> upper, Antichain<TTime> since)
    {
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        ArgumentNullException.ThrowIfNull(since);
        if (lower.IsEmpty)
        {
            throw new ArgumentException("A batch's lower frontier cannot be empty.", nameof(lower));
        }

        Lower = lower.Clone();
        Upper = upper.Clone();
        Since = since.Clone();
    }

    /// <summary>Gets the lower frontier: every update is at a time beyond it.</summary>
    public Antichain<TTime> Lower { get; }

    /// <summary>Gets the upper frontier: no update is at a time beyond it.</summary>
    public Antichain<TTime> Upper { get; }

    /// <summary>Gets the frontier by which the batch's times may have been advanced.</summary>
    public Antichain<TTime> Since { get; }

    /// <inheritdoc />
    public override string ToString() => $"[{Lower}, {Upper}) since {Since}";
}
