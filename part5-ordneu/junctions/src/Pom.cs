using System.Diagnostics.CodeAnalysis;

namespace Traces.Junctions;

/// <summary>
/// A table: storing a value gives it an <see cref="Id"/> to fetch it by. Ids start at 1, grow by one per insert
/// and are never reused, so iteration in id order is iteration in insertion order.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <remarks>
/// Entries sit in two parallel arrays, ids ascending, since a new id is always the largest: an insert appends. A
/// remove only marks its entry dead; once the dead outnumber the living the arrays are compacted. Look-ups are a
/// binary search. Iterators remember the last id they returned and binary-search past it on every step, so they
/// follow the passage rule and do not care when compaction moves entries.
/// </remarks>
public sealed class Pom<T> : Sequence<(Id Id, T Value)>
{
    // Slot i's id; strictly ascending over [0, _length), as ids are issued in order.
    private ulong[] _ids = new ulong[8];
    // Slot i's value; default once slot i's entry is removed.
    private T[] _values = new T[8];
    // Whether slot i's entry is present; Remove compacts once dead slots outnumber live ones.
    private bool[] _live = new bool[8];
    private int _length;
    // The last id issued, 0 before any: ids only grow and are never reused.
    private ulong _lastId;

    /// <summary>Gets the number of entries.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the id the next <see cref="Insert"/> will issue.</summary>
    public Id NextId => new(_lastId + 1);

    /// <summary>Gets or replaces the value stored under <paramref name="id"/>.</summary>
    /// <param name="id">The id.</param>
    /// <exception cref="KeyNotFoundException">No entry has <paramref name="id"/> (never issued, or removed).</exception>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public T this[Id id]
    {
        get => TryGet(id, out T? value) ? value : throw Missing(id);
        set
        {
            Guard.NotNull(value);
            int index = IndexOf(id);
            if (index < 0)
            {
                throw Missing(id);
            }

            _values[index] = value;
        }
    }

    /// <summary>Stores <paramref name="value"/> under a new id.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The new id, one greater than the last one issued.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public Id Insert(T value)
    {
        Guard.NotNull(value);
        if (_length == _ids.Length)
        {
            Array.Resize(ref _ids, _length * 2);
            Array.Resize(ref _values, _length * 2);
            Array.Resize(ref _live, _length * 2);
        }

        _lastId++;
        _ids[_length] = _lastId;
        _values[_length] = value;
        _live[_length] = true;
        _length++;
        Count++;
        return new Id(_lastId);
    }

    /// <summary>Removes the entry <paramref name="id"/>.</summary>
    /// <param name="id">The id.</param>
    /// <returns>Whether there was such an entry (<see langword="false"/> for an id removed before or never issued).</returns>
    public bool Remove(Id id)
    {
        int index = IndexOf(id);
        if (index < 0)
        {
            return false;
        }

        _live[index] = false;
        _values[index] = default!;
        Count--;
        if (Count < (_length - Count))
        {
            Compact();
        }

        return true;
    }

    /// <summary>Returns whether there is an entry <paramref name="id"/>.</summary>
    /// <param name="id">The id.</param>
    public bool Contains(Id id) => IndexOf(id) >= 0;

    /// <summary>Returns the value stored under <paramref name="id"/>, or none for an id removed or never issued.</summary>
    /// <param name="id">The id.</param>
    public Optional<T> Get(Id id) => TryGet(id, out T? value) ? Optional<T>.Some(value) : Optional<T>.None;

    /// <summary>Looks up the value stored under <paramref name="id"/>.</summary>
    /// <param name="id">The id.</param>
    /// <param name="value">The value, when found.</param>
    /// <returns>Whether there is an entry <paramref name="id"/>.</returns>
    public bool TryGet(Id id, [MaybeNullWhen(false)] out T value)
    {
        int index = IndexOf(id);
        value = index >= 0 ? _values[index] : default;
        return index >= 0;
    }

    /// <inheritdoc />
    public override Passage<(Id Id, T Value)> Iterate() => new PomPassage(this);

    private static KeyNotFoundException Missing(Id id) => new($"The table has no entry {id}: it was removed or never issued.");

    private int IndexOf(Id id)
    {
        int index = Array.BinarySearch(_ids, 0, _length, id.Value);
        return index >= 0 && _live[index] ? index : -1;
    }

    // The index of the first entry with an id greater than (or equal to, when inclusive) the given one.
    private int LowerBound(ulong id, bool inclusive)
    {
        int index = Array.BinarySearch(_ids, 0, _length, id);
        return index < 0 ? ~index : inclusive ? index : index + 1;
    }

    private void Compact()
    {
        int kept = 0;
        for (int i = 0; i < _length; i++)
        {
            if (_live[i])
            {
                _ids[kept] = _ids[i];
                _values[kept] = _values[i];
                _live[kept] = true;
                kept++;
            }
        }

        Array.Clear(_values, kept, _length - kept);
        Array.Clear(_live, kept, _length - kept);
        _length = kept;
    }

    private sealed class PomPassage(Pom<T> pom) : Passage<(Id Id, T Value)>
    {
        // Every id at or below it has been passed from the front; 0 at the start.
        private ulong _front;
        // Every id at or above it has been passed from the back; MaxValue at the start.
        private ulong _back = ulong.MaxValue;
        // Set once either end finds nothing between _front and _back: no more items.
        private bool _exhausted;

        public override bool TryNext(out (Id Id, T Value) item)
        {
            int index = _exhausted ? pom._length : pom.LowerBound(_front, inclusive: false);
            while (index < pom._length && !pom._live[index])
            {
                index++;
            }

            return Yield(index < pom._length && pom._ids[index] < _back, index, ref _front, out item);
        }

        public override bool TryNextBack(out (Id Id, T Value) item)
        {
            int index = _exhausted ? -1 : pom.LowerBound(_back, inclusive: true) - 1;
            while (index >= 0 && !pom._live[index])
            {
                index--;
            }

            return Yield(index >= 0 && pom._ids[index] > _front, index, ref _back, out item);
        }

        private bool Yield(bool found, int index, ref ulong end, out (Id Id, T Value) item)
        {
            if (!found)
            {
                _exhausted = true;
                item = default;
                return false;
            }

            end = pom._ids[index];
            item = (new Id(end), pom._values[index]);
            return true;
        }
    }
}
