using System.Globalization;

namespace Traces.Conformance;

/// <summary>
/// How a seeded workload draws keys, values and times: small integer indexes mapped to the types under test, so
/// that collisions (the interesting cases: same key, same value, same time) are frequent.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <param name="Key">Maps an index to a key.</param>
/// <param name="Val">Maps an index to a value.</param>
/// <param name="Time">Draws a random time.</param>
public sealed record Domain<TKey, TVal, TTime>(Func<int, TKey> Key, Func<int, TVal> Val, Func<Random, TTime> Time)
    where TTime : ILattice<TTime>;

/// <summary>Ready-made key, value and time mappings for workloads.</summary>
public static class Domains
{
    /// <summary>Keys spread over <see cref="long"/> (negative ones included).</summary>
    /// <param name="index">The index.</param>
    public static long Int64Key(int index) => (index * 7919L) - 40_000;

    /// <summary>String keys whose ordinal order differs from their index order.</summary>
    /// <param name="index">The index.</param>
    public static string StringKey(int index) => "k" + (index * 37 % 101).ToString(CultureInfo.InvariantCulture);

    /// <summary>Values as <see cref="long"/>.</summary>
    /// <param name="index">The index.</param>
    public static long Int64Val(int index) => index * 3L;

    /// <summary>Totally ordered times in <c>[0, max]</c>.</summary>
    /// <param name="max">The largest time drawn.</param>
    public static Func<Random, Timestamp> Timestamps(int max) => rng => new Timestamp((ulong)rng.Next(max + 1));

    /// <summary>Partially ordered times with both components in <c>[0, max]</c>.</summary>
    /// <param name="max">The largest component drawn.</param>
    public static Func<Random, Product<Timestamp, Timestamp>> Products(int max) =>
        rng => new(new Timestamp((ulong)rng.Next(max + 1)), new Timestamp((ulong)rng.Next(max + 1)));
}

/// <summary>Sizes of a seeded workload.</summary>
/// <param name="Keys">Number of distinct keys drawn from.</param>
/// <param name="Vals">Number of distinct values per key drawn from.</param>
/// <param name="MaxBatch">Largest batch size.</param>
/// <param name="Steps">Number of operations in a random run.</param>
/// <param name="CancelChance">Chance that an update is followed, in the same or a later batch, by its retraction.</param>
public sealed record WorkloadShape(int Keys = 12, int Vals = 4, int MaxBatch = 24, int Steps = 40, double CancelChance = 0.3)
{
    /// <summary>The shape used by the suite's ordinary random runs.</summary>
    public static WorkloadShape Default { get; } = new();
}

/// <summary>Draws random batches of updates from a seed; the same seed always gives the same batches.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
public sealed class WorkloadGenerator<TKey, TVal, TTime>
    where TTime : ILattice<TTime>
{
    private readonly Domain<TKey, TVal, TTime> _domain;
    private readonly WorkloadShape _shape;
    private readonly List<Update<TKey, TVal, TTime, long>> _retractionsDue = [];

    /// <summary>Initializes a generator.</summary>
    /// <param name="domain">How keys, values and times are drawn.</param>
    /// <param name="shape">The workload's sizes.</param>
    /// <param name="seed">The seed.</param>
    public WorkloadGenerator(Domain<TKey, TVal, TTime> domain, WorkloadShape shape, int seed)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(shape);
        _domain = domain;
        _shape = shape;
        Random = new Random(seed);
    }

    /// <summary>Gets the generator's random source, for callers drawing further decisions from the same seed.</summary>
    public Random Random { get; }

    /// <summary>Draws a key index's key.</summary>
    public TKey NextKey() => _domain.Key(Random.Next(_shape.Keys));

    /// <summary>Draws a time.</summary>
    public TTime NextTime() => _domain.Time(Random);

    /// <summary>
    /// Draws a batch: random updates with diffs in <c>[-2, 3]</c> (zero included), some of them retracted later in
    /// the same batch or in a later one, so that collections shrink as well as grow.
    /// </summary>
    public List<Update<TKey, TVal, TTime, long>> NextBatch()
    {
        int size = Random.Next(_shape.MaxBatch + 1);
        var batch = new List<Update<TKey, TVal, TTime, long>>(size + _retractionsDue.Count);

        // Retractions owed by earlier batches arrive first, at a time of their own choosing.
        int owed = Random.Next(_retractionsDue.Count + 1);
        for (int i = 0; i < owed; i++)
        {
            batch.Add(_retractionsDue[^1]);
            _retractionsDue.RemoveAt(_retractionsDue.Count - 1);
        }

        for (int i = 0; i < size; i++)
        {
            var update = new Update<TKey, TVal, TTime, long>(
                _domain.Key(Random.Next(_shape.Keys)), _domain.Val(Random.Next(_shape.Vals)), NextTime(), Random.Next(-2, 4));
            batch.Add(update);
            if (Random.NextDouble() < _shape.CancelChance)
            {
                // The same record and time with the opposite diff: cancels exactly once both are in.
                var retraction = update with { Diff = -update.Diff };
                if (Random.Next(2) == 0)
                {
                    batch.Add(retraction);
                }
                else
                {
                    _retractionsDue.Add(retraction);
                }
            }
        }

        // Shuffle so that traces cannot rely on arrival order.
        for (int i = batch.Count - 1; i > 0; i--)
        {
            int j = Random.Next(i + 1);
            (batch[i], batch[j]) = (batch[j], batch[i]);
        }

        return batch;
    }

    /// <summary>
    /// Draws a frontier greater than or equal to <paramref name="current"/>: one or two elements, each the join of
    /// an element of <paramref name="current"/> with a random time.
    /// </summary>
    /// <param name="current">The frontier in force; must not be empty.</param>
    public Antichain<TTime> NextFrontier(Antichain<TTime> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var frontier = new Antichain<TTime>();
        int elements = 1 + Random.Next(2);
        for (int i = 0; i < elements; i++)
        {
            TTime basis = current.Elements[Random.Next(current.Count)];
            frontier.Insert(basis.Join(NextTime()));
        }

        return frontier;
    }
}
