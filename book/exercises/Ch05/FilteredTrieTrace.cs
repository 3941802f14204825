using System.Numerics;
using Traces;
using Traces.Tries;

namespace Exercises.Ch05;

/// <summary>
/// Part 3's trace with a Bloom filter per trie instead of part 4's index: a look-up binary-searches only the tries
/// whose filter says they may hold the key.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// The filters follow the stack through the same notifications part 4's index uses: a filter is built for each
/// trie added or produced by a merge, and dropped with the tries a merge consumed. A filter never says "no" to a
/// key its trie holds, so answers are part 3's; it sometimes says "maybe" to a key its trie lacks, which costs a
/// wasted search and nothing else.
/// </remarks>
public sealed class FilteredTrieTrace<TKey, TVal, TTime, TDiff> : TrieTrace<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    // The filter of every trie on the stack, by reference.
    private readonly Dictionary<Trie<TKey, TVal, TTime, TDiff>, KeyFilter<TKey>> _filters =
        new(ReferenceEqualityComparer.Instance);

    /// <summary>Gets how many tries look-ups have binary-searched so far; for measuring the filters.</summary>
    public long SearchedTries { get; private set; }

    #region hooks
    /// <inheritdoc />
    protected override void OnTrieAdded(Trie<TKey, TVal, TTime, TDiff> trie) =>
        _filters.Add(trie, KeyFilter<TKey>.Of(trie.Keys));

    /// <inheritdoc />
    protected override void OnTriesMerged(
        Trie<TKey, TVal, TTime, TDiff> older,
        Trie<TKey, TVal, TTime, TDiff> newer,
        Trie<TKey, TVal, TTime, TDiff> merged)
    {
        _filters.Remove(older);
        _filters.Remove(newer);
        if (merged.UpdateCount > 0)
        {
            _filters.Add(merged, KeyFilter<TKey>.Of(merged.Keys));
        }
    }

    /// <inheritdoc />
    protected override void OnTriesCleared() => _filters.Clear();
    #endregion

    #region get
    /// <inheritdoc />
    public override IEnumerable<Update<TKey, TVal, TTime, TDiff>> Get(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var buffer = new UpdateBuffer<TKey, TVal, TTime, TDiff>();
        foreach (var trie in Tries)
        {
            if (!_filters[trie].MayContain(key))
            {
                continue;
            }

            SearchedTries++;
            int found = trie.FindKey(key);
            if (found >= 0)
            {
                buffer.Append(trie, found);
            }
        }

        buffer.Consolidate();
        return Version.Guard(buffer.Updates.ToArray());
    }
    #endregion
}

/// <summary>A Bloom filter over a set of keys: ten bits a key, three probes a question.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <remarks>
/// Each key sets three bits, chosen from one hash by double hashing. A key whose three bits are all set may be in
/// the set; a key with a clear bit is certainly not. With ten bits a key the usual estimate of false "maybe"s,
/// (1 - e^(-3/10))^3, is under 2 percent.
/// </remarks>
public sealed class KeyFilter<TKey>
    where TKey : IComparable<TKey>
{
    #region filter
    private const int BitsPerKey = 10;
    private const int Probes = 3;
    // Bit i of the filter is bit (i % 64) of _bits[i / 64]; _size bits in all.
    private readonly ulong[] _bits;
    private readonly uint _size;

    private KeyFilter(int keys)
    {
        _bits = new ulong[Math.Max(1, ((keys * BitsPerKey) + 63) / 64)];
        _size = (uint)_bits.Length * 64;
    }

    /// <summary>Returns the filter of the keys of a key layer.</summary>
    /// <param name="keys">The key layer.</param>
    public static KeyFilter<TKey> Of<TEnd>(ReadOnlySpan<(TKey Key, TEnd End)> keys)
    {
        var filter = new KeyFilter<TKey>(keys.Length);
        foreach (var (key, _) in keys)
        {
            var (h1, h2) = Hash(key);
            for (uint i = 0; i < Probes; i++)
            {
                uint bit = (h1 + (i * h2)) % filter._size;
                filter._bits[bit / 64] |= 1UL << (int)(bit % 64);
            }
        }

        return filter;
    }

    /// <summary>Returns false if <paramref name="key"/> is certainly not in the set.</summary>
    /// <param name="key">The key.</param>
    public bool MayContain(TKey key)
    {
        var (h1, h2) = Hash(key);
        for (uint i = 0; i < Probes; i++)
        {
            uint bit = (h1 + (i * h2)) % _size;
            if ((_bits[bit / 64] & (1UL << (int)(bit % 64))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static (uint H1, uint H2) Hash(TKey key)
    {
        // Spread the key's hash (a long's is its own low bits) over 64 bits, then split it.
        ulong mixed = (uint)EqualityComparer<TKey>.Default.GetHashCode(key!) * 0x9E3779B97F4A7C15UL;
        return ((uint)(mixed >> 32), (uint)mixed | 1);
    }
    #endregion
}
