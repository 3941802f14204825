using System.Globalization;
using Traces.OrdNeu;

namespace Traces.Benchmarks;

/// <summary>
/// Bytes retained per update by part 5 with string keys and string values: strings as objects in arrays
/// (<see cref="OrdValTrace{TKey, TVal, TTime, TDiff}"/>) against strings stored flat
/// (<see cref="OrdStringTrace{TTime, TDiff}"/>), measured like <see cref="MemoryProbe"/>.
/// </summary>
/// <remarks>
/// The strings are made while loading, batch by batch, not before the first reading: a trace that keeps the
/// strings it is given is charged for them, as it would be in an application whose input goes away once
/// added, and one that copies them is charged for its copies only. Keys are the string workload's
/// (<see cref="KeyMaker{TKey}"/>: <c>k</c> and at least twelve hex digits), in a seeded random order, values
/// the same digits after a <c>v</c>; everything at time 0 in batches of <see cref="WorkloadSizes.LoadBatchSize"/>,
/// then, as in <see cref="MemoryProbe.BytesPerUpdate(Func{IndexSubject{long}}, LongUpdate[][])"/>, one update
/// (key <c>l</c>, after every loaded key) at time 1 that seals the load and is not counted.
/// </remarks>
public static class StringMemoryProbe
{
    /// <summary>The name of part 5 with strings in arrays (one object per string).</summary>
    public const string Arrays = "part5-string-arrays";

    /// <summary>The name of part 5 with strings stored flat (slice containers).</summary>
    public const string Slices = "part5-string-slices";

    /// <summary>Gets the subjects the probe measures, by name.</summary>
    public static IReadOnlyList<(string Name, Func<ITrace<string, string, Timestamp, long>> Create)> Subjects { get; } =
    [
        (Arrays, () => new OrdValTrace<string, string, Timestamp, long>()),
        (Slices, () => new OrdStringTrace<Timestamp, long>()),
    ];

    /// <summary>Measures the bytes per update a trace made by <paramref name="create"/> retains.</summary>
    /// <param name="create">Creates the empty trace.</param>
    /// <param name="shape">The records (a snapshot: its times are not used).</param>
    public static double BytesPerUpdate(Func<ITrace<string, string, Timestamp, long>> create, Shape shape)
    {
        ArgumentNullException.ThrowIfNull(create);
        int records = checked(shape.Keys * shape.Vals);
        ArgumentOutOfRangeException.ThrowIfLessThan(records, 1, nameof(shape));
        var order = new int[records];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        new Random(WorkloadData.Seed).Shuffle(order);
        Load(create(), order.AsSpan(0, Math.Min(order.Length, WorkloadSizes.LoadBatchSize)), shape.Vals);
        return MemoryProbe.BytesPerUpdate(() => Load(create(), order, shape.Vals), records);
    }

    // Adds the records `order` names, in batches, then the update at the next time; makes every string here.
    private static ITrace<string, string, Timestamp, long> Load(
        ITrace<string, string, Timestamp, long> trace, ReadOnlySpan<int> order, int vals)
    {
        var makeKey = KeyMaker<string>.FromNumber;
        for (int start = 0; start < order.Length; start += WorkloadSizes.LoadBatchSize)
        {
            var batch = new Update<string, string, Timestamp, long>[Math.Min(WorkloadSizes.LoadBatchSize, order.Length - start)];
            for (int i = 0; i < batch.Length; i++)
            {
                int record = order[start + i];
                long number = WorkloadData.KeyNumber(record / vals);
                string val = string.Create(CultureInfo.InvariantCulture, $"v{number + (record % vals):x12}");
                batch[i] = new(makeKey(number), val, 0UL, 1);
            }

            trace.Add(batch);
        }

        trace.Add([new("l", "v", 1UL, 1)]);
        return trace;
    }
}
