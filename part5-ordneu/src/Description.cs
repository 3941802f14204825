namespace Traces.OrdNeu;

/// <summary>
/// What a batch claims to hold: the updates sealed between <see cref="Lower"/> and <see cref="Upper"/>, none at
/// a time <c>t</c> with <c>Upper ≤ t</c>, then advanced by <see cref="Since"/>.
/// </summary>
/// <typeparam name="TTime">The time type.</typeparam>
/// <remarks>
/// <para>
/// <see cref="Upper"/> bounds every time in the batch before advancing; <see cref="Lower"/> bounds none. A batch sealed from
/// <c>Lower</c> to <c>Upper</c> holds the updates that arrived before its seal and were not in an earlier batch:
/// usually times in <c>[Lower, Upper)</c>, but the trace contract lets an update arrive late, at a time before a
/// bound already sealed, and it is sealed, at its own time, into the next batch. (Differential dataflow's
/// inputs never do this, so its descriptions also bound times from below; nothing here relies on that.)
/// </para>
/// <para>
/// Every time has been advanced by <see cref="Since"/> (a built batch's is the minimum, which moves nothing):
/// for every <c>s</c> with <c>Since ≤ s</c>, accumulating the batch's updates at <c>s</c> equals accumulating the
/// true updates it stands for at <c>s</c>. <see cref="Lower"/> is never empty; an empty <see cref="Upper"/> means
/// the batch is closed: no later batch can follow it. Adjacent batches share a boundary (the older one's
/// <c>Upper</c> is the newer one's <c>Lower</c>), which is what lets them merge.
/// </para>
/// </remarks>
public sealed class Description<TTime>
    where TTime : ILattice<TTime>
{
    /// <summary>Initializes a description; the antichains are immutable, so it keeps the instances given.</summary>
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

        Lower = lower;
        Upper = upper;
        Since = since;
    }

    /// <summary>Gets the lower frontier: where the batch's sealing began (late updates may be at times before it).</summary>
    public Antichain<TTime> Lower { get; }

    /// <summary>Gets the upper frontier: no update was at a time beyond it before advancing by <see cref="Since"/>.</summary>
    public Antichain<TTime> Upper { get; }

    /// <summary>Gets the frontier by which every time in the batch has been advanced.</summary>
    public Antichain<TTime> Since { get; }

    /// <inheritdoc />
    public override string ToString() => $"[{Lower}, {Upper}) since {Since}";
}
