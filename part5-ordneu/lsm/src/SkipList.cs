using System.Numerics;

namespace Traces.Lsm;

/// <summary>
/// An ordered map from distinct keys to values that can be written while positions in it are held: a skip list.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <typeparam name="TComparer">The key order, a struct so that comparisons are inlined.</typeparam>
/// <remarks>
/// <para>
/// Every entry is a node on the bottom list, linked in key order; each node also sits on a random number of
/// express lists above it (a node reaches level <c>h + 1</c> with probability 1/4), so a search walks right on
/// the top list, drops a level when the next step would overshoot, and reaches its place in expected
/// <c>O(log n)</c> steps. Inserting links one new node into each of its lists; nothing is ever moved, unlinked
/// or overwritten.
/// </para>
/// <para>
/// That is why a <see cref="Position"/> stays usable across later writes, and why the list needs no version
/// counter to invalidate it: a position holds its node, its node's key and value never change, and walking on
/// follows the bottom list as it is at that moment, so entries added ahead of a position are met and entries
/// added behind it are not. The level choices come from a fixed-seed generator, so a run is reproducible.
/// The list is not safe for concurrent use from several threads.
/// </para>
/// </remarks>
public sealed class SkipList<TKey, TValue, TComparer>
    where TComparer : struct, IComparer<TKey>
{
    private const int MaxHeight = 24;

    // A sentinel before every entry, on every level; its key and value are never read.
    private readonly Node _head = new(default!, default!, MaxHeight);
    // Scratch for TryAdd: _path[l] is the last node on level l before the new key.
    private readonly Node[] _path = new Node[MaxHeight];
    // The tallest node's height, in [1, MaxHeight]; levels at or above it are empty.
    private int _height = 1;
    // The xorshift64* state, fixed-seeded and never zero, so heights repeat from run to run.
    private ulong _random = 0x9E3779B97F4A7C15UL;

    /// <summary>Gets the number of entries.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the position of the smallest entry (invalid when the list is empty).</summary>
    public Position First => new(_head.Next[0]);

    /// <summary>Adds an entry unless an entry with an equal key exists.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> if added; <see langword="false"/> if the key was present (nothing changes).</returns>
    public bool TryAdd(TKey key, TValue value)
    {
        #region skip-list-insert
        var comparer = default(TComparer);
        var node = _head;
        for (var level = _height - 1; level >= 0; level--)
        {
            var next = node.Next[level];
            while (next is not null && comparer.Compare(next.Key, key) < 0)
            {
                node = next;
                next = node.Next[level];
            }

            _path[level] = node;
        }

        var found = node.Next[0];
        if (found is not null && comparer.Compare(found.Key, key) == 0)
        {
            return false;
        }

        var height = NextHeight();
        for (var level = _height; level < height; level++)
        {
            _path[level] = _head;
        }

        _height = Math.Max(_height, height);
        var created = new Node(key, value, height);
        for (var level = 0; level < height; level++)
        {
            created.Next[level] = _path[level].Next[level];
            _path[level].Next[level] = created;
        }
        #endregion

        Count++;
        return true;
    }

    /// <summary>Finds the first entry whose key is at or after <paramref name="probe"/>.</summary>
    /// <param name="probe">The key to search for.</param>
    public Position SeekAtOrAfter(TKey probe) => new(Seek(probe, strictlyAfter: false));

    /// <summary>Finds the first entry whose key is after <paramref name="probe"/>.</summary>
    /// <param name="probe">The key to search for.</param>
    public Position SeekAfter(TKey probe) => new(Seek(probe, strictlyAfter: true));

    #region skip-list-seek
    private Node? Seek(TKey probe, bool strictlyAfter)
    {
        var comparer = default(TComparer);
        // Walking right while "next < probe" stops before the first key >= probe; "next <= probe" stops
        // before the first key > probe.
        var limit = strictlyAfter ? 0 : -1;
        var node = _head;
        for (var level = _height - 1; level >= 0; level--)
        {
            var next = node.Next[level];
            while (next is not null && comparer.Compare(next.Key, probe) <= limit)
            {
                node = next;
                next = node.Next[level];
            }
        }

        return node.Next[0];
    }
    #endregion

    private int NextHeight()
    {
        // xorshift64*: two bits per level give the 1/4 promotion probability.
        _random ^= _random >> 12;
        _random ^= _random << 25;
        _random ^= _random >> 27;
        var bits = (_random * 0x2545F4914F6CDD1DUL) | (1UL << 62);
        return Math.Min(MaxHeight, 1 + (BitOperations.TrailingZeroCount(bits) / 2));
    }

    /// <summary>A place in the list: an entry, or past the end.</summary>
    /// <remarks>Positions survive later insertions; see the list's remarks.</remarks>
    public readonly struct Position
    {
        // The entry's node, or null past the end; a node's key and value never change.
        private readonly Node? _node;

        internal Position(Node? node) => _node = node;

        /// <summary>Gets whether the position stands on an entry.</summary>
        public bool IsValid => _node is not null;

        /// <summary>Gets the entry's key.</summary>
        /// <exception cref="InvalidOperationException">The position is past the end.</exception>
        public TKey Key => NodeOrThrow.Key;

        /// <summary>Gets the entry's value.</summary>
        /// <exception cref="InvalidOperationException">The position is past the end.</exception>
        public TValue Value => NodeOrThrow.Value;

        private Node NodeOrThrow => _node ?? throw new InvalidOperationException("The position is past the last entry.");

        /// <summary>Returns the position of the following entry, as the list stands now.</summary>
        /// <exception cref="InvalidOperationException">The position is past the end.</exception>
        public Position Next() => new(NodeOrThrow.Next[0]);
    }

    internal sealed class Node(TKey key, TValue value, int height)
    {
        public readonly TKey Key = key;
        public readonly TValue Value = value;
        public readonly Node?[] Next = new Node?[height];
    }
}
