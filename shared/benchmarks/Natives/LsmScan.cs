using System.Text;
using Traces.Lsm;

namespace Traces.Benchmarks;

/// <summary>The LSM add-on in the scan workload: an <see cref="LsmStore"/> holding the entries in three sealed runs.</summary>
/// <remarks>
/// The entries are written in arrival order and flushed as three runs of halving sizes (four sevenths, two
/// sevenths, one seventh), so that the spine, which merges runs of like size, keeps all three and every scan
/// merges three sources, as a store that has taken writes for a while does. Keys are ASCII, so their bytes
/// compare as the strings do ordinally; converting a range's two bounds to bytes is charged to its scan.
/// </remarks>
public static class LsmScan
{
    /// <summary>The number of sealed runs the store is loaded into.</summary>
    public const int Runs = 3;

    /// <summary>Builds the store from <paramref name="entries"/> and returns its inclusive range scan.</summary>
    /// <param name="entries">The entries.</param>
    public static Func<string, string, long> Create(KeyValuePair<string, string>[] entries)
    {
        var store = Load(entries);
        return (lower, upper) => CountScan(store, lower, upper);
    }

    /// <summary>Writes <paramref name="entries"/> into a new store as <see cref="Runs"/> sealed runs of halving sizes.</summary>
    /// <param name="entries">The entries.</param>
    public static LsmStore Load(KeyValuePair<string, string>[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var bytes = new KeyValuePair<byte[], byte[]>[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            bytes[i] = new(Encoding.ASCII.GetBytes(entries[i].Key), Encoding.ASCII.GetBytes(entries[i].Value));
        }

        var store = new LsmStore();
        LoadRuns(store, bytes);
        return store;
    }

    /// <summary>Writes <paramref name="entries"/> into <paramref name="store"/> as <see cref="Runs"/> sealed runs of halving sizes.</summary>
    /// <param name="store">The store.</param>
    /// <param name="entries">The entries, as bytes.</param>
    public static void LoadRuns(LsmStore store, KeyValuePair<byte[], byte[]>[] entries)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(entries);
        int[] ends = [entries.Length * 4 / 7, entries.Length * 6 / 7, entries.Length];
        int next = 0;
        foreach (int end in ends)
        {
            for (; next < end; next++)
            {
                store.Put(entries[next].Key, entries[next].Value);
            }

            store.Freeze();
            store.Flush();
        }
    }

    /// <summary>Scans the keys between <paramref name="lower"/> and <paramref name="upper"/>, inclusive; returns how many.</summary>
    /// <param name="store">The store.</param>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound.</param>
    public static long CountScan(LsmStore store, string lower, string upper)
    {
        ArgumentNullException.ThrowIfNull(store);
        #region lsm-scan
        var scan = store.Scan(
            Bound.Included(Encoding.ASCII.GetBytes(lower)),
            Bound.Included(Encoding.ASCII.GetBytes(upper)));
        long count = 0;
        for (; scan.IsValid; scan.Next())
        {
            count++;
        }

        return count;
        #endregion
    }
}
