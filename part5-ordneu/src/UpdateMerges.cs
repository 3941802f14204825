using System.Numerics;
using System.Runtime.CompilerServices;

namespace Traces.OrdNeu;

/// <summary>How a merge writes one owner's updates: copied as they are, or advanced by a frontier first.</summary>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
internal interface IUpdateMerge<TTime, TDiff>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    /// <summary>Gets whether every owner copied from one input survives, so runs of owners can be copied in bulk.</summary>
    static abstract bool CopiesRuns { get; }

    /// <summary>Writes <paramref name="owner"/>'s updates from the older (or newer) input; returns whether any survived.</summary>
    bool Copy(UpdateLayer<TTime, TDiff> output, in UpdateView<TTime, TDiff> source, int owner, bool older);

    /// <summary>Writes the updates of an owner present in both inputs; returns whether any survived.</summary>
    bool Merge(UpdateLayer<TTime, TDiff> output, in UpdateView<TTime, TDiff> first, int owner1, in UpdateView<TTime, TDiff> second, int owner2);
}

/// <summary>The mode of a merge that advances no time: inputs are sorted and consolidated, and are copied as they are.</summary>
internal readonly struct CopyingUpdates<TTime, TDiff> : IUpdateMerge<TTime, TDiff>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    /// <inheritdoc />
    public static bool CopiesRuns => true;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Copy(
        UpdateLayer<TTime, TDiff> output, in UpdateView<TTime, TDiff> source, int owner, bool older)
    {
        output.CopyOwner(source, owner);
        return true;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Merge(UpdateLayer<TTime, TDiff> output, in UpdateView<TTime, TDiff> first, int owner1, in UpdateView<TTime, TDiff> second, int owner2) =>
        output.MergeOwners(first, owner1, second, owner2);
}

/// <summary>
/// The mode of a merge that advances times: each input whose <c>since</c> differs from the output's has its
/// times advanced, sorted and consolidated; an input whose <c>since</c> is the output's is copied.
/// </summary>
internal readonly struct AdvancingUpdates<TTime, TDiff> : IUpdateMerge<TTime, TDiff>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    // The output's since, to advance the older input's times by; empty if its since already equals it.
    private readonly TTime[] _older;
    // The output's since, to advance the newer input's times by; empty if its since already equals it.
    private readonly TTime[] _newer;
    // The output's since, for owners present in both inputs; never empty.
    private readonly TTime[] _both;
    private readonly UpdateStash<TTime, TDiff> _stash;

    public AdvancingUpdates(TTime[] older, TTime[] newer, TTime[] both)
    {
        _older = older;
        _newer = newer;
        _both = both;
        _stash = new UpdateStash<TTime, TDiff>();
    }

    /// <inheritdoc />
    public static bool CopiesRuns => false;

    #region advancing-copy
    /// <inheritdoc />
    public bool Copy(
        UpdateLayer<TTime, TDiff> output, in UpdateView<TTime, TDiff> source, int owner, bool older)
    {
        TTime[] since = older ? _older : _newer;
        if (since.Length == 0)
        {
            output.CopyOwner(source, owner);
            return true;
        }

        return output.AdvanceOwner(source, owner, since, _stash);
    }
    #endregion

    /// <inheritdoc />
    public bool Merge(UpdateLayer<TTime, TDiff> output, in UpdateView<TTime, TDiff> first, int owner1, in UpdateView<TTime, TDiff> second, int owner2) =>
        output.AdvanceOwners(first, owner1, second, owner2, _both, _stash);
}

/// <summary>The updates that entries own (values of a value batch, keys of a key batch), written in a mode.</summary>
internal readonly ref struct UpdatesOwned<TTime, TDiff, TMode> : IOwnedMerge
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TMode : struct, IUpdateMerge<TTime, TDiff>
{
    public readonly UpdateLayer<TTime, TDiff> Output;
    public readonly UpdateView<TTime, TDiff> Older;
    public readonly UpdateView<TTime, TDiff> Newer;
    private readonly TMode _mode;

    public UpdatesOwned(UpdateLayer<TTime, TDiff> output, UpdateLayer<TTime, TDiff> older, UpdateLayer<TTime, TDiff> newer, TMode mode)
    {
        Output = output;
        Older = older.View;
        Newer = newer.View;
        _mode = mode;
    }

    /// <inheritdoc />
    public long Effort
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Output.LogicalCount;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Copy(int entry, bool older) => _mode.Copy(Output, in older ? ref Older : ref Newer, entry, older);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Merge(int older, int newer) => _mode.Merge(Output, Older, older, Newer, newer);
}

