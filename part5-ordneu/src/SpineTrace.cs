using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>
/// A trace made of a merge batcher in front of a fueled spine of batches: what <see cref="OrdValTrace{TKey, TVal,
/// TTime, TDiff}"/> and <see cref="OrdKeyTrace{TKey, TTime, TDiff}"/> share.
/// </summary>
/// <typeparam name="TBatch">The batch type the spine holds.</typeparam>
/// <typeparam name="TCursor">The batch cursor type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// <para>
/// <see cref="Add"/> pushes the updates into the batcher and, once the batcher holds at least
/// <see cref="SealThreshold"/> updates, seals at the next time bound: the join of every time added so far. Updates at
/// that bound stay in the batcher (their time is not yet before any bound); the rest become a batch that the spine
/// takes in, paying for a bounded amount of merging. The bound only moves forward; while it does not move, or while
/// the batcher holds fewer updates than the threshold, updates wait in the batcher's sorted chains, where reads see
/// them too.
/// </para>
/// <para>
/// The contract lets updates arrive at any time, even before times already sealed, so a batch's description says
/// when its updates were sealed: its upper bounds every time in it, its lower does not (see
/// <see cref="Description{TTime}"/>). Nothing depends on more than that: merges decide what to advance from the
/// inputs' <c>Since</c>, not their lowers, and reads go through every batch.
/// </para>
/// <para>
/// <see cref="GetCursor"/> reads the spine's batches and the updates still in the batcher through one
/// <see cref="SpineTraceCursor{TCursor, TKey, TVal, TTime, TDiff}"/>, which advances times by the compaction frontier
/// and consolidates; <see cref="Get"/> and <see cref="Keys"/> read through the same cursor. Results and cursors
/// follow the contract's <see cref="TraceVersion"/> rule: once the trace changes they throw.
/// <see cref="AdvanceBy"/> sets the spine's logical compaction frontier (applied by the merges that begin afterwards)
/// and moves its physical frontier along: the trace never reads through an earlier bound, so sealed batches may merge
/// at once.
/// </para>
/// </remarks>
public abstract class SpineTrace<TBatch, TCursor, TKey, TVal, TTime, TDiff> : INavigableTrace<TKey, TVal, TTime, TDiff>
    where TBatch : class, IBatch<TBatch, TTime>
    where TCursor : struct, ICursor<TCursor, TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    /// <summary>
    /// The default <see cref="SealThreshold"/>: an eighth of a batcher chunk, about 1 KiB of updates (32 updates of
    /// 32 bytes), small enough that a seal's fuel keeps the slowest <see cref="Add"/> where sealing every time did.
    /// </summary>
    public static int DefaultSealThreshold { get; } = Math.Max(1, MergeBatcher<TKey, TVal, TTime, TDiff>.ChunkCapacity / 8);

    private readonly MergeBatcher<TKey, TVal, TTime, TDiff> _batcher = new();
    private readonly Spine<TBatch, TTime> _spine;
    private readonly TraceVersion _version = new();
    private Antichain<TTime> _frontier = Antichain<TTime>.AtMinimum();
    // The join of every time added; Add seals the batcher up to it once it has moved past _sealed.
    private TTime _bound = TTime.Minimum;
    // The bound of the last seal (the batcher's lower); never after _bound.
    private TTime _sealed = TTime.Minimum;
    // What reads share while _readVersion is the trace's version: the batches, the frontier's elements
    // (empty for the minimum), and the cursor Get reuses; the batcher's runs are prepared for that version.
    private int _readVersion;
    private TBatch[]? _readBatches;
    private TTime[] _readFrontier = [];
    private SpineTraceCursor<TCursor, TKey, TVal, TTime, TDiff>? _getCursor;

    /// <summary>Initializes an empty trace.</summary>
    /// <param name="effort">The spine's fuel multiplier, at least 1.</param>
    /// <param name="policy">Whether the spine's merges are fueled or run to completion at once.</param>
    /// <param name="sealThreshold">
    /// How many updates the batcher gathers before <see cref="Add"/> seals them into a batch, at least 1;
    /// <see cref="DefaultSealThreshold"/> unless given.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="effort"/> or <paramref name="sealThreshold"/> is less than 1.
    /// </exception>
    private protected SpineTrace(long effort, SpineMergePolicy policy, int? sealThreshold)
    {
        _spine = new Spine<TBatch, TTime>(effort, policy);
        SealThreshold = sealThreshold ?? DefaultSealThreshold;
        ArgumentOutOfRangeException.ThrowIfLessThan(SealThreshold, 1, nameof(sealThreshold));
    }

    /// <inheritdoc />
    public TraceGuarantees Guarantees => TraceGuarantees.Sorted;

    /// <summary>
    /// Gets how many updates the batcher gathers before <see cref="Add"/> seals the ones before the time bound
    /// into a batch for the spine.
    /// </summary>
    public int SealThreshold { get; }

    /// <summary>Gets the number of batches in the spine that hold updates.</summary>
    public int BatchCount => _spine.Batches().Count;

    /// <summary>Gets the number of updates waiting in the batcher to be sealed.</summary>
    public long UnsealedCount => _batcher.Count;

    /// <inheritdoc />
    #region add
    public void Add(IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates)
    {
        var batch = TraceArguments.ToCheckedArray(updates);
        if (batch.Length == 0)
        {
            return;
        }

        _version.Changed();
        _batcher.Push(batch);
        foreach (var update in batch)
        {
            _bound = _bound.Join(update.Time);
        }

        // Seal only when the bound has moved (a batch must cover some times), and only once the
        // batcher holds enough updates that a batch, and the spine's work to take it in, are worth it.
        if (!_bound.LessEqual(_sealed) && _batcher.Count >= SealThreshold)
        {
            var upper = new Antichain<TTime>(_bound);
            _spine.Insert(Seal(_batcher, upper));
            _spine.SetPhysicalCompaction(Antichain<TTime>.Join(_spine.PhysicalCompaction, upper));
            _sealed = _bound;
        }
    }
    #endregion

    #region cursor
    /// <summary>
    /// Returns a cursor at the trace's first key and its first value, over the spine's batches and
    /// the updates still in the batcher, valid until the trace changes.
    /// </summary>
    public SpineTraceCursor<TCursor, TKey, TVal, TTime, TDiff> GetCursor()
    {
        var batches = ReadBatches();
        var runs = new UpdateRunCursor<TKey, TVal, TTime, TDiff>[_batcher.RunCount];
        for (int i = 0; i < runs.Length; i++)
        {
            var items = _batcher.RunArray(i, out int count, out var fences);
            runs[i] = new(items, count, fences);
        }

        return new(_version, CreateCursorList(batches), new(runs), _readFrontier);
    }

    /// <inheritdoc />
    ITraceCursor<TKey, TVal, TTime, TDiff> INavigableTrace<TKey, TVal, TTime, TDiff>.GetCursor() =>
        GetCursor();

    // The spine's batches and the frontier's elements, gathered once per version of the trace; the
    // first read of a version also prepares the batcher's runs, before any cursor of it reads them.
    private TBatch[] ReadBatches()
    {
        if (_readBatches is null || _readVersion != _version.Value)
        {
            _batcher.PrepareRuns();
            _readBatches = [.. _spine.Batches()];
            _readFrontier = _frontier.LessEqual(TTime.Minimum) ? [] : _frontier.Elements.ToArray();
            _readVersion = _version.Value;
            _getCursor = null;
        }

        return _readBatches;
    }
    #endregion

    /// <inheritdoc />
    #region get
    public IEnumerable<Update<TKey, TVal, TTime, TDiff>> Get(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);

        // One cursor serves every Get until the trace changes: a look-up rewinds it and seeks.
        ReadBatches();
        var cursor = _getCursor ??= GetCursor();
        cursor.RewindKeys();
        cursor.SeekKey(key);
        var updates = new List<Update<TKey, TVal, TTime, TDiff>>();
        if (cursor.KeyValid && Ordering.Compare(cursor.Key, key) == 0)
        {
            for (; cursor.ValValid; cursor.StepVal())
            {
                TVal val = cursor.Val;
                foreach (var (time, diff) in cursor.History)
                {
                    updates.Add(new(key, val, time, diff));
                }
            }
        }

        return _version.Guard(updates);
    }
    #endregion

    /// <inheritdoc />
    #region keys
    public IEnumerable<TKey> Keys() => _version.Guard(KeysFromCursor());

    // Each enumeration walks a cursor of its own; the guard has checked the version before it starts.
    private IEnumerable<TKey> KeysFromCursor()
    {
        for (var cursor = GetCursor(); cursor.KeyValid; cursor.StepKey())
        {
            yield return cursor.Key;
        }
    }
    #endregion

    /// <inheritdoc />
    #region advance-by
    public void AdvanceBy(Antichain<TTime> frontier)
    {
        TraceArguments.CheckFrontierAdvance(_frontier, frontier);
        _frontier = frontier;
        _version.Changed();
        _spine.SetLogicalCompaction(frontier);
        _spine.SetPhysicalCompaction(Antichain<TTime>.Join(_spine.PhysicalCompaction, frontier));
    }
    #endregion

    /// <summary>Seals the batcher's updates before <paramref name="upper"/> into a batch.</summary>
    /// <param name="batcher">The batcher.</param>
    /// <param name="upper">The batch's upper frontier.</param>
    private protected abstract TBatch Seal(MergeBatcher<TKey, TVal, TTime, TDiff> batcher, Antichain<TTime> upper);

    /// <summary>Creates a cursor list over <paramref name="batches"/>.</summary>
    /// <param name="batches">The batches, oldest first.</param>
    private protected abstract CursorList<TCursor, TKey, TVal, TTime, TDiff> CreateCursorList(IReadOnlyList<TBatch> batches);
}
