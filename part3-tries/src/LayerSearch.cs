namespace Traces.Tries;

/// <summary>Binary search in a sorted layer of a trie: its keys, or the values of one key.</summary>
/// <remarks>
/// A layer is a span of <c>(item, end)</c> entries sorted by item, with no item twice. Look-ups search a whole key
/// layer; a cursor searches what is left of a layer after its finger, so its seeks only move forward.
/// </remarks>
public static class LayerSearch
{
    /// <summary>
    /// Returns the offset of <paramref name="sought"/> in <paramref name="layer"/>, or the bitwise complement of the
    /// offset at which it would be inserted, as <see cref="Array.BinarySearch(Array, object)"/> does.
    /// </summary>
    /// <typeparam name="T">The key or value type.</typeparam>
    /// <param name="layer">Entries sorted by item (<see cref="Ordering.Compare"/>), no item twice.</param>
    /// <param name="sought">The item to find.</param>
    public static int Find<T>(ReadOnlySpan<(T Item, int End)> layer, T sought)
        where T : IComparable<T>
    {
        #region binary-search
        int low = 0, high = layer.Length;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            int order = Ordering.Compare(layer[middle].Item, sought);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return ~low;
        #endregion
    }

    /// <summary>
    /// Returns the offset of the first entry of <paramref name="layer"/> whose item is not less than
    /// <paramref name="sought"/>, or the layer's length if there is none.
    /// </summary>
    /// <typeparam name="T">The key or value type.</typeparam>
    /// <param name="layer">Entries sorted by item (<see cref="Ordering.Compare"/>), no item twice.</param>
    /// <param name="sought">The item sought.</param>
    public static int LowerBound<T>(ReadOnlySpan<(T Item, int End)> layer, T sought)
        where T : IComparable<T>
    {
        int found = Find(layer, sought);
        return found >= 0 ? found : ~found;
    }
}
