using System.Numerics;

namespace Traces.Tries;

/// <summary>
/// The cursor of a <see cref="TrieTrace{TKey, TVal, TTime, TDiff}"/>: a <see cref="TrieCursor{TKey, TVal, TTime, TDiff}"/>
/// whose seeks binary-search what is left of each layer after its finger.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// A seek costs <c>O(log m)</c> comparisons per trie, <c>m</c> the entries left after the finger, however near the
/// key sought is: a batch of ascending seeks gains from the fingers only in that it never searches the part of a
/// layer it has passed, and that its searches touch memory the previous ones touched.
/// </remarks>
public sealed class TrieTraceCursor<TKey, TVal, TTime, TDiff> : TrieCursor<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    /// <summary>Initializes a cursor at the first key of <paramref name="tries"/>.</summary>
    /// <param name="version">The version of the trace the tries belong to.</param>
    /// <param name="tries">The trace's tries, largest first.</param>
    internal TrieTraceCursor(TraceVersion version, ReadOnlySpan<Trie<TKey, TVal, TTime, TDiff>> tries)
        : base(version, tries)
    {
    }

    /// <inheritdoc />
    protected override int KeysBelow(ReadOnlySpan<(TKey Key, int End)> rest, TKey key) =>
        LayerSearch.LowerBound(rest, key);

    /// <inheritdoc />
    protected override int ValsBelow(ReadOnlySpan<(TVal Val, int End)> rest, TVal val) =>
        LayerSearch.LowerBound(rest, val);
}
