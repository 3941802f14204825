using System.Globalization;

namespace Traces.Benchmarks;

/// <summary>The data of the add-on workloads: key-value entries to scan, and pairs to relate.</summary>
public static class AddOnData
{
    /// <summary>The number of related rights per left (and lefts per right) in the junction workload.</summary>
    public const int Fanout = 10;

    /// <summary>The number of ranges one scan operation walks.</summary>
    public const int ScanRanges = 100;

    /// <summary>The number of entries in each scanned range.</summary>
    public const int ScanLength = 100;

    /// <summary>The number of lefts and of rights one look-up operation asks about.</summary>
    public const int RelationLookups = 1_000;

    /// <summary>
    /// Returns <paramref name="count"/> entries whose keys sort (ordinally) in the order of their numbers, in a
    /// seeded random arrival order.
    /// </summary>
    /// <param name="count">The number of entries.</param>
    public static KeyValuePair<string, string>[] Entries(int count)
    {
        var entries = new KeyValuePair<string, string>[count];
        for (int i = 0; i < count; i++)
        {
            entries[i] = new(ScanKey(i), "v" + i.ToString(CultureInfo.InvariantCulture));
        }

        new Random(WorkloadData.Seed).Shuffle(entries);
        return entries;
    }

    /// <summary>Returns the key of entry <paramref name="index"/>: fixed-width hex, so ordinal order is index order.</summary>
    /// <param name="index">The entry's index.</param>
    public static string ScanKey(int index) => KeyMaker<string>.FromNumber(WorkloadData.KeyNumber(index));

    /// <summary>Returns <see cref="ScanRanges"/> inclusive ranges of <see cref="ScanLength"/> keys each, at random places.</summary>
    /// <param name="count">The number of entries the ranges fall within.</param>
    public static (string Lower, string Upper)[] Ranges(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, ScanLength);
        var random = new Random(WorkloadData.Seed + 1);
        var ranges = new (string, string)[ScanRanges];
        for (int i = 0; i < ranges.Length; i++)
        {
            int start = random.Next(count - ScanLength + 1);
            ranges[i] = (ScanKey(start), ScanKey(start + ScanLength - 1));
        }

        return ranges;
    }

    /// <summary>
    /// Returns <paramref name="lefts"/> × <see cref="Fanout"/> distinct pairs over as many rights as lefts, in a
    /// seeded random order; every left and every right takes part in exactly <see cref="Fanout"/> pairs.
    /// </summary>
    /// <param name="lefts">The number of lefts (and rights); must not be a multiple of 31.</param>
    public static (int Left, int Right)[] Pairs(int lefts)
    {
        if (lefts < Fanout || lefts % 31 == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lefts), lefts, "Need at least as many lefts as the fanout, and not a multiple of 31.");
        }

        // Right = 31·left + j·(lefts / fanout), modulo lefts: distinct for each left's j, and, 31 being a unit
        // modulo lefts, each right meets exactly one left per j.
        var pairs = new (int, int)[lefts * Fanout];
        int step = lefts / Fanout;
        for (int left = 0; left < lefts; left++)
        {
            for (int j = 0; j < Fanout; j++)
            {
                pairs[(left * Fanout) + j] = (left, (int)(((31L * left) + ((long)j * step)) % lefts));
            }
        }

        new Random(WorkloadData.Seed).Shuffle(pairs);
        return pairs;
    }
}
