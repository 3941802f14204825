namespace Traces;

/// <summary>
/// One update to a time-varying collection: at <see cref="Time"/>, the count of record
/// <c>(<see cref="Key"/>, <see cref="Val"/>)</c> changes by <see cref="Diff"/>.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <param name="Key">The record's key.</param>
/// <param name="Val">The record's value.</param>
/// <param name="Time">The time at which the change happens.</param>
/// <param name="Diff">The change in count (may be negative).</param>
#region update
public readonly record struct Update<TKey, TVal, TTime, TDiff>(
    TKey Key, TVal Val, TTime Time, TDiff Diff);
#endregion
