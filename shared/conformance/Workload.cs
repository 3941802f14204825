using System.Globalization;

namespace Traces.Conformance;

/// <summary>
/// How a seeded workload draws keys, values and times: small integer indexes mapped to the types under test, so
/// that collisions (the interesting cases: same key, same value, same time) are frequent.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <param name="Key">Maps an index to a key; distinct indexes give distinct keys.</param>
/// <param name="Val">Maps an index to a value.</param>
/// <param name="Time">Draws a time; fewer or smaller choices give smaller times.</param>
public sealed record Domain<TKey, TVal, TTime>(Func<int, TKey> Key, Func<int, TVal> Val, Func<Choices, TTime> Time)
    where TTime : ILattice<TTime>;

/// <summary>Ready-made key, value and time mappings for workloads.</summary>
public static class Domains
{
    /// <summary>Keys spread over <see cref="long"/> (negative ones included).</summary>
    /// <param name="index">The index.</param>
    public static long Int64Key(int index) => (index * 7919L) - 40_000;

    /// <summary>String keys whose ordinal order differs from their index order: <c>"k"</c> and the index's digits reversed.</summary>
    /// <param name="index">The index, not negative.</param>
    public static string StringKey(int index)
    {
        char[] digits = index.ToString(CultureInfo.InvariantCulture).ToCharArray();
        Array.Reverse(digits);
        return "k" + new string(digits);
    }

    /// <summary>Keys that collide in their hash codes and sort against their index (see <see cref="CollidingKey"/>).</summary>
    /// <param name="index">The index.</param>
    public static CollidingKey CollidingKey(int index) => new(index);

    /// <summary>Values as <see cref="long"/>.</summary>
    /// <param name="index">The index.</param>
    public static long Int64Val(int index) => index * 3L;

    /// <summary>Totally ordered times in <c>[0, max]</c>.</summary>
    /// <param name="max">The largest time drawn.</param>
    public static Func<Choices, Timestamp> Timestamps(int max) => choices => new Timestamp((ulong)choices.Next(max + 1));

    /// <summary>Partially ordered times with both components in <c>[0, max]</c>.</summary>
    /// <param name="max">The largest component drawn.</param>
    public static Func<Choices, Product<Timestamp, Timestamp>> Products(int max) =>
        choices => new(new Timestamp((ulong)choices.Next(max + 1)), new Timestamp((ulong)choices.Next(max + 1)));
}

