using Traces.Lsm;
using Traces.OrdNeu;
using RunBatch = Traces.OrdNeu.OrdValBatch<Traces.Lsm.ByteString, Traces.Lsm.ByteString, Traces.Timestamp, long,
    Traces.OrdNeu.SliceContainer<Traces.Lsm.ByteString, byte, Traces.Lsm.ByteStringSlices>,
    Traces.OrdNeu.SliceContainer<Traces.Lsm.ByteString, byte, Traces.Lsm.ByteStringSlices>>;
using RunCursor = Traces.OrdNeu.OrdValCursor<
    Traces.Lsm.ByteString, Traces.Lsm.ByteString, Traces.Timestamp, long,
    Traces.OrdNeu.SliceContainer<Traces.Lsm.ByteString, byte, Traces.Lsm.ByteStringSlices>,
    Traces.OrdNeu.SliceContainer<Traces.Lsm.ByteString, byte, Traces.Lsm.ByteStringSlices>>;

namespace Exercises.Ch12;

#region reverse-scan
/// <summary>A store's scan from the upper bound down: the merge of every source, run
/// backwards.</summary>
public static class ReverseScan
{
    public static IEnumerable<(byte[] Key, byte[] Value)> Scan(
        LsmStore store, Bound lower, Bound upper, ulong version)
    {
        ArgumentNullException.ThrowIfNull(store);
        Bound.CheckRange(lower, upper);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, store.CompactionFrontier);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, store.Version);
        var (mutable, frozen, runs) = store.InspectSources(); // one consistent list, newest first
        var sources = new List<Source> { new TableSource(mutable, version) };
        sources.AddRange(frozen.Select(table => new TableSource(table, version)));
        sources.AddRange(runs.Select(run => new RunSource(run, version)));
        foreach (var source in sources)
        {
            source.Start(upper, lower);
        }

        return Merge(sources, lower);
    }

    private static IEnumerable<(byte[] Key, byte[] Value)> Merge(List<Source> sources, Bound lower)
    {
        while (true)
        {
            // The largest key any source offers; on a tie the newest source (lowest index) wins.
            Source? winner = null;
            foreach (var source in sources)
            {
                if (source.IsValid && (winner is null
                    || ByteOrder.CompareSpans(source.Key, winner.Key) > 0))
                {
                    winner = source;
                }
            }

            if (winner is null)
            {
                yield break;
            }

            var key = winner.Key.ToArray();
            var value = winner.Value.ToArray();
            foreach (var source in sources)
            {
                // Every source standing on the key steps back past it, the winner included.
                if (source.IsValid && source.Key.SequenceEqual(key))
                {
                    source.StepBack(lower);
                }
            }

            if (value.Length > 0) // an empty value is a tombstone
            {
                yield return (key, value);
            }
        }
    }
#endregion

    #region reverse-source
    /// <summary>One source read backwards: its distinct keys by index, and its answer for
    /// each.</summary>
    private abstract class Source
    {
        private int _index = -1;
        private ReadOnlyMemory<byte> _value;

        public bool IsValid => _index >= 0;

        public ReadOnlySpan<byte> Key => KeyAt(_index);

        public ReadOnlySpan<byte> Value => _value.Span;

        protected abstract int KeyCount { get; }

        protected abstract ReadOnlySpan<byte> KeyAt(int index);

        /// <summary>The source's answer for key <paramref name="index"/> at the read version, if
        /// any.</summary>
        protected abstract bool TryAnswer(int index, out ReadOnlyMemory<byte> value);

        public void Start(Bound upper, Bound lower)
        {
            // Binary search: the keys the upper bound admits are a prefix.
            int low = 0, high = KeyCount;
            while (low < high)
            {
                int middle = low + ((high - low) / 2);
                (low, high) = upper.AdmitsBelow(KeyAt(middle)) ? (middle + 1, high) : (low, middle);
            }

            _index = low;
            StepBack(lower);
        }

        public void StepBack(Bound lower)
        {
            // Back to the previous key this source has an answer for, or off the front.
            for (_index--; _index >= 0; _index--)
            {
                if (!lower.AdmitsAbove(KeyAt(_index)))
                {
                    _index = -1;
                    return;
                }

                if (TryAnswer(_index, out _value))
                {
                    return;
                }
            }
        }
    }

    private sealed class TableSource : Source
    {
        private readonly MemTable _table;
        private readonly ulong _version;
        private readonly List<ReadOnlyMemory<byte>> _keys = [];

        public TableSource(MemTable table, ulong version)
        {
            (_table, _version) = (table, version);
            foreach (var (versioned, _) in table.Entries())
            {
                if (_keys.Count == 0 || !_keys[^1].Span.SequenceEqual(versioned.Key.Span))
                {
                    _keys.Add(versioned.Key);
                }
            }
        }

        protected override int KeyCount => _keys.Count;

        protected override ReadOnlySpan<byte> KeyAt(int index) => _keys[index].Span;

        // The newest write at or below the version; none if every write of the key is newer.
        protected override bool TryAnswer(int index, out ReadOnlyMemory<byte> value) =>
            _table.TryGet(_keys[index].Span, _version, out value);
    }

    private sealed class RunSource(RunBatch run, ulong version) : Source
    {
        protected override int KeyCount => run.Storage.KeyCount;

        protected override ReadOnlySpan<byte> KeyAt(int index) => run.Storage.KeyAt(index).Span;

        protected override bool TryAnswer(int index, out ReadOnlyMemory<byte> value)
        {
            // The run's own rule, through its iterator over the one key: a value, a tombstone, or
            // nothing.
            var key = Bound.Included(KeyAt(index));
            var one = new RunIterator<RunCursor>(run.GetCursor(), key, key, version);
            value = one.IsValid ? one.Value : default;
            return one.IsValid;
        }
    }
    #endregion
}
