using System.Numerics;

namespace Traces.Tries;

/// <summary>
/// Collects the updates of one key from several tries and consolidates them: the common tail of every look-up.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// One trie's updates for a key are already sorted by <c>(val, time)</c> and consolidated, so a buffer filled from
/// one trie skips the sort. The buffer keeps its array across <see cref="Clear"/>, so a reused buffer stops
/// allocating once it has grown to the largest key.
/// </remarks>
public sealed class UpdateBuffer<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    // Holds the collected updates in [0, _count); kept across Clear, grown by doubling.
    private Update<TKey, TVal, TTime, TDiff>[] _updates = [];
    private int _count;
    // How many tries appended since Clear or Consolidate; above 1, the updates need sorting.
    private int _sources;

    /// <summary>Gets the updates collected (consolidated after <see cref="Consolidate"/>).</summary>
    public ReadOnlySpan<Update<TKey, TVal, TTime, TDiff>> Updates => _updates.AsSpan(0, _count);

    /// <summary>Appends the updates of the key at offset <paramref name="key"/> of <paramref name="trie"/>.</summary>
    /// <param name="trie">The trie.</param>
    /// <param name="key">An offset into the trie's keys.</param>
    public void Append(Trie<TKey, TVal, TTime, TDiff> trie, int key)
    {
        ArgumentNullException.ThrowIfNull(trie);
        int needed = _count + trie.UpdateCountOf(key);
        if (needed > _updates.Length)
        {
            Array.Resize(ref _updates, Math.Max(needed, 2 * _updates.Length));
        }

        _count += trie.CopyUpdates(key, _updates.AsSpan(_count));
        _sources++;
    }

    /// <summary>Sorts and consolidates the collected updates if they came from more than one trie; returns their number.</summary>
    public int Consolidate()
    {
        if (_sources > 1)
        {
            _count = Consolidation.Consolidate<TKey, TVal, TTime, TDiff>(_updates.AsSpan(0, _count));
            _sources = 1;
        }

        return _count;
    }

    /// <summary>Forgets the collected updates, keeping the storage.</summary>
    public void Clear()
    {
        _count = 0;
        _sources = 0;
    }
}
