using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>A fueled, compacting merge of two adjacent batches: what the key and the value batch mergers share.</summary>
/// <typeparam name="TBatch">The batch type (its layout).</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <typeparam name="TStorage">The storage of the batch kind.</typeparam>
/// <remarks>
/// <para>
/// The merge walks both batches' keys in order with <see cref="LayerMerge.Merge"/>: a key on one side only is
/// copied, a key on both sides has what it owns merged (its values by the same loop, or its updates). Every
/// update is written through the output's <see cref="UpdateLayer{TTime, TDiff}"/> in one of two modes, chosen
/// once when the merge begins: copied as it is, when no input's times need advancing, or advanced by the
/// output's <c>since</c>, consolidated and written through the singleton encoding, so that compaction and
/// cancellation happen as part of the merge.
/// </para>
/// <para>
/// <see cref="Work"/> stops before the next key once the effort (logical updates written) reaches the fuel, so
/// a merge can be spread over many calls; updates that cancel cost nothing.
/// </para>
/// </remarks>
public abstract class OrdMerger<TBatch, TKey, TTime, TDiff, TKeys, TStorage> : IMerger<TBatch, TTime>
    where TBatch : class, IOrdBatch<TBatch, TTime, TStorage>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
    where TStorage : OrdStorage<TKey, TTime, TDiff, TKeys>
{
    private readonly TBatch _older;
    private readonly TBatch _newer;
    private readonly Description<TTime> _description;
    // How updates are written when some input's times need advancing; null when none do, and the merge copies.
    private readonly AdvancingUpdates<TTime, TDiff>? _advancing;
    // The output, complete up to the keys before the positions.
    private protected readonly TStorage _result;
    // Keys of the older input consumed so far; the output holds everything merged from before them.
    private protected int _position1;
    // Keys of the newer input consumed so far; the output holds everything merged from before them.
    private protected int _position2;
    // The batch Done built; null until the first Done, which every later call returns again.
    private TBatch? _merged;
    // Set when a call to Work threw part way (a key or value comparison that throws): the output then holds part
    // of an entry, and the merge refuses to go on.
    private bool _faulted;

    #region begin
    private protected OrdMerger(TBatch older, TBatch newer, Antichain<TTime> frontier,
        Func<TStorage, TStorage, bool, TStorage> mergeCapacity)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(frontier);
        Merging.CheckAdjacent(older.Description, newer.Description);
        _older = older;
        _newer = newer;
        _description = Merging.Describe(older.Description, newer.Description, frontier);
        var (since1, since2, sinceBoth) =
            Merging.SinceFor(_description.Since, older.Description, newer.Description);
        _advancing = sinceBoth.Length > 0
            ? new AdvancingUpdates<TTime, TDiff>(since1, since2, sinceBoth)
            : null;
        _result = mergeCapacity(older.Storage, newer.Storage, _advancing.HasValue);
    }
    #endregion

    /// <summary>Gets the description of the merged batch.</summary>
    public Description<TTime> Description => _description;

    /// <summary>Gets the effort spent so far: the logical updates written to the output.</summary>
    public long Effort => _result.UpdateCount;

    /// <summary>Gets how many keys of each input the merge has consumed; for inspection (the book draws it).</summary>
    public (int Older, int Newer) Positions => (_position1, _position2);

    /// <summary>Gets the output written so far, complete up to the last key merged; for inspection (the book draws it).</summary>
    public TStorage Written => _result;

    /// <summary>Gets whether every key of both inputs has been merged.</summary>
    public bool IsComplete => _position1 == _older.Storage.KeyCount && _position2 == _newer.Storage.KeyCount;

    #region work
    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// <paramref name="older"/> or <paramref name="newer"/> is not the batch the merge began with.
    /// </exception>
    /// <exception cref="InvalidOperationException">An earlier call threw part way.</exception>
    /// <remarks>
    /// If a key or value comparison throws, the exception propagates, the inputs are unchanged,
    /// and the merger refuses every later call: its output would hold part of an entry.
    /// </remarks>
    public void Work(TBatch older, TBatch newer, ref long fuel)
    {
        Merging.CheckInputs(_older, _newer, older, newer);
        ThrowIfFaulted();
        long start = _result.UpdateCount;

        // The merge stops before the next key once the output's logical updates reach the limit.
        long limit = fuel > long.MaxValue - start ? long.MaxValue : start + fuel;
        try
        {
            if (_advancing is { } advancing)
            {
                MergeKeys(older.Storage, newer.Storage, advancing, limit);
            }
            else
            {
                MergeKeys(older.Storage, newer.Storage, default(CopyingUpdates<TTime, TDiff>), limit);
            }
        }
        catch
        {
            _faulted = true;
            throw;
        }

        fuel -= _result.UpdateCount - start;
    }
    #endregion

    /// <summary>Merges keys from the positions on, in <paramref name="mode"/>, until the effort reaches <paramref name="limit"/>.</summary>
    private protected abstract void MergeKeys<TMode>(TStorage older, TStorage newer, TMode mode, long limit)
        where TMode : struct, IUpdateMerge<TTime, TDiff>;

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The merge is not complete, or a call to <see cref="Work"/> threw.</exception>
    public TBatch Done()
    {
        ThrowIfFaulted();
        if (!IsComplete)
        {
            throw new InvalidOperationException("The merge is not complete: call Work until it leaves fuel unspent.");
        }

        if (_merged is null)
        {
            _result.TrimExcess();
            _merged = TBatch.Create(_result, _description);
        }

        return _merged;
    }

    private void ThrowIfFaulted()
    {
        if (_faulted)
        {
            throw new InvalidOperationException("A comparison threw during an earlier call to Work; the merge cannot go on.");
        }
    }
}
