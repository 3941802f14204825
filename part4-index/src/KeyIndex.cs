using System.Numerics;
using System.Runtime.InteropServices;
using Traces.Tries;

namespace Traces.Index;

/// <summary>
/// An index from each key to its positions: the tries that hold it and its offset in each one's key layer.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// <para>
/// A dictionary maps each key to the head of a chain of positions; the chains live in three parallel arrays
/// (trie, offset, next) with a free list, so adding and removing positions allocates nothing once the arrays have
/// grown. A key is in at most one position per trie, so a chain is at most as long as the stack of tries.
/// </para>
/// <para>
/// After two tries merge, <see cref="Replace"/> walks the key layers of both inputs and of the result side by side:
/// every key of the inputs loses its positions in them, gains its position in the result if it survived the merge,
/// and leaves the dictionary if it is held nowhere else.
/// </para>
/// </remarks>
public sealed class KeyIndex<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    #region state
    // Ends a chain and the free list; also an empty head.
    private const int None = -1;
    // Each indexed key to the first slot of its chain, which is never empty.
    private readonly Dictionary<TKey, int> _heads = [];
    // Slot i's trie, or null once slot i is freed; only slots below _used were ever handed out.
    private Trie<TKey, TVal, TTime, TDiff>?[] _tries = new Trie<TKey, TVal, TTime, TDiff>?[16];
    // Slot i's offset in _tries[i]'s key layer; meaningless while the slot is free.
    private int[] _offsets = new int[16];
    // Slot i's successor in its key's chain, or in the free list when free.
    private int[] _next = new int[16];
    // Slots handed out so far; _tries, _offsets and _next have the same length, at least this.
    private int _used;
    // Head of the free list of released slots, linked through _next.
    private int _free = None;
    // Slots in use: _used minus the length of the free list.
    private int _positions;
    #endregion

    /// <summary>Gets the number of keys indexed.</summary>
    public int KeyCount => _heads.Count;

    /// <summary>Gets the number of positions indexed, over all keys.</summary>
    public int PositionCount => _positions;

    /// <summary>Indexes every key of <paramref name="trie"/>.</summary>
    /// <param name="trie">A trie that was added to the stack.</param>
    public void Add(Trie<TKey, TVal, TTime, TDiff> trie)
    {
        ArgumentNullException.ThrowIfNull(trie);
        var keys = trie.Keys;
        for (int offset = 0; offset < keys.Length; offset++)
        {
            ref int head = ref CollectionsMarshal.GetValueRefOrAddDefault(_heads, keys[offset].Key, out bool exists);
            head = NewPosition(trie, offset, exists ? head : None);
        }
    }

    /// <summary>Replaces the positions in <paramref name="older"/> and <paramref name="newer"/> by those in <paramref name="merged"/>.</summary>
    /// <param name="older">A merged trie.</param>
    /// <param name="newer">The other merged trie.</param>
    /// <param name="merged">Their merge.</param>
    public void Replace(
        Trie<TKey, TVal, TTime, TDiff> older, Trie<TKey, TVal, TTime, TDiff> newer, Trie<TKey, TVal, TTime, TDiff> merged)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(merged);

        #region replace
        var a = older.Keys;
        var b = newer.Keys;
        var m = merged.Keys;
        int i = 0, j = 0, k = 0;
        while (i < a.Length || j < b.Length)
        {
            // The next key of either input, in order; the merge's keys are a subsequence of these.
            int order = i == a.Length ? 1 : j == b.Length ? -1 : Ordering.Compare(a[i].Key, b[j].Key);
            TKey key = order <= 0 ? a[i].Key : b[j].Key;
            ref int head = ref CollectionsMarshal.GetValueRefOrNullRef(_heads, key);
            if (order <= 0)
            {
                RemovePosition(ref head, older);
                i++;
            }

            if (order >= 0)
            {
                RemovePosition(ref head, newer);
                j++;
            }

            if (k < m.Length && Ordering.Compare(m[k].Key, key) == 0)
            {
                head = NewPosition(merged, k++, head);
            }
            else if (head == None)
            {
                // The key cancelled in the merge and no other trie holds it.
                _heads.Remove(key);
            }
        }
        #endregion
    }

    /// <summary>Forgets every key and position.</summary>
    public void Clear()
    {
        _heads.Clear();
        Array.Clear(_tries, 0, _used);
        _used = 0;
        _free = None;
        _positions = 0;
    }

    /// <summary>Returns the positions of <paramref name="key"/>, or none if it is not indexed.</summary>
    /// <param name="key">The key.</param>
    public PositionEnumerator Positions(TKey key) =>
        new(this, _heads.TryGetValue(key, out int head) ? head : None);

    #region chains
    private int NewPosition(Trie<TKey, TVal, TTime, TDiff> trie, int offset, int next)
    {
        int position;
        if (_free != None)
        {
            position = _free;
            _free = _next[position];
        }
        else
        {
            if (_used == _tries.Length)
            {
                Array.Resize(ref _tries, 2 * _used);
                Array.Resize(ref _offsets, 2 * _used);
                Array.Resize(ref _next, 2 * _used);
            }

            position = _used++;
        }

        _tries[position] = trie;
        _offsets[position] = offset;
        _next[position] = next;
        _positions++;
        return position;
    }

    private void RemovePosition(ref int head, Trie<TKey, TVal, TTime, TDiff> trie)
    {
        ref int link = ref head;
        while (link != None)
        {
            int position = link;
            if (ReferenceEquals(_tries[position], trie))
            {
                link = _next[position];
                _tries[position] = null;
                _next[position] = _free;
                _free = position;
                _positions--;
                return;
            }

            link = ref _next[position];
        }
    }
    #endregion

    /// <summary>Enumerates the <c>(trie, offset)</c> positions of one key.</summary>
    public struct PositionEnumerator
    {
        private readonly KeyIndex<TKey, TVal, TTime, TDiff> _index;
        // The slot MoveNext visits next; None at the end of the chain.
        private int _next;
        // The slot MoveNext last moved to; None before the first call.
        private int _current;

        internal PositionEnumerator(KeyIndex<TKey, TVal, TTime, TDiff> index, int head)
        {
            _index = index;
            _next = head;
            _current = None;
        }

        /// <summary>Gets the current position: a trie and the offset of the key in its key layer.</summary>
        public readonly (Trie<TKey, TVal, TTime, TDiff> Trie, int Offset) Current =>
            (_index._tries[_current]!, _index._offsets[_current]);

        /// <summary>Returns this enumerator, so that <c>foreach</c> can walk the positions.</summary>
        public readonly PositionEnumerator GetEnumerator() => this;

        /// <summary>Moves to the next position.</summary>
        public bool MoveNext()
        {
            if (_next == None)
            {
                return false;
            }

            _current = _next;
            _next = _index._next[_current];
            return true;
        }
    }
}
