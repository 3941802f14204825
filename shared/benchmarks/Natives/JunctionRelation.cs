using Traces.Junctions;

namespace Traces.Benchmarks;

/// <summary>The junction add-on in the junction workload: a <see cref="ManyToMany{TLeft, TRight}"/> on a given backing.</summary>
/// <remarks>
/// The workload relates every left to several rights and every right to several lefts, so the junction is the
/// many-to-many one: a one-to-many junction would evict a right's earlier left on each new pair. Look-ups and
/// iteration walk the junction's passages, visiting each related id.
/// </remarks>
/// <param name="backing">Where the junction keeps its two indexes: <see cref="Backings.InMemory"/> or <see cref="Backings.Trace"/>.</param>
public sealed class JunctionRelation(IPairStoreFactory backing) : IRelationSubject
{
    private readonly ManyToMany<int, int> _junction = new(backing);

    /// <inheritdoc />
    public long Count => _junction.Count;

    /// <inheritdoc />
    public void Insert(int left, int right) => _junction.Fwd.Insert(left, right);

    /// <inheritdoc />
    public long CountRights(int left) => Drain(_junction.Fwd.Get(left).Iterate());

    /// <inheritdoc />
    public long CountLefts(int right) => Drain(_junction.Bwd.Get(right).Iterate());

    /// <inheritdoc />
    public long Iterate() => Drain(_junction.Iterate());

    private static long Drain<T>(Passage<T> passage)
    {
        long count = 0;
        while (passage.TryNext(out _))
        {
            count++;
        }

        return count;
    }
}