/// <summary>
/// A key type on which hashing and ordering disagree, as they may for a reader's own key types: only four hash codes
/// for all keys, and an order (descending) that is neither the hash order nor the order of <see cref="Value"/>.
/// </summary>
/// <remarks>
/// Equality is <see cref="Value"/>'s, consistent with <see cref="CompareTo"/>. A trace that takes equal hash codes
/// for equal keys, or that assumes ascending values, goes wrong on it.
/// </remarks>
/// <param name="Value">The key's identity.</param>
public readonly record struct CollidingKey(int Value) : IComparable<CollidingKey>
{
    /// <inheritdoc />
    public int CompareTo(CollidingKey other) => other.Value.CompareTo(Value);

    /// <inheritdoc />
    public bool Equals(CollidingKey other) => Value == other.Value;

    /// <inheritdoc />
    public override int GetHashCode() => Value & 3;

    /// <inheritdoc />
    public override string ToString() => "#" + Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Sizes of a seeded workload.</summary>
/// <param name="Keys">Number of distinct keys drawn from.</param>
/// <param name="Vals">Number of distinct values per key drawn from.</param>
/// <param name="MaxBatch">Largest batch size.</param>
/// <param name="Steps">Most operations in a random run (a run also ends when its choices run out).</param>
/// <param name="CancelChance">Chance that an update is followed, in the same or a later batch, by its retraction.</param>
/// <param name="MaxFrontier">Most elements in a drawn frontier.</param>
public sealed record WorkloadShape(
    int Keys = 12, int Vals = 4, int MaxBatch = 24, int Steps = 40, double CancelChance = 0.3, int MaxFrontier = 3)
{
    /// <summary>The shape used by the suite's ordinary random runs.</summary>
    public static WorkloadShape Default { get; } = new();

    /// <summary>Thousands of keys and batches in the hundreds, over a few steps.</summary>
    public static WorkloadShape Wide { get; } = new(Keys: 4_000, Vals: 5, MaxBatch: 1_000, Steps: 10);

    /// <summary>Gets the most choices a run of this shape reads: enough for <see cref="Steps"/> full batches.</summary>
    public int MaxChoices => Steps * ((MaxBatch * 6) + 8);
}

/// <summary>Draws random batches of updates and frontiers from <see cref="Choices"/>: the same choices always give the same batches.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
public sealed class WorkloadGenerator<TKey, TVal, TTime>
    where TTime : ILattice<TTime>
{
    private readonly Domain<TKey, TVal, TTime> _domain;
    private readonly WorkloadShape _shape;

    // Retractions owed by earlier batches: each is the exact opposite of an update already drawn.
    private readonly List<Update<TKey, TVal, TTime, long>> _retractionsDue = [];

    /// <summary>Initializes a generator.</summary>
    /// <param name="domain">How keys, values and times are drawn.</param>
    /// <param name="shape">The workload's sizes.</param>
    /// <param name="choices">Where every decision comes from.</param>
    public WorkloadGenerator(Domain<TKey, TVal, TTime> domain, WorkloadShape shape, Choices choices)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(choices);
        _domain = domain;
        _shape = shape;
        Choices = choices;
    }

    /// <summary>Gets the choices, for callers drawing further decisions from the same run.</summary>
    public Choices Choices { get; }

    /// <summary>Draws a key.</summary>
    public TKey NextKey() => _domain.Key(Choices.Next(_shape.Keys));

    /// <summary>Draws a time.</summary>
    public TTime NextTime() => _domain.Time(Choices);

    /// <summary>
    /// Draws a batch into <paramref name="batch"/> (cleared first): random updates with diffs in <c>[-2, 3]</c> (zero
    /// included), some of them retracted later in the same batch or in a later one, so that collections shrink as well
    /// as grow.
    /// </summary>
    /// <param name="batch">The list to fill; callers reuse one, as real callers reuse their buffers.</param>
    public void NextBatch(List<Update<TKey, TVal, TTime, long>> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Clear();
        int size = Choices.Next(_shape.MaxBatch + 1);

        // Retractions owed by earlier batches arrive first, at a time of their own choosing.
        int owed = Choices.Next(_retractionsDue.Count + 1);
        for (int i = 0; i < owed; i++)
        {
            batch.Add(_retractionsDue[^1]);
            _retractionsDue.RemoveAt(_retractionsDue.Count - 1);
        }

        for (int i = 0; i < size; i++)
        {
            // Diffs are drawn as 0, 1, -1, 2, -2, 3, so that a shrunk run keeps its diffs small.
            int magnitude = Choices.Next(6);
            long diff = (magnitude & 1) == 1 ? (magnitude + 1) / 2 : -(magnitude / 2);
            var update = new Update<TKey, TVal, TTime, long>(
                _domain.Key(Choices.Next(_shape.Keys)), _domain.Val(Choices.Next(_shape.Vals)), NextTime(), diff);
            batch.Add(update);
            if (Choices.Chance(_shape.CancelChance))
            {
                // The same record and time with the opposite diff: cancels exactly once both are in.
                var retraction = update with { Diff = -update.Diff };
                if (Choices.Next(2) == 0)
                {
                    batch.Insert(Choices.Next(batch.Count + 1), retraction);
                }
                else
                {
                    _retractionsDue.Add(retraction);
                }
            }
        }
    }

    /// <summary>
    /// Draws a frontier greater than or equal to <paramref name="current"/>: one to <see cref="WorkloadShape.MaxFrontier"/>
    /// elements, each the join of an element of <paramref name="current"/> with a random time.
    /// </summary>
    /// <param name="current">The frontier in force; must not be empty.</param>
    public Antichain<TTime> NextFrontier(Antichain<TTime> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var frontier = new AntichainBuilder<TTime>();
        int elements = 1 + Choices.Next(_shape.MaxFrontier);
        for (int i = 0; i < elements; i++)
        {
            TTime basis = current.Elements[Choices.Next(current.Count)];
            frontier.Insert(basis.Join(NextTime()));
        }

        return frontier.ToAntichain();
    }

    /// <summary>
    /// Draws a frontier that goes backwards from <paramref name="current"/>, or <see langword="null"/> if none was
    /// found: a valid next frontier with one element swapped for a time no element of <paramref name="current"/> is
    /// less than or equal to, so that the regression may hide among incomparable elements.
    /// </summary>
    /// <param name="current">The frontier in force.</param>
    public Antichain<TTime>? NextRegressingFrontier(Antichain<TTime> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.IsEmpty)
        {
            return null;
        }

        for (int attempt = 0; attempt < 4; attempt++)
        {
            // Meeting an element of the frontier with a random time gives a time at or below it, often beside it.
            TTime below = current.Elements[Choices.Next(current.Count)].Meet(NextTime());
            if (current.LessEqual(below))
            {
                continue;
            }

            var frontier = new AntichainBuilder<TTime>();
            int elements = Choices.Next(_shape.MaxFrontier);
            int at = Choices.Next(elements + 1);
            for (int i = 0; i <= elements; i++)
            {
                frontier.Insert(i == at ? below : current.Elements[Choices.Next(current.Count)].Join(NextTime()));
            }

            return frontier.ToAntichain();
        }

        return null;
    }
}
