using System.Numerics;
using Traces;
using Traces.Index;
using Traces.Tries;

namespace Exercises.Ch05;

/// <summary>Whether a key is in the collection, asked of part 4's index: one hash look-up in the common case.</summary>
public static class ContainsKey
{
    /// <summary>
    /// Returns whether <paramref name="key"/>'s updates in <paramref name="trace"/> consolidate to something: whether
    /// <see cref="ITrace{TKey, TVal, TTime, TDiff}.Keys"/> would list it.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="trace">The trace.</param>
    /// <param name="key">The key.</param>
    public static bool Contains<TKey, TVal, TTime, TDiff>(IndexedTrace<TKey, TVal, TTime, TDiff> trace, TKey key)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
            IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(key);

        #region contains
        var positions = trace.IndexedPositions(key);
        if (!positions.MoveNext())
        {
            return false;
        }

        var (trie, offset) = positions.Current;
        if (!positions.MoveNext())
        {
            // One trie holds the key, and a trie holds no cancelled keys.
            return true;
        }

        // The index says where a key is stored, not whether it is live: a +1 in a large
        // trie and a -1 in a small one are two positions of a key that is gone.
        var buffer = new UpdateBuffer<TKey, TVal, TTime, TDiff>();
        buffer.Append(trie, offset);
        do
        {
            buffer.Append(positions.Current.Trie, positions.Current.Offset);
        }
        while (positions.MoveNext());

        return buffer.Consolidate() > 0;
        #endregion
    }
}
