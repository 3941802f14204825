using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>A fueled, compacting merge of two adjacent value batches.</summary>
/// <typeparam name="TBatch">The batch type (its layout).</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <typeparam name="TVals">The container for values.</typeparam>
/// <remarks>
/// <para>
/// The merge walks both batches' keys in order, one key at a time: a key on one side only is copied, a key on
/// both sides has its values merged. Every copied or merged value has its times advanced by the output's
/// <c>since</c> (the join of both inputs' and the compaction frontier), then is consolidated and written
/// through the singleton encoding, so compaction and cancellation happen as part of the merge.
/// </para>
/// <para>
/// <see cref="Work"/> stops before the next key once the effort (logical updates written) reaches the fuel, so
/// a merge can be spread over many calls; updates that cancel cost nothing.
/// </para>
/// </remarks>
public sealed class OrdValMerger<TBatch, TKey, TVal, TTime, TDiff, TKeys, TVals> : IMerger<TBatch, TTime>
    where TBatch : OrdValBatchBase<TBatch, TKey, TVal, TTime, TDiff, TKeys, TVals>, IOrdValBatch<TBatch, TKey, TVal, TTime, TDiff, TKeys, TVals>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
    where TVals : struct, IBatchContainer<TVals, TVal>
{
    private readonly TBatch _older;
    private readonly TBatch _newer;
    private readonly Description<TTime> _description;
    private readonly OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> _result;
    // The output's since, to advance the older input's times by; empty if its since already equals it.
    private readonly TTime[] _since1;
    // The output's since, to advance the newer input's times by; empty if its since already equals it.
    private readonly TTime[] _since2;
    // The output's since, or empty when neither input needs advancing (Work then copies runs whole).
    private readonly TTime[] _sinceBoth;
    private UpdateStash<TTime, TDiff> _stash = new();
    // Keys of the older input consumed so far; the output holds everything merged from before them.
    private int _cursor1;
    // Keys of the newer input consumed so far; the output holds everything merged from before them.
    private int _cursor2;
    // The batch Done built; null until the first Done, which every later call returns again.
    private TBatch? _merged;

    #region begin
    internal OrdValMerger(TBatch older, TBatch newer, Antichain<TTime> frontier)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(frontier);
        Merging.CheckAdjacent(older.Description, newer.Description);
        _older = older;
        _newer = newer;
        _description = Merging.Describe(older.Description, newer.Description, frontier);
        (_since1, _since2, _sinceBoth) =
            Merging.SinceFor(_description.Since, older.Description, newer.Description);
        _result = OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals>.MergeCapacity(
            older.Storage, newer.Storage, advancing: _sinceBoth.Length > 0);
    }
    #endregion

    /// <summary>Gets the description of the merged batch.</summary>
    public Description<TTime> Description => _description;

    /// <summary>Gets the effort spent so far: the logical updates written to the output.</summary>
    public long Effort => _result.UpdateCount;

    /// <summary>Gets how many keys of each input the merge has consumed; for inspection (the book draws it).</summary>
    public (int Older, int Newer) Positions => (_cursor1, _cursor2);

    /// <summary>Gets the output written so far, complete up to the last key merged; for inspection (the book draws it).</summary>
    public OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> Written => _result;

    /// <summary>Gets whether every key of both inputs has been merged.</summary>
    public bool IsComplete => _cursor1 == _older.Storage.KeyCount && _cursor2 == _newer.Storage.KeyCount;

    #region work
    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// <paramref name="older"/> or <paramref name="newer"/> is not the batch the merge began with.
    /// </exception>
    public void Work(TBatch older, TBatch newer, ref long fuel)
    {
        Merging.CheckInputs(_older, _newer, older, newer);
        long start = _result.UpdateCount;
        if (_sinceBoth.Length > 0 || !WorkCopying(older.Storage, newer.Storage, fuel))
        {
            WorkAdvancing(older.Storage, newer.Storage, fuel);
        }

        fuel -= _result.UpdateCount - start;
    }

    private void WorkAdvancing(
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> source1,
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> source2,
        long fuel)
    {
        int keys1 = source1.KeyCount;
        int keys2 = source2.KeyCount;
        long start = _result.UpdateCount;
        long effort = 0;

        while (_cursor1 < keys1 && _cursor2 < keys2 && effort < fuel)
        {
            MergeKey(source1, source2);
            effort = _result.UpdateCount - start;
        }

        // One side is exhausted: copy the rest key by key, so the copy too can stop when fuel runs out.
        while (_cursor1 < keys1 && effort < fuel)
        {
            CopyKey(source1, _cursor1++, _since1);
            effort = _result.UpdateCount - start;
        }

        while (_cursor2 < keys2 && effort < fuel)
        {
            CopyKey(source2, _cursor2++, _since2);
            effort = _result.UpdateCount - start;
        }
    }
    #endregion

    #region work-copying
    /// <summary>
    /// The same loop as <see cref="WorkAdvancing"/> for a merge that advances no time: it works on the
    /// columns' arrays through spans, with every count in a local, and copies runs of values in bulk.
    /// Returns <see langword="false"/>, having done nothing, if an offset list has an unusual shape.
    /// </summary>
    private bool WorkCopying(
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> storage1,
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> storage2,
        long fuel)
    {
        if (!OrdValReader<TKey, TVal, TTime, TDiff, TKeys, TVals>.TryOpen(storage1, out var source1)
            || !OrdValReader<TKey, TVal, TTime, TDiff, TKeys, TVals>.TryOpen(storage2, out var source2)
            || !_result.KeysOffs.IsZeroThenNarrow || !_result.ValsOffs.IsZeroThenNarrow)
        {
            return false;
        }

        #region copying-loop
        var output = new OrdValWriter<TKey, TVal, TTime, TDiff, TKeys, TVals>(_result);
        int cursor1 = _cursor1;
        int cursor2 = _cursor2;
        int keys1 = storage1.KeyCount;
        int keys2 = storage2.KeyCount;
        long start = output.Updates.Logical;

        while (cursor1 < keys1 && cursor2 < keys2 && output.Updates.Logical - start < fuel)
        {
            int order = source1.Keys.CompareAt(cursor1, source2.Keys, cursor2);
            if (order < 0)
            {
                output.CopyKey(source1, cursor1++);
            }
            else if (order > 0)
            {
                output.CopyKey(source2, cursor2++);
            }
            else
            {
                output.MergeKey(source1, cursor1++, source2, cursor2++);
            }
        }

        while (cursor1 < keys1 && output.Updates.Logical - start < fuel)
        {
            output.CopyKey(source1, cursor1++);
        }

        while (cursor2 < keys2 && output.Updates.Logical - start < fuel)
        {
            output.CopyKey(source2, cursor2++);
        }

        output.Close(_result);
        _cursor1 = cursor1;
        _cursor2 = cursor2;
        #endregion
        return true;
    }
    #endregion

    /// <inheritdoc />
    public TBatch Done()
    {
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

    #region merge-key
    private void MergeKey(
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> source1,
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> source2)
    {
        int order = source1.Keys.CompareAt(_cursor1, source2.Keys, _cursor2);
        if (order < 0)
        {
            CopyKey(source1, _cursor1++, _since1);
        }
        else if (order > 0)
        {
            CopyKey(source2, _cursor2++, _since2);
        }
        else
        {
            int valsBefore = _result.Vals.Count;
            var (lower1, upper1) = source1.ValsFor(_cursor1);
            var (lower2, upper2) = source2.ValsFor(_cursor2);
            while (lower1 < upper1 && lower2 < upper2)
            {
                int valOrder = source1.Vals.CompareAt(lower1, source2.Vals, lower2);
                if (valOrder < 0)
                {
                    CopyVal(source1, lower1++, _since1);
                }
                else if (valOrder > 0)
                {
                    CopyVal(source2, lower2++, _since2);
                }
                else
                {
                    MergeVals(source1, lower1++, source2, lower2++);
                }
            }

            while (lower1 < upper1)
            {
                CopyVal(source1, lower1++, _since1);
            }

            while (lower2 < upper2)
            {
                CopyVal(source2, lower2++, _since2);
            }

            SealKey(source1, _cursor1, valsBefore);
            _cursor1++;
            _cursor2++;
        }
    }
    #endregion

    private void CopyKey(
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> source, int key, TTime[] since)
    {
        int valsBefore = _result.Vals.Count;
        var (lower, upper) = source.ValsFor(key);
        for (int val = lower; val < upper; val++)
        {
            CopyVal(source, val, since);
        }

        SealKey(source, key, valsBefore);
    }

    #region copy-val
    private void CopyVal(
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> source, int val, TTime[] since)
    {
        var (lower, upper) = source.UpdatesFor(val);
        if (_result.Updates.CopyOwner(
            source.Updates, lower, upper, since, ref _stash, ref _result.ValsOffs))
        {
            _result.Vals.PushFrom(source.Vals, val);
        }
    }

    private void MergeVals(
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> source1, int val1,
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> source2, int val2)
    {
        var (lower1, upper1) = source1.UpdatesFor(val1);
        var (lower2, upper2) = source2.UpdatesFor(val2);
        if (_result.Updates.MergeOwners(
            source1.Updates, lower1, upper1, source2.Updates, lower2, upper2, _sinceBoth,
            ref _stash, ref _result.ValsOffs))
        {
            _result.Vals.PushFrom(source1.Vals, val1);
        }
    }
    #endregion

    private void SealKey(
        OrdValStorage<TKey, TVal, TTime, TDiff, TKeys, TVals> source, int key, int valsBefore)
    {
        if (_result.Vals.Count > valsBefore)
        {
            _result.Keys.PushFrom(source.Keys, key);
            _result.KeysOffs.Push(_result.Vals.Count);
        }
    }
}
