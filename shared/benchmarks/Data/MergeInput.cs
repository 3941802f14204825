namespace Traces.Benchmarks;

/// <summary>
/// The two batches of the merge workload, sorted by <c>(key, val, time)</c> and consolidated, and the compaction
/// frontier to merge them with.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Older"/> holds <c>n</c> records <c>(k, 0)</c> at time 1, as a batch covering times
/// <c>[0, 2)</c>; <see cref="Newer"/> covers <c>[2, 3)</c>: at time 2 it retracts the records of the even keys
/// and adds <c>(k, 1)</c> for the odd ones. Merged without compaction the output holds all <c>2n</c> updates;
/// advanced by the frontier <c>{2}</c>, the retractions cancel and the two updates of each odd key remain.
/// </para>
/// </remarks>
/// <param name="Older">The older batch's updates.</param>
/// <param name="Newer">The newer batch's updates.</param>
/// <param name="Frontier">The compaction frontier: <c>{0}</c> (none) or <c>{2}</c>.</param>
public sealed record MergeInput(LongUpdate[] Older, LongUpdate[] Newer, Antichain<Timestamp> Frontier)
{
    /// <summary>Gets the lower frontier of the older batch.</summary>
    public static Antichain<Timestamp> OlderLower => [0UL];

    /// <summary>Gets the upper frontier of the older batch, which is the lower frontier of the newer one.</summary>
    public static Antichain<Timestamp> Boundary => [2UL];

    /// <summary>Gets the upper frontier of the newer batch.</summary>
    public static Antichain<Timestamp> NewerUpper => [3UL];

    /// <summary>Gets whether the frontier compacts (advances times to 2).</summary>
    public bool Compacting => !Frontier.LessEqual(new Timestamp(0));

    /// <summary>Gets the number of updates a correct merge outputs.</summary>
    public int ExpectedOutput => Compacting ? 2 * (Older.Length / 2) : Older.Length + Newer.Length;

    /// <summary>Creates the two batches with <paramref name="keys"/> records each.</summary>
    /// <param name="keys">The number of keys (and updates) per batch.</param>
    /// <param name="compacting">Whether to merge with the frontier <c>{2}</c> rather than <c>{0}</c>.</param>
    public static MergeInput Create(int keys, bool compacting)
    {
        var older = new LongUpdate[keys];
        var newer = new LongUpdate[keys];
        for (int k = 0; k < keys; k++)
        {
            long key = WorkloadData.KeyNumber(k);
            older[k] = new(key, 0, 1UL, 1);
            newer[k] = k % 2 == 0 ? new(key, 0, 2UL, -1) : new(key, 1, 2UL, 1);
        }

        return new MergeInput(older, newer, compacting ? Boundary : [0UL]);
    }
}
