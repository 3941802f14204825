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

    /// <summary>
    /// Visits every pair from the left side, forward or in reverse, and after each step toggles one pair outside the
    /// loaded ids (adding it after one step, removing it after the next), so that every step reads a junction written
    /// since the step before; leaves the junction as it found it.
    /// </summary>
    /// <param name="reverse">Whether to walk from the last pair to the first.</param>
    /// <returns>The number of pairs visited, not counting the toggled one.</returns>
    public long IterateWhileWriting(bool reverse)
    {
        // The toggled pair's left lies beyond the end the walk heads for, so the walk meets it (if at all) last.
        int toggled = reverse ? int.MinValue : int.MaxValue;
        var passage = reverse ? _junction.Fwd.Reverse().Iterate() : _junction.Fwd.Iterate();
        bool added = false;
        long count = 0;
        while (passage.TryNext(out var pair))
        {
            count += pair.Key == toggled ? 0 : 1;
            if (added)
            {
                _junction.Fwd.Remove(toggled, 0);
            }
            else
            {
                _junction.Fwd.Insert(toggled, 0);
            }

            added = !added;
        }

        if (added)
        {
            _junction.Fwd.Remove(toggled, 0);
        }

        return count;
    }

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
