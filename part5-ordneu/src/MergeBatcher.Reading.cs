namespace Traces.OrdNeu;

/// <content>Reading the updates a batcher holds, for traces that answer queries before sealing them.</content>
public sealed partial class MergeBatcher<TKey, TVal, TTime, TDiff>
{
    /// <summary>
    /// Appends to <paramref name="output"/> the updates for <paramref name="key"/> that the batcher holds, in no
    /// particular order and possibly unconsolidated.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="output">The list to append to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    #region reading
    public void CopyUpdates(TKey key, List<Update<TKey, TVal, TTime, TDiff>> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var chain in _chains)
        {
            // Chains are sorted: the key's updates are one run, found by binary search.
            var items = chain.Span;
            var before = new KeyBefore(chain.Items, key);
            for (int i = Galloping.Advance(0, chain.Count, ref before);
                i < items.Length && Ordering.Compare(items[i].Key, key) == 0;
                i++)
            {
                output.Add(items[i]);
            }
        }

        foreach (var update in _chunk.AsSpan(0, _chunkCount))
        {
            if (Ordering.Compare(update.Key, key) == 0)
            {
                output.Add(update);
            }
        }
    }

    /// <summary>
    /// Appends to <paramref name="output"/> the distinct keys of the held updates, in ascending order.
    /// </summary>
    /// <param name="output">The list to append to.</param>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="output"/> is <see langword="null"/>.
    /// </exception>
    public void CopyKeys(List<TKey> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        int start = output.Count;
        foreach (var chain in _chains)
        {
            foreach (var update in chain.Span)
            {
                output.Add(update.Key);
            }
        }

        foreach (var update in _chunk.AsSpan(0, _chunkCount))
        {
            output.Add(update.Key);
        }

        output.Sort(start, output.Count - start, KeyComparer.Instance);
        int written = start;
        for (int i = start; i < output.Count; i++)
        {
            if (written == start || Ordering.Compare(output[written - 1], output[i]) != 0)
            {
                output[written++] = output[i];
            }
        }

        output.RemoveRange(written, output.Count - written);
    }
    #endregion

    // Passes for the leading updates whose key is below the one sought, so the galloping search stops at its run.
    private readonly struct KeyBefore(Update<TKey, TVal, TTime, TDiff>[] items, TKey key) : IPositionTest
    {
        public bool Test(int position) => Ordering.Compare(items[position].Key, key) < 0;
    }

    private sealed class KeyComparer : IComparer<TKey>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(TKey? x, TKey? y) => Ordering.Compare(x!, y!);
    }
}
