namespace Traces.OrdNeu;

/// <summary>Receives the <c>(time, diff)</c> pairs a cursor visits.</summary>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
public interface IUpdateVisitor<TTime, TDiff>
{
    /// <summary>Receives one update.</summary>
    /// <param name="time">The update's time.</param>
    /// <param name="diff">The update's diff.</param>
    void Visit(TTime time, TDiff diff);
}

/// <summary>
/// Navigation over a sorted set of updates: a position among the keys and, within the current key, among its
/// values.
/// </summary>
/// <typeparam name="TSelf">The implementing cursor, a struct.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// Cursors are structs used as generic type arguments (as in <see cref="CursorList{TCursor, TKey, TVal, TTime, TDiff}"/>),
/// so their members are called directly. Seeks only move forward: seeking to a key before the current one
/// leaves the cursor where it is.
/// </remarks>
public interface ICursor<TSelf, TKey, TVal, TTime, TDiff>
    where TSelf : struct, ICursor<TSelf, TKey, TVal, TTime, TDiff>
{
    /// <summary>Gets whether the cursor is at a key (not past the last).</summary>
    bool KeyValid { get; }

    /// <summary>Gets whether the cursor is at a value of the current key (not past its last).</summary>
    bool ValValid { get; }

    /// <summary>Gets the current key. Valid only when <see cref="KeyValid"/>.</summary>
    TKey Key { get; }

    /// <summary>Gets the current value. Valid only when <see cref="ValValid"/>.</summary>
    TVal Val { get; }

    /// <summary>Visits the <c>(time, diff)</c> pairs of the current value, in time order.</summary>
    /// <typeparam name="TVisitor">The visitor, a struct so the calls are direct.</typeparam>
    /// <param name="visitor">The visitor.</param>
    void MapTimes<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IUpdateVisitor<TTime, TDiff>;

    /// <summary>Moves to the next key and its first value.</summary>
    void StepKey();

    /// <summary>Moves forward to the first key greater than or equal to <paramref name="key"/>, and its first value.</summary>
    /// <param name="key">The key sought.</param>
    void SeekKey(TKey key);

    /// <summary>Moves to the next value of the current key.</summary>
    void StepVal();

    /// <summary>Moves forward to the first value of the current key greater than or equal to <paramref name="val"/>.</summary>
    /// <param name="val">The value sought.</param>
    void SeekVal(TVal val);

    /// <summary>Moves back to the first key and its first value.</summary>
    void RewindKeys();

    /// <summary>Moves back to the first value of the current key.</summary>
    void RewindVals();

    /// <summary>Compares the current keys of this cursor and <paramref name="other"/> (both valid), without materializing them.</summary>
    /// <param name="other">Another cursor of the same kind.</param>
    int CompareKey(in TSelf other);

    /// <summary>Compares the current values of this cursor and <paramref name="other"/> (both valid), without materializing them.</summary>
    /// <param name="other">Another cursor of the same kind.</param>
    int CompareVal(in TSelf other);
}

/// <summary>Adapts a delegate to <see cref="IUpdateVisitor{TTime, TDiff}"/>, for callers outside hot paths.</summary>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <param name="action">The delegate to call for each update.</param>
public readonly struct DelegateVisitor<TTime, TDiff>(Action<TTime, TDiff> action) : IUpdateVisitor<TTime, TDiff>
{
    /// <inheritdoc />
    public void Visit(TTime time, TDiff diff) => action(time, diff);
}
