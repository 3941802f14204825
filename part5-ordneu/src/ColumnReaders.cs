using System.Numerics;
using System.Runtime.CompilerServices;

namespace Traces.OrdNeu;

/// <summary>
/// Reads an <see cref="OffsetList"/> of the usual shape (one zero, then 32-bit offsets) through a span, for the
/// merge's copying loops.
/// </summary>
internal readonly ref struct OffsetReader
{
    // The list's offsets after its leading zero: _ends[i] is owner i's end and owner i + 1's start.
    private readonly ReadOnlySpan<uint> _ends;

    private OffsetReader(ReadOnlySpan<uint> ends)
    {
        _ends = ends;
    }

    /// <summary>Returns a reader over <paramref name="offsets"/>, or <see langword="false"/> if it has another shape.</summary>
    public static bool TryOpen(in OffsetList offsets, out OffsetReader reader)
    {
        reader = offsets.IsZeroThenNarrow ? new OffsetReader(offsets.Narrow.Items) : default;
        return offsets.IsZeroThenNarrow;
    }

    /// <summary>Returns where entry <paramref name="owner"/>'s range starts: offset <paramref name="owner"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Start(int owner) => owner == 0 ? 0 : (int)_ends[owner - 1];

    /// <summary>Returns where entry <paramref name="owner"/>'s range ends: offset <paramref name="owner"/> + 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int End(int owner) => (int)_ends[owner];
}

/// <summary>Reads one batch's update columns, and the offsets that divide them among owners, through spans.</summary>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
internal readonly ref struct UpdateReader<TTime, TDiff>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    public readonly OffsetReader Offsets;
    public readonly ReadOnlySpan<TTime> Times;
    public readonly ReadOnlySpan<TDiff> Diffs;

    private UpdateReader(OffsetReader offsets, ReadOnlySpan<TTime> times, ReadOnlySpan<TDiff> diffs)
    {
        Offsets = offsets;
        Times = times;
        Diffs = diffs;
    }

    /// <summary>Returns a reader over <paramref name="updates"/> divided by <paramref name="offsets"/>, unless the offsets have an unusual shape.</summary>
    public static bool TryOpen(in UpdateColumns<TTime, TDiff> updates, in OffsetList offsets, out UpdateReader<TTime, TDiff> reader)
    {
        bool usual = OffsetReader.TryOpen(offsets, out var offsetReader);
        reader = usual ? new UpdateReader<TTime, TDiff>(offsetReader, updates.Times.Items, updates.Diffs.Items) : default;
        return usual;
    }

    /// <summary>Returns the range of updates owned by <paramref name="owner"/>, decoding the singleton encoding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (int Lower, int Upper) Range(int owner)
    {
        int lower = Offsets.Start(owner);
        int upper = Offsets.End(owner);
        return lower == upper ? (lower - 1, upper) : (lower, upper);
    }
}