/// <summary>The values that keys of a value batch own, each with its updates, written in a mode.</summary>
internal ref struct ValuesOwned<TVal, TVals, TTime, TDiff, TMode> : IOwnedMerge
    where TVals : struct, IBatchContainer<TVals, TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TMode : struct, IUpdateMerge<TTime, TDiff>
{
    private readonly ValueLayer<TVal, TVals> _output;
    private readonly ValueView<TVal, TVals> _older;
    private readonly ValueView<TVal, TVals> _newer;
    private UpdatesOwned<TTime, TDiff, TMode> _updates;

    public ValuesOwned(ValueLayer<TVal, TVals> output, ValueLayer<TVal, TVals> older, ValueLayer<TVal, TVals> newer, UpdatesOwned<TTime, TDiff, TMode> updates)
    {
        _output = output;
        _older = older.View;
        _newer = newer.View;
        _updates = updates;
    }

    /// <inheritdoc />
    public readonly long Effort
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _updates.Effort;
    }

    #region values-copy
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Copy(int entry, bool older)
    {
        ref readonly var source = ref older ? ref _older : ref _newer;
        int before = _output.Count;
        var (lower, upper) = source.Range(entry);
        if (TMode.CopiesRuns && upper - lower > 1)
        {
            // Nothing cancels: the values and their updates are copied as one run.
            ref readonly var updates = ref older ? ref _updates.Older : ref _updates.Newer;
            _updates.Output.CopyOwners(updates, lower, upper);
            for (int val = lower; val < upper; val++)
            {
                _output.Items.PushFrom(source.Items, val);
            }
        }
        else
        {
            for (int val = lower; val < upper; val++)
            {
                CopyValue(val, older);
            }
        }

        return _output.EndOwner(before);
    }
    #endregion

    #region values-merge
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Merge(int older, int newer)
    {
        int before = _output.Count;
        var (lower1, upper1) = _older.Range(older);
        var (lower2, upper2) = _newer.Range(newer);
        if (upper1 - lower1 == 1 && upper2 - lower2 == 1)
        {
            // The common case of one value on each side (a key updated once per batch).
            MergeOneEach(lower1, lower2);
        }
        else
        {
            MergeValues(lower1, upper1, lower2, upper2);
        }

        return _output.EndOwner(before);
    }

    // Merges a key's only value on each side: one value merged, or two copied in order.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MergeOneEach(int val1, int val2)
    {
        int order = _older.Items.CompareAt(val1, _newer.Items, val2);
        if (order == 0)
        {
            if (_updates.Merge(val1, val2))
            {
                _output.Items.PushFrom(_older.Items, val1);
            }

            return;
        }

        // Two distinct values: each is copied, the smaller first.
        if (order < 0)
        {
            CopyValue(val1, older: true);
            CopyValue(val2, older: false);
        }
        else
        {
            CopyValue(val2, older: false);
            CopyValue(val1, older: true);
        }
    }
    #endregion

    // Copies one value of the older (or newer) input with its updates, unless they all cancel.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CopyValue(int val, bool older)
    {
        if (_updates.Copy(val, older))
        {
            _output.Items.PushFrom(in older ? ref _older.Items : ref _newer.Items, val);
        }
    }

    // The values of a key with several on either side, by the one merge loop; not inlined into the key loop.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MergeValues(int lower1, int upper1, int lower2, int upper2)
    {
        LayerMerge.Merge<TVal, TVals, UpdatesOwned<TTime, TDiff, TMode>>(
            ref _output.Items, _older.Items, ref lower1, upper1, _newer.Items, ref lower2, upper2, _updates, long.MaxValue);
    }
}
