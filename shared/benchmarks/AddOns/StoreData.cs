using System.Globalization;
using System.Text;

namespace Traces.Benchmarks;

/// <summary>
/// The data of the store workload: the scan workload's entries, ranges and keys as bytes, the keys point gets ask
/// for, the writes that follow a snapshot, and what each read must answer.
/// </summary>
public static class StoreData
{
    /// <summary>The number of keys one get operation looks up.</summary>
    public const int Gets = 10_000;

    /// <summary>Returns the ASCII bytes of <paramref name="text"/>, whose unsigned byte order is its ordinal order.</summary>
    /// <param name="text">The text; ASCII only.</param>
    /// <exception cref="ArgumentException"><paramref name="text"/> holds a character above U+007F.</exception>
    public static byte[] Bytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (char c in text)
        {
            if (c > '\u007f')
            {
                throw new ArgumentException($"Store keys and values are ASCII, so that byte order is ordinal order; '{text}' is not.", nameof(text));
            }
        }

        return Encoding.ASCII.GetBytes(text);
    }

    /// <summary>Returns <see cref="AddOnData.Entries"/> as bytes, in the same arrival order.</summary>
    /// <param name="count">The number of entries.</param>
    public static KeyValuePair<byte[], byte[]>[] Entries(int count) =>
        [.. AddOnData.Entries(count).Select(entry => KeyValuePair.Create(Bytes(entry.Key), Bytes(entry.Value)))];

    /// <summary>Returns <see cref="AddOnData.Ranges"/> as bytes.</summary>
    /// <param name="count">The number of entries the ranges fall within.</param>
    public static (byte[] Lower, byte[] Upper)[] Ranges(int count) =>
        [.. AddOnData.Ranges(count).Select(range => (Bytes(range.Lower), Bytes(range.Upper)))];

    /// <summary>Returns <see cref="Gets"/> keys drawn at random (seeded) from the <paramref name="count"/> loaded ones.</summary>
    /// <param name="count">The number of entries loaded.</param>
    public static byte[][] GetKeys(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new Random(WorkloadData.Seed + 2);
        var keys = new byte[Gets][];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = Bytes(AddOnData.ScanKey(random.Next(count)));
        }

        return keys;
    }

    /// <summary>
    /// Returns the writes made after the snapshot of the store workload, in a seeded random order: every fourth
    /// key of the <paramref name="count"/> loaded ones gets a new, longer value, and after every eighth a new key
    /// is inserted (the key with <c>+</c> appended, which sorts between it and the next), so a scan that sees any of
    /// them visits more entries or more value bytes than the snapshot holds.
    /// </summary>
    /// <param name="count">The number of entries loaded.</param>
    public static KeyValuePair<byte[], byte[]>[] LaterWrites(int count)
    {
        var writes = new List<KeyValuePair<byte[], byte[]>>((count / 4) + (count / 8) + 2);
        for (int i = 0; i < count; i++)
        {
            string number = i.ToString(CultureInfo.InvariantCulture);
            if (i % 4 == 0)
            {
                writes.Add(KeyValuePair.Create(Bytes(AddOnData.ScanKey(i)), Bytes("v" + number + "'")));
            }

            if (i % 8 == 0)
            {
                writes.Add(KeyValuePair.Create(Bytes(AddOnData.ScanKey(i) + "+"), Bytes("n" + number)));
            }
        }

        KeyValuePair<byte[], byte[]>[] shuffled = [.. writes];
        new Random(WorkloadData.Seed + 3).Shuffle(shuffled);
        return shuffled;
    }

    /// <summary>Returns what the scans of <paramref name="ranges"/> over <paramref name="entries"/> answer: the total length of the values in them.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="ranges">The inclusive ranges.</param>
    public static long ExpectedScan(KeyValuePair<byte[], byte[]>[] entries, (byte[] Lower, byte[] Upper)[] ranges)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(ranges);
        var keys = new byte[entries.Length][];
        var values = new byte[entries.Length][];
        for (int i = 0; i < entries.Length; i++)
        {
            (keys[i], values[i]) = entries[i];
        }

        Array.Sort(keys, values, UnsignedByteOrder.Instance);
        long total = 0;
        foreach (var (lower, upper) in ranges)
        {
            int start = Array.BinarySearch(keys, lower, UnsignedByteOrder.Instance);
            for (int i = start < 0 ? ~start : start; i < keys.Length && UnsignedByteOrder.Instance.Compare(keys[i], upper) <= 0; i++)
            {
                total += values[i].Length;
            }
        }

        return total;
    }

    /// <summary>Returns what the gets of <paramref name="keys"/> over <paramref name="entries"/> answer: the total length of the values found.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="keys">The keys asked for.</param>
    public static long ExpectedGets(KeyValuePair<byte[], byte[]>[] entries, byte[][] keys)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(keys);
        var lengths = new Dictionary<string, int>(entries.Length, StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            lengths[Convert.ToHexString(key)] = value.Length;
        }

        long total = 0;
        foreach (byte[] key in keys)
        {
            total += lengths.GetValueOrDefault(Convert.ToHexString(key));
        }

        return total;
    }
}

/// <summary>Orders byte strings as unsigned bytes, lexicographically: how every store of the workload orders keys.</summary>
public sealed class UnsignedByteOrder : IComparer<byte[]>
{
    /// <summary>Gets the comparer.</summary>
    public static UnsignedByteOrder Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}
