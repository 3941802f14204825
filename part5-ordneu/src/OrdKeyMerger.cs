using System.Numerics;
using System.Runtime.CompilerServices;

namespace Traces.OrdNeu;

/// <summary>A fueled, compacting merge of two adjacent key batches.</summary>
/// <typeparam name="TBatch">The batch type (its layout).</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <remarks>
/// The value merger without the value layer: keys on one side are copied, keys on both sides have their
/// updates stashed together; either way times are advanced by the output's <c>since</c>, consolidated, and
/// written through the singleton encoding. Effort and fuel work as in
/// <see cref="OrdValMerger{TBatch, TKey, TVal, TTime, TDiff, TKeys, TVals}"/>.
/// </remarks>
public sealed class OrdKeyMerger<TBatch, TKey, TTime, TDiff, TKeys> : IMerger<TBatch, TTime>
    where TBatch : OrdKeyBatchBase<TBatch, TKey, TTime, TDiff, TKeys>, IOrdKeyBatch<TBatch, TKey, TTime, TDiff, TKeys>
    where TKey : IComparable<TKey>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
{
    private readonly TBatch _older;
    private readonly TBatch _newer;
    private readonly Description<TTime> _description;
    private readonly OrdKeyStorage<TKey, TTime, TDiff, TKeys> _result;
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

    internal OrdKeyMerger(TBatch older, TBatch newer, Antichain<TTime> frontier)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(frontier);
        Merging.CheckAdjacent(older.Description, newer.Description);
        _older = older;
        _newer = newer;
        _description = Merging.Describe(older.Description, newer.Description, frontier);
        (_since1, _since2, _sinceBoth) = Merging.SinceFor(_description.Since, older.Description, newer.Description);
        _result = OrdKeyStorage<TKey, TTime, TDiff, TKeys>.MergeCapacity(older.Storage, newer.Storage, advancing: _sinceBoth.Length > 0);
    }

    /// <summary>Gets the description of the merged batch.</summary>
    public Description<TTime> Description => _description;

    /// <summary>Gets the effort spent so far: the logical updates written to the output.</summary>
    public long Effort => _result.UpdateCount;

    /// <summary>Gets whether every key of both inputs has been merged.</summary>
    public bool IsComplete => _cursor1 == _older.Storage.KeyCount && _cursor2 == _newer.Storage.KeyCount;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="older"/> or <paramref name="newer"/> is not the batch the merge began with.</exception>
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

    private void WorkAdvancing(OrdKeyStorage<TKey, TTime, TDiff, TKeys> source1, OrdKeyStorage<TKey, TTime, TDiff, TKeys> source2, long fuel)
    {
        int keys1 = source1.KeyCount;
        int keys2 = source2.KeyCount;
        long start = _result.UpdateCount;
        long effort = 0;

        while (_cursor1 < keys1 && _cursor2 < keys2 && effort < fuel)
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
                MergeKeys(source1, _cursor1++, source2, _cursor2++);
            }

            effort = _result.UpdateCount - start;
        }

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

    /// <summary>
    /// The same loop as <see cref="WorkAdvancing"/> for a merge that advances no time, on the columns' arrays
    /// through spans with every count in a local, as the value merger's copying loop. Returns
    /// <see langword="false"/>, having done nothing, if an offset list has an unusual shape.
    /// </summary>
    private bool WorkCopying(OrdKeyStorage<TKey, TTime, TDiff, TKeys> storage1, OrdKeyStorage<TKey, TTime, TDiff, TKeys> storage2, long fuel)
    {
        if (!UpdateReader<TTime, TDiff>.TryOpen(storage1.Updates, storage1.KeysOffs, out var source1)
            || !UpdateReader<TTime, TDiff>.TryOpen(storage2.Updates, storage2.KeysOffs, out var source2)
            || !_result.KeysOffs.IsZeroThenNarrow)
        {
            return false;
        }

        var output = new UpdateWriter<TTime, TDiff>(_result.Updates, _result.KeysOffs);
        TKeys keys = _result.Keys;
        TKeys keys1 = storage1.Keys;
        TKeys keys2 = storage2.Keys;
        int cursor1 = _cursor1;
        int cursor2 = _cursor2;
        long start = output.Logical;

        while (cursor1 < keys1.Count && cursor2 < keys2.Count && output.Logical - start < fuel)
        {
            int order = keys1.CompareAt(cursor1, keys2, cursor2);
            if (order < 0)
            {
                CopyKey(ref output, ref keys, source1, keys1, cursor1++);
            }
            else if (order > 0)
            {
                CopyKey(ref output, ref keys, source2, keys2, cursor2++);
            }
            else
            {
                if (output.MergeOwners(source1, cursor1, source2, cursor2))
                {
                    keys.PushFrom(keys1, cursor1);
                }

                cursor1++;
                cursor2++;
            }
        }

        while (cursor1 < keys1.Count && output.Logical - start < fuel)
        {
            CopyKey(ref output, ref keys, source1, keys1, cursor1++);
        }

        while (cursor2 < keys2.Count && output.Logical - start < fuel)
        {
            CopyKey(ref output, ref keys, source2, keys2, cursor2++);
        }

        output.Close(ref _result.Updates, ref _result.KeysOffs);
        _result.Keys = keys;
        _cursor1 = cursor1;
        _cursor2 = cursor2;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyKey(ref UpdateWriter<TTime, TDiff> output, ref TKeys keys, in UpdateReader<TTime, TDiff> source, in TKeys sourceKeys, int key)
    {
        output.CopyOwner(source, key);
        keys.PushFrom(sourceKeys, key);
    }

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

    private void CopyKey(OrdKeyStorage<TKey, TTime, TDiff, TKeys> source, int key, TTime[] since)
    {
        var (lower, upper) = source.UpdatesFor(key);
        if (_result.Updates.CopyOwner(source.Updates, lower, upper, since, ref _stash, ref _result.KeysOffs))
        {
            _result.Keys.PushFrom(source.Keys, key);
        }
    }

    private void MergeKeys(OrdKeyStorage<TKey, TTime, TDiff, TKeys> source1, int key1, OrdKeyStorage<TKey, TTime, TDiff, TKeys> source2, int key2)
    {
        var (lower1, upper1) = source1.UpdatesFor(key1);
        var (lower2, upper2) = source2.UpdatesFor(key2);
        if (_result.Updates.MergeOwners(source1.Updates, lower1, upper1, source2.Updates, lower2, upper2, _sinceBoth, ref _stash, ref _result.KeysOffs))
        {
            _result.Keys.PushFrom(source1.Keys, key1);
        }
    }
}
