namespace Traces.Junctions;

/// <summary>Where a <see cref="Probe{TKey, TVal}"/> sits relative to the pairs of its key.</summary>
public enum ProbeEdge : byte
{
    /// <summary>Before every pair of the key.</summary>
    BeforeKey,

    /// <summary>Exactly at the pair <c>(key, value)</c>.</summary>
    AtPair,

    /// <summary>After every pair of the key.</summary>
    AfterKey,
}

/// <summary>
/// A point in the order of <c>(key, value)</c> pairs from which a store seeks the next pair after it or the last
/// pair before it: a pair, or the gap before or after all pairs of a key.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <param name="Key">The key.</param>
/// <param name="Value">The value; meaningful only for <see cref="ProbeEdge.AtPair"/>.</param>
/// <param name="Edge">Where the probe sits among the pairs of <paramref name="Key"/>.</param>
public readonly record struct Probe<TKey, TVal>(TKey Key, TVal Value, ProbeEdge Edge)
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
{
    /// <summary>The probe before every pair of <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    public static Probe<TKey, TVal> BeforeKey(TKey key) => new(key, default!, ProbeEdge.BeforeKey);

    /// <summary>The probe after every pair of <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    public static Probe<TKey, TVal> AfterKey(TKey key) => new(key, default!, ProbeEdge.AfterKey);

    /// <summary>The probe at the pair <c>(key, value)</c>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public static Probe<TKey, TVal> At(TKey key, TVal value) => new(key, value, ProbeEdge.AtPair);

    #region compare-pair
    /// <summary>
    /// Compares the pair <c>(key, value)</c> with this probe: negative when the pair comes first.
    /// </summary>
    /// <param name="key">The pair's key.</param>
    /// <param name="value">The pair's value.</param>
    public int ComparePair(TKey key, TVal value)
    {
        int byKey = Ordering.Compare(key, Key);
        if (byKey != 0)
        {
            return byKey;
        }

        return Edge switch
        {
            ProbeEdge.BeforeKey => 1,
            ProbeEdge.AfterKey => -1,
            _ => Ordering.Compare(value, Value),
        };
    }
    #endregion
}
