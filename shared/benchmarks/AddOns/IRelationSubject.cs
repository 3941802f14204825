namespace Traces.Benchmarks;

/// <summary>
/// A relation between two sets of ids, indexed both ways: what the junction workload measures. A junction of the
/// add-on is adapted to it in a few lines; <see cref="HandKeptRelation"/> is the baseline.
/// </summary>
public interface IRelationSubject
{
    /// <summary>Gets the number of pairs.</summary>
    long Count { get; }

    /// <summary>Relates <paramref name="left"/> to <paramref name="right"/>.</summary>
    /// <param name="left">The left id.</param>
    /// <param name="right">The right id.</param>
    void Insert(int left, int right);

    /// <summary>Returns the number of rights related to <paramref name="left"/>, visiting each.</summary>
    /// <param name="left">The left id.</param>
    long CountRights(int left);

    /// <summary>Returns the number of lefts related to <paramref name="right"/>, visiting each.</summary>
    /// <param name="right">The right id.</param>
    long CountLefts(int right);

    /// <summary>Visits every pair from the left side; returns how many.</summary>
    long Iterate();
}

/// <summary>
/// The baseline relation: two <c>Dictionary&lt;int, SortedSet&lt;int&gt;&gt;</c> indexes, forward and backward, kept in
/// step by hand.
/// </summary>
public sealed class HandKeptRelation : IRelationSubject
{
    /// <summary>The baseline's name in the tables.</summary>
    public const string Name = "dictionary-sortedset-pair";

    private readonly Dictionary<int, SortedSet<int>> _forward = [];
    private readonly Dictionary<int, SortedSet<int>> _backward = [];

    /// <inheritdoc />
    public long Count { get; private set; }

    /// <inheritdoc />
    public void Insert(int left, int right)
    {
        if (Side(_forward, left).Add(right))
        {
            Side(_backward, right).Add(left);
            Count++;
        }
    }

    /// <inheritdoc />
    public long CountRights(int left) => Visit(_forward, left);

    /// <inheritdoc />
    public long CountLefts(int right) => Visit(_backward, right);

    /// <inheritdoc />
    public long Iterate()
    {
        long count = 0;
        foreach (var (_, rights) in _forward)
        {
            foreach (int _ in rights)
            {
                count++;
            }
        }

        return count;
    }

    private static SortedSet<int> Side(Dictionary<int, SortedSet<int>> index, int id)
    {
        if (!index.TryGetValue(id, out var set))
        {
            set = [];
            index.Add(id, set);
        }

        return set;
    }

    private static long Visit(Dictionary<int, SortedSet<int>> index, int id)
    {
        long count = 0;
        if (index.TryGetValue(id, out var set))
        {
            foreach (int _ in set)
            {
                count++;
            }
        }

        return count;
    }
}
