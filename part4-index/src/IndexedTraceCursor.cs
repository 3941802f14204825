using System.Numerics;
using Traces.Tries;

namespace Traces.Index;

/// <summary>
/// The cursor of an <see cref="IndexedTrace{TKey, TVal, TTime, TDiff}"/>: part 3's cursor over the tries, whose
/// seeks gallop, and which goes through the index when it seeks from the start.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// <para>
/// Everything but seeking is <see cref="TrieCursor{TKey, TVal, TTime, TDiff}"/>'s. A seek on a cursor just made or
/// rewound (<c>RewindKeys(); SeekKey(k)</c>, a single look-up) asks the index: if it holds the key, the fingers of
/// the tries that hold it jump to their offsets, and the others stay at the start until the reader steps past the
/// key or seeks beyond it. A look-up then costs one hash probe, a short walk of the key's chain of positions, and
/// reads of the contiguous runs of its values and histories.
/// </para>
/// <para>
/// Any other seek (the next key of an ascending batch, or a key the index does not hold) moves every finger
/// forward by galloping (<see cref="KeySearch.Gallop{TKey}"/>): its cost grows with the logarithm of the distance
/// moved, so a finger that moves a few keys pays a few comparisons.
/// </para>
/// </remarks>
public sealed class IndexedTraceCursor<TKey, TVal, TTime, TDiff> : TrieCursor<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    private readonly KeyIndex<TKey, TVal, TTime, TDiff> _index;
    // Scratch for one key's positions: the holders' places in Tries and the key's offsets in them.
    private readonly int[] _landHolders;
    private readonly int[] _landOffsets;

    /// <summary>Initializes a cursor at the first key of <paramref name="tries"/>.</summary>
    /// <param name="version">The version of the trace the tries belong to.</param>
    /// <param name="tries">The trace's tries, largest first.</param>
    /// <param name="index">The trace's index of those tries.</param>
    internal IndexedTraceCursor(
        TraceVersion version, ReadOnlySpan<Trie<TKey, TVal, TTime, TDiff>> tries, KeyIndex<TKey, TVal, TTime, TDiff> index)
        : base(version, tries)
    {
        _index = index;
        _landHolders = new int[tries.Length];
        _landOffsets = new int[tries.Length];
    }

    /// <inheritdoc />
    public override void SeekKey(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        #region seek-key
        if (Rewound)
        {
            var positions = _index.Positions(key);
            if (positions.MoveNext())
            {
                var (trie, offset) = positions.Current;
                if (!positions.MoveNext())
                {
                    // The common case: one trie holds the key.
                    Land(IndexOf(trie), offset);
                    return;
                }

                _landHolders[0] = IndexOf(trie);
                _landOffsets[0] = offset;
                int count = 1;
                do
                {
                    _landHolders[count] = IndexOf(positions.Current.Trie);
                    _landOffsets[count++] = positions.Current.Offset;
                }
                while (positions.MoveNext());

                Land(_landHolders.AsSpan(0, count), _landOffsets.AsSpan(0, count));
                return;
            }
        }

        base.SeekKey(key);
        #endregion
    }

    /// <inheritdoc />
    protected override int KeysBelow(ReadOnlySpan<(TKey Key, int End)> rest, TKey key) => KeySearch.Gallop(rest, key);

    /// <inheritdoc />
    protected override int ValsBelow(ReadOnlySpan<(TVal Val, int End)> rest, TVal val) => KeySearch.Gallop(rest, val);

    /// <summary>Returns the place of <paramref name="trie"/> in <see cref="TrieCursor{TKey, TVal, TTime, TDiff}.Tries"/>.</summary>
    private int IndexOf(Trie<TKey, TVal, TTime, TDiff> trie)
    {
        var tries = Tries;
        int t = 0;
        while (!ReferenceEquals(tries[t], trie))
        {
            t++;
        }

        return t;
    }
}
