namespace Traces.OrdNeu;

/// <summary>
/// The navigation a <see cref="CursorList{TCursor, TKey, TVal, TTime, TDiff}"/> offers, without its cursor type:
/// for code that reads a trace and should not name the layout of its batches.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
public interface ICursorList<TKey, TVal, TTime, TDiff>
{
    /// <summary>Gets whether the cursor is at a key.</summary>
    bool KeyValid { get; }

    /// <summary>Gets whether the cursor is at a value of the current key.</summary>
    bool ValValid { get; }

    /// <summary>Gets the smallest current key. Valid only when <see cref="KeyValid"/>.</summary>
    TKey Key { get; }

    /// <summary>Gets the smallest current value of the current key. Valid only when <see cref="ValValid"/>.</summary>
    TVal Val { get; }

    /// <summary>Calls <paramref name="action"/> for the updates of the current <c>(key, value)</c> in every batch; callers consolidate.</summary>
    /// <param name="action">The action.</param>
    void MapTimes(Action<TTime, TDiff> action);

    /// <summary>Moves to the next key.</summary>
    void StepKey();

    /// <summary>Moves forward to the first key greater than or equal to <paramref name="key"/>.</summary>
    /// <param name="key">The key sought.</param>
    void SeekKey(TKey key);

    /// <summary>Moves to the next value of the current key.</summary>
    void StepVal();

    /// <summary>Moves forward to the first value greater than or equal to <paramref name="val"/>.</summary>
    /// <param name="val">The value sought.</param>
    void SeekVal(TVal val);

    /// <summary>Moves back to the first key.</summary>
    void RewindKeys();

    /// <summary>Moves back to the first value of the current key.</summary>
    void RewindVals();
}
