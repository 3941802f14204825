using System.Numerics;
using Traces.Tries;

namespace Traces.Index;

/// <summary>
/// Part 3's trie trace plus an index from each key to its positions in the tries, and batched look-ups of sorted
/// keys.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// <para>
/// Storage, stacking and merging are <see cref="TrieTrace{TKey, TVal, TTime, TDiff}"/>'s. A
/// <see cref="KeyIndex{TKey, TVal, TTime, TDiff}"/> follows every change to the stack (a trie added, two tries
/// merged, all tries compacted), so <see cref="Get"/> costs one hash look-up and reads only the tries that hold
/// the key, instead of a binary search in every trie.
/// </para>
/// <para>
/// <see cref="GetCursor"/> reads through the same index: a seek from the cursor's start jumps to the tries that hold
/// the key (<see cref="IndexedTraceCursor{TKey, TVal, TTime, TDiff}"/>).
/// <see cref="GetSorted"/> answers a sorted batch of keys without the index: it keeps one finger per trie that
/// only moves forward, by galloping (<see cref="KeySearch.Gallop{TKey}"/>), so nearby keys cost little and the
/// tries are read in order.
/// </para>
/// </remarks>
public sealed class IndexedTrace<TKey, TVal, TTime, TDiff> : TrieTrace<TKey, TVal, TTime, TDiff>,
    INavigableTrace<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    private readonly KeyIndex<TKey, TVal, TTime, TDiff> _index = new();

    /// <summary>Gets the number of distinct keys in the index (keys held by some trie, even if they cancel across tries).</summary>
    public int IndexedKeyCount => _index.KeyCount;

    /// <summary>
    /// Returns the trie at <paramref name="index"/> of the stack, largest first; for inspection (the book draws it).
    /// </summary>
    /// <param name="index">
    /// A position in the stack, from 0 to <see cref="TrieTrace{TKey, TVal, TTime, TDiff}.TrieCount"/> - 1.
    /// </param>
    public Trie<TKey, TVal, TTime, TDiff> TrieAt(int index) => Tries[index];

    /// <summary>
    /// Returns the <c>(trie, offset)</c> positions the index holds for <paramref name="key"/>, newest first; for
    /// inspection (the book draws it).
    /// </summary>
    /// <param name="key">The key.</param>
    public KeyIndex<TKey, TVal, TTime, TDiff>.PositionEnumerator IndexedPositions(TKey key) => _index.Positions(key);

    /// <summary>Gets the index, for tests that check it against the tries.</summary>
    internal KeyIndex<TKey, TVal, TTime, TDiff> Index => _index;

    /// <summary>Gets the tries, largest first, for tests that check the index against them.</summary>
    internal Trie<TKey, TVal, TTime, TDiff>[] StackedTries => Tries.ToArray();

    #region hooks
    /// <inheritdoc />
    protected override void OnTrieAdded(Trie<TKey, TVal, TTime, TDiff> trie) => _index.Add(trie);

    /// <inheritdoc />
    protected override void OnTriesMerged(
        Trie<TKey, TVal, TTime, TDiff> older,
        Trie<TKey, TVal, TTime, TDiff> newer,
        Trie<TKey, TVal, TTime, TDiff> merged) =>
        _index.Replace(older, newer, merged);

    /// <inheritdoc />
    protected override void OnTriesCleared() => _index.Clear();
    #endregion

    /// <inheritdoc />
    public override IEnumerable<Update<TKey, TVal, TTime, TDiff>> Get(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);

        #region get
        var positions = _index.Positions(key);
        if (!positions.MoveNext())
        {
            return Version.Guard(Array.Empty<Update<TKey, TVal, TTime, TDiff>>());
        }

        var (trie, offset) = positions.Current;
        if (!positions.MoveNext())
        {
            // The common case: one trie holds the key, and its updates are already sorted and consolidated.
            var updates = new Update<TKey, TVal, TTime, TDiff>[trie.UpdateCountOf(offset)];
            trie.CopyUpdates(offset, updates);
            return Version.Guard(updates);
        }

        var buffer = new UpdateBuffer<TKey, TVal, TTime, TDiff>();
        buffer.Append(trie, offset);
        do
        {
            buffer.Append(positions.Current.Trie, positions.Current.Offset);
        }
        while (positions.MoveNext());

        buffer.Consolidate();
        return Version.Guard(buffer.Updates.ToArray());
        #endregion
    }

    /// <summary>
    /// Returns a cursor at the trace's first key, valid until the trace changes; a seek from its start goes through
    /// the index.
    /// </summary>
    public new IndexedTraceCursor<TKey, TVal, TTime, TDiff> GetCursor() => new(Version, Tries, _index);

    /// <inheritdoc />
    ITraceCursor<TKey, TVal, TTime, TDiff> INavigableTrace<TKey, TVal, TTime, TDiff>.GetCursor() => GetCursor();

    /// <summary>
    /// Looks up a batch of keys sorted in ascending order (repeats allowed), appending the updates of each, as
    /// <see cref="Get"/> would return them, to <paramref name="output"/>.
    /// </summary>
    /// <param name="keys">The keys, ascending; a key may repeat, and is then answered again.</param>
    /// <param name="output">The list the updates are appended to.</param>
    /// <param name="ends">
    /// Receives, for each key, the length of <paramref name="output"/> after its updates were appended; the updates
    /// of <c>keys[i]</c> are <c>output[ends[i - 1]..ends[i]]</c> (from the list's original length for the first).
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> or a key is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="keys"/> is not in ascending order, or <paramref name="ends"/> is not as long as it; nothing is appended.
    /// </exception>
    public void GetSorted(ReadOnlySpan<TKey> keys, List<Update<TKey, TVal, TTime, TDiff>> output, Span<int> ends)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (ends.Length != keys.Length)
        {
            throw new ArgumentException($"The ends span has length {ends.Length}; it must be as long as the {keys.Length} keys.", nameof(ends));
        }

        for (int q = 0; q < keys.Length; q++)
        {
            ArgumentNullException.ThrowIfNull(keys[q], nameof(keys));
            if (q > 0 && Ordering.Compare(keys[q - 1], keys[q]) > 0)
            {
                throw new ArgumentException($"Key {q} is less than key {q - 1}: batched look-ups need ascending keys.", nameof(keys));
            }
        }

        #region get-sorted
        var tries = Tries;
        Span<int> fingers = stackalloc int[tries.Length];
        var buffer = new UpdateBuffer<TKey, TVal, TTime, TDiff>();
        for (int q = 0; q < keys.Length; q++)
        {
            buffer.Clear();
            for (int t = 0; t < tries.Length; t++)
            {
                // Keys ascend, so each finger only moves forward; it stays on a
                // match, in case the key repeats.
                var layer = tries[t].Keys;
                fingers[t] += KeySearch.Gallop(layer[fingers[t]..], keys[q]);
                if (fingers[t] < layer.Length && Ordering.Compare(layer[fingers[t]].Key, keys[q]) == 0)
                {
                    buffer.Append(tries[t], fingers[t]);
                }
            }

            buffer.Consolidate();
            output.AddRange(buffer.Updates);
            ends[q] = output.Count;
        }
        #endregion
    }
}
