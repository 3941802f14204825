using Traces.OrdNeu;
using RunBatch = Traces.OrdNeu.OrdValBatch<Traces.Lsm.ByteString, Traces.Lsm.ByteString, Traces.Timestamp, long,
    Traces.OrdNeu.SliceContainer<Traces.Lsm.ByteString, byte, Traces.Lsm.ByteStringSlices>,
    Traces.OrdNeu.SliceContainer<Traces.Lsm.ByteString, byte, Traces.Lsm.ByteStringSlices>>;
using RunCursor = Traces.OrdNeu.OrdValCursor<
    Traces.Lsm.ByteString, Traces.Lsm.ByteString, Traces.Timestamp, long,
    Traces.OrdNeu.SliceContainer<Traces.Lsm.ByteString, byte, Traces.Lsm.ByteStringSlices>,
    Traces.OrdNeu.SliceContainer<Traces.Lsm.ByteString, byte, Traces.Lsm.ByteStringSlices>>;
using RunUpdate = Traces.Update<Traces.Lsm.ByteString, Traces.Lsm.ByteString, Traces.Timestamp, long>;

namespace Traces.Lsm;

/// <summary>
/// A versioned key-value store built as a log-structured merge tree: a mutable memtable, frozen memtables, and
/// sealed runs that are part 5 batches in a part 5 spine.
/// </summary>
/// <remarks>
/// <para>
/// Every write gets the next version (a trace time, starting at 1) and goes into the mutable
/// <see cref="MemTable"/>. <see cref="Freeze"/> sets that table aside, read-only; <see cref="Flush"/> turns the
/// oldest frozen table into a batch of updates (<c>+1 (key, new)</c> and <c>-1 (key, old)</c> at the write's
/// version) and inserts it into a <see cref="Spine{TBatch, TTime}"/>, which merges batches as it sees fit.
/// </para>
/// <para>
/// A read at version <c>v</c> sees exactly the writes at versions up to <c>v</c>. It captures the list of sources
/// once (mutable table, frozen tables newest first, the spine's batches newest first) and merges their iterators
/// with the newest source winning each key, so writes, freezes and flushes that happen while a scan is open
/// change nothing it returns. Reads at versions below <see cref="CompactionFrontier"/> are refused: that
/// frontier is the oldest version an open <see cref="LsmSnapshot"/> holds (or the latest version when none is
/// open), and the spine's merges, as well as each flush, may fold older versions together. The frontier moves
/// at flushes and when snapshots close. The store is not safe for concurrent use from several threads.
/// </para>
/// </remarks>
public sealed class LsmStore
{
    private readonly Spine<RunBatch, Timestamp> _spine = new();
    // Frozen memtables, newest first; Upper is one past each one's newest version (its run's upper).
    private readonly List<(MemTable Table, ulong Upper)> _frozen = [];
    // Open snapshots' versions to how many are open at each (never 0); the first bounds compaction.
    private readonly SortedDictionary<ulong, int> _openReads = [];
    private MemTable _mutable = new();
    // What a read started now consults; replaced, never changed, on freeze, flush and compaction.
    private Sources _sources;
    // The upper of the last flushed run, 0 before any: the next run's lower.
    private ulong _sealedUpper;

    /// <summary>Initializes an empty store.</summary>
    public LsmStore() => _sources = new Sources(_mutable, [], []);

    /// <summary>Gets the version of the latest write (0 before any write).</summary>
    public ulong Version { get; private set; }

    /// <summary>Gets the oldest version that may still be read.</summary>
    public ulong CompactionFrontier { get; private set; }

    /// <summary>Gets the number of frozen memtables waiting to be flushed.</summary>
    public int FrozenCount => _frozen.Count;

    /// <summary>Gets the number of sealed runs (non-empty batches in the spine).</summary>
    public int RunCount => _sources.Runs.Length;

    /// <summary>Gets the spine holding the sealed runs, for inspection.</summary>
    public Spine<RunBatch, Timestamp> Spine => _spine;

    /// <summary>
    /// Returns the sources a read started now would consult, newest first: the mutable memtable, the frozen
    /// memtables (newest first) and the sealed runs (newest first). For inspection: the book draws what each holds.
    /// </summary>
    public (MemTable Mutable, IReadOnlyList<MemTable> Frozen, IReadOnlyList<RunBatch> Runs) InspectSources() =>
        (_sources.Mutable, Array.AsReadOnly(_sources.Frozen), Array.AsReadOnly(_sources.Runs));

    /// <summary>Writes <paramref name="value"/> for <paramref name="key"/>.</summary>
    /// <param name="key">The key; copied.</param>
    /// <param name="value">The value; copied. Must not be empty (use <see cref="Delete"/>).</param>
    /// <returns>The write's version.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The key or the value is empty.</exception>
    public ulong Put(byte[] key, byte[] value)
    {
        KeyArguments.CheckKey(key, nameof(key));
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            throw new ArgumentException("An empty value is how a deletion is stored; call Delete to delete a key.", nameof(value));
        }

