using System.Numerics;

namespace Traces;

/// <summary>
/// Navigation over a trace: a position among its keys, in ascending order, and within the current key among its
/// values, in ascending order, with the current value's history of <c>(time, diff)</c> pairs.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// <para>
/// A cursor visits exactly the keys and values whose histories are not empty, each once, in the order of
/// <see cref="Ordering"/>. A new cursor, and a cursor after <see cref="RewindKeys"/>, is at the first key and its
/// first value. Seeks only move forward: seeking to a key or value before the current one leaves the cursor where it
/// is, so a batch of ascending look-ups is a run of seeks that never go back (a finger per stored run, in the parts
/// that keep several).
/// </para>
/// <para>
/// Nothing a cursor hands out is allocated per key or per value: <see cref="Key"/> and <see cref="Val"/> are the
/// stored items, and <see cref="History"/> is a span over storage or over a buffer the cursor reuses, valid until
/// the cursor next moves.
/// </para>
/// <para>
/// A cursor reads the trace as it was when the cursor was created. Once the trace changes (an <c>Add</c> of at
/// least one update, or an <c>AdvanceBy</c>), every member throws <see cref="InvalidOperationException"/>, as a
/// .NET collection's enumerator does: it never returns data from a trace that has moved on.
/// </para>
/// </remarks>
#region trace-cursor
public interface ITraceCursor<TKey, TVal, TTime, TDiff>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
        IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
{
    /// <summary>Gets whether the cursor is at a key (not past the last).</summary>
    bool KeyValid { get; }

    /// <summary>Gets whether the cursor is at a value of the current key.</summary>
    bool ValValid { get; }

    /// <summary>Gets the current key.</summary>
    /// <exception cref="InvalidOperationException">The cursor is past the last key.</exception>
    TKey Key { get; }

    /// <summary>Gets the current value.</summary>
    /// <exception cref="InvalidOperationException">The cursor is past the last value.</exception>
    TVal Val { get; }

    /// <summary>
    /// Gets the current value's history: its <c>(time, diff)</c> pairs sorted by time,
    /// consolidated (no time twice, no zero diff) and not empty. Times may have been advanced
    /// by the compaction frontier. Valid until the cursor next moves.
    /// </summary>
    /// <exception cref="InvalidOperationException">The cursor is past the last value.</exception>
    ReadOnlySpan<(TTime Time, TDiff Diff)> History { get; }

    /// <summary>Moves to the next key and its first value.</summary>
    void StepKey();

    /// <summary>
    /// Moves forward to the first key greater than or equal to <paramref name="key"/>, and
    /// its first value.
    /// </summary>
    /// <param name="key">The key sought.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    void SeekKey(TKey key);

    /// <summary>Moves to the next value of the current key.</summary>
    void StepVal();

    /// <summary>
    /// Moves forward to the first value of the current key greater than or equal to
    /// <paramref name="val"/>.
    /// </summary>
    /// <param name="val">The value sought.</param>
    /// <exception cref="ArgumentNullException"><paramref name="val"/> is null.</exception>
    void SeekVal(TVal val);

    /// <summary>Moves back to the first key and its first value.</summary>
    void RewindKeys();

    /// <summary>Moves back to the first value of the current key.</summary>
    void RewindVals();
}
#endregion