        return Write(key, value);
    }

    /// <summary>Deletes <paramref name="key"/> (writes a tombstone).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The write's version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public ulong Delete(byte[] key)
    {
        KeyArguments.CheckKey(key, nameof(key));
        return Write(key, []);
    }

    /// <summary>Reads the latest value of <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>A copy of the value, or <see langword="null"/> if the key has none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public byte[]? Get(byte[] key) => Get(key, Version);

    /// <summary>Reads the value <paramref name="key"/> had at <paramref name="version"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="version">The version to read at.</param>
    /// <returns>A copy of the value, or <see langword="null"/> if the key had none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="version"/> is below <see cref="CompactionFrontier"/> or above <see cref="Version"/>.
    /// </exception>
    public byte[]? Get(byte[] key, ulong version)
    {
        KeyArguments.CheckKey(key, nameof(key));
        var bound = Bound.Included(key);
        var scan = Scan(bound, bound, version);
        return scan.IsValid ? scan.Value.ToArray() : null;
    }

    /// <summary>Scans the latest values of the keys within the bounds, in key order.</summary>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound.</param>
    /// <exception cref="ArgumentException">The lower bound is above the upper bound.</exception>
    public FusedIterator<LsmIterator<TwoMergeIterator<MergeIterator<MemTableIterator>, MergeIterator<RunIterator<RunCursor>>>>> Scan(
        Bound lower, Bound upper) => Scan(lower, upper, Version);

    /// <summary>Scans the latest values of the keys within <paramref name="range"/>, in key order.</summary>
    /// <param name="range">The keys to scan.</param>
    public FusedIterator<LsmIterator<TwoMergeIterator<MergeIterator<MemTableIterator>, MergeIterator<RunIterator<RunCursor>>>>> Scan(
        KeyRange range) => Scan(range.Lower, range.Upper, Version);

    /// <summary>Scans the values the keys within the bounds had at <paramref name="version"/>, in key order.</summary>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound.</param>
    /// <param name="version">The version to read at.</param>
    /// <exception cref="ArgumentException">The lower bound is above the upper bound.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="version"/> is below <see cref="CompactionFrontier"/> or above <see cref="Version"/>.
    /// </exception>
    #region store-scan
    public FusedIterator<LsmIterator<TwoMergeIterator<
        MergeIterator<MemTableIterator>, MergeIterator<RunIterator<RunCursor>>>>> Scan(
        Bound lower, Bound upper, ulong version)
    {
        Bound.CheckRange(lower, upper);
        CheckReadable(version);
        var sources = _sources; // one consistent list of sources for the whole scan

        var tables = new MemTableIterator[1 + sources.Frozen.Length];
        tables[0] = sources.Mutable.Scan(lower, upper, version);
        for (var i = 0; i < sources.Frozen.Length; i++)
        {
            tables[i + 1] = sources.Frozen[i].Scan(lower, upper, version);
        }

        var runs = new RunIterator<RunCursor>[sources.Runs.Length];
        for (var i = 0; i < runs.Length; i++)
        {
            runs[i] = new RunIterator<RunCursor>(sources.Runs[i].GetCursor(), lower, upper, version);
        }

        var merged = new TwoMergeIterator<
            MergeIterator<MemTableIterator>, MergeIterator<RunIterator<RunCursor>>>(
            new MergeIterator<MemTableIterator>(tables),
            new MergeIterator<RunIterator<RunCursor>>(runs));
        return new(new(merged, upper));
    }
    #endregion

    /// <summary>Sets the mutable memtable aside, read-only, and starts a new one.</summary>
    /// <returns><see langword="false"/> if the mutable memtable was empty (nothing changes).</returns>
    public bool Freeze()
    {
        if (_mutable.IsEmpty)
        {
            return false;
        }

        _mutable.Freeze();
        _frozen.Insert(0, (_mutable, Version + 1));
        _mutable = new MemTable();
        Publish();
        return true;
    }

    /// <summary>Turns the oldest frozen memtable into a sealed batch in the spine.</summary>
    /// <returns><see langword="false"/> if no memtable was frozen (nothing changes).</returns>
    #region store-flush
    public bool Flush()
    {
        if (_frozen.Count == 0)
        {
            return false;
        }

        var (table, upper) = _frozen[^1];
        AdvanceCompaction();
        var since = CompactionFrontier;
        var updates = new List<RunUpdate>(2 * table.Count);
        var previous = new PreviousValues(_sources.Runs);
        var versions = new List<(ulong Version, ReadOnlyMemory<byte> Value)>();
        for (var position = table.FirstEntry; position.IsValid;)
        {
            // One key's writes, newest first in the table; replay them oldest first.
            var key = position.Key.Key;
            versions.Clear();
            for (;
                position.IsValid && position.Key.Key.Span.SequenceEqual(key.Span);
                position = position.Next())
            {
                versions.Add((position.Key.Version, position.Value));
            }

            var sharedKey = ByteString.Share(key);
            var before = previous.Of(sharedKey);
            for (var i = versions.Count - 1; i >= 0; i--)
            {
                // Versions below the frontier are advanced to it: no reader can
                // tell them apart any more.
                var time = new Timestamp(Math.Max(versions[i].Version, since));
                if (before is { } old)
                {
                    updates.Add(new RunUpdate(sharedKey, old, time, -1));
                }

                before = versions[i].Value.IsEmpty ? null : ByteString.Share(versions[i].Value);
                if (before is { } added)
                {
                    updates.Add(new RunUpdate(sharedKey, added, time, +1));
                }
            }
        }

        Consolidation.Consolidate(updates);
        var builder = RunBatch.CreateBuilder(updates.Count, updates.Count, updates.Count);
        foreach (var update in updates)
        {
            builder.Push(update);
        }

        _spine.Insert(builder.Done(new Description<Timestamp>([_sealedUpper], [upper], [since])));
        _spine.SetPhysicalCompaction([upper]);
        _sealedUpper = upper;
        _frozen.RemoveAt(_frozen.Count - 1);
        Publish();
        return true;
    }
    #endregion

    /// <summary>Opens a snapshot at the latest version: reads through it stay exact until it is disposed.</summary>
    public LsmSnapshot OpenSnapshot()
    {
        var version = Version;
        _openReads[version] = _openReads.GetValueOrDefault(version) + 1;
        return new LsmSnapshot(this, version);
    }

    /// <summary>Releases a snapshot's hold on its version and lets compaction move past it.</summary>
    internal void CloseSnapshot(ulong version)
    {
        if (--_openReads[version] == 0)
        {
            _openReads.Remove(version);
        }

        AdvanceCompaction();
    }

    private ulong Write(byte[] key, byte[] value)
    {
        var version = Version + 1;
        _mutable.Put(key, value, version);
        Version = version;
        return version;
    }

    private void CheckReadable(ulong version)
    {
        if (version < CompactionFrontier || version > Version)
        {
            throw new ArgumentOutOfRangeException(
                nameof(version),
                version,
                $"Readable versions are {CompactionFrontier} to {Version}: older ones may have been compacted (open a snapshot to keep a version), newer ones do not exist yet.");
        }
    }

    private void AdvanceCompaction()
    {
        var frontier = Version;
        foreach (var (version, _) in _openReads)
        {
            frontier = Math.Min(frontier, version);
            break; // the dictionary is sorted: the first is the oldest
        }

        if (frontier > CompactionFrontier)
        {
            CompactionFrontier = frontier;
            _spine.SetLogicalCompaction([frontier]);
            Publish();
        }
    }

    private void Publish()
    {
        var frozen = new MemTable[_frozen.Count];
        for (var i = 0; i < frozen.Length; i++)
        {
            frozen[i] = _frozen[i].Table;
        }

        var runs = _spine.Batches();
        var newestFirst = new RunBatch[runs.Count];
        for (var i = 0; i < newestFirst.Length; i++)
        {
            newestFirst[i] = runs[runs.Count - 1 - i];
        }

        _sources = new Sources(_mutable, frozen, newestFirst);
    }

    /// <summary>What a read looks at: captured once per read, replaced (never changed) by freezes and flushes.</summary>
    private sealed record Sources(MemTable Mutable, MemTable[] Frozen, RunBatch[] Runs);

    /// <summary>Looks up, for keys asked in ascending order, the latest value the sealed runs hold.</summary>
    private readonly struct PreviousValues
    {
        // One iterator per sealed run, newest first; each only moves forward, so keys must ascend.
        private readonly RunIterator<RunCursor>[] _runs;

        public PreviousValues(RunBatch[] newestFirst)
        {
            _runs = new RunIterator<RunCursor>[newestFirst.Length];
            for (var i = 0; i < _runs.Length; i++)
            {
                _runs[i] = new RunIterator<RunCursor>(newestFirst[i].GetCursor(), Bound.Unbounded, Bound.Unbounded, ulong.MaxValue);
            }
        }

        public ByteString? Of(ByteString key)
        {
            foreach (var run in _runs)
            {
                run.SeekForward(key);
                if (run.IsValid && run.Key.Span.SequenceEqual(key.Span))
                {
                    // The newest run with an answer decides; a tombstone means "no value".
                    return run.Value.IsEmpty ? null : ByteString.Share(run.Value);
                }
            }

            return null;
        }
    }
}
