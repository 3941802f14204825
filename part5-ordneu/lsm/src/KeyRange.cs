namespace Traces.Lsm;

/// <summary>A range of keys: a lower and an upper <see cref="Bound"/>, checked to be in order.</summary>
/// <remarks>
/// C#'s <c>a..b</c> syntax builds a <see cref="Range"/> of <see cref="Index"/> values, which are positions, not
/// keys, so it cannot name a key range directly. This type mirrors its meaning instead: <see cref="From(byte[], byte[])"/>
/// is <c>a..b</c> (start included, end excluded), <see cref="StartingAt"/> is <c>a..</c>, <see cref="Before"/> is
/// <c>..b</c> and <see cref="All"/> is <c>..</c>. Where keys are numbered, <see cref="FromRange"/> converts a real
/// <see cref="Range"/> through a numbering function.
/// </remarks>
public readonly record struct KeyRange
{
    /// <summary>Initializes a range from two bounds.</summary>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound.</param>
    /// <exception cref="ArgumentException">The lower bound's key sorts after the upper bound's key.</exception>
    public KeyRange(Bound lower, Bound upper)
    {
        Bound.CheckRange(lower, upper);
        Lower = lower;
        Upper = upper;
    }

    /// <summary>Gets the range of every key, like <c>..</c>.</summary>
    public static KeyRange All => default;

    /// <summary>Gets the lower bound.</summary>
    public Bound Lower { get; }

    /// <summary>Gets the upper bound.</summary>
    public Bound Upper { get; }

    /// <summary>The keys from <paramref name="start"/> (included) up to <paramref name="end"/> (excluded), like <c>start..end</c>.</summary>
    /// <param name="start">The first key of the range.</param>
    /// <param name="end">The first key after the range.</param>
    public static KeyRange From(byte[] start, byte[] end) => new(Bound.Included(start), Bound.Excluded(end));

    /// <summary>The keys from <paramref name="start"/> on, like <c>start..</c>.</summary>
    /// <param name="start">The first key of the range.</param>
    public static KeyRange StartingAt(byte[] start) => new(Bound.Included(start), Bound.Unbounded);

    /// <summary>The keys below <paramref name="end"/>, like <c>..end</c>.</summary>
    /// <param name="end">The first key after the range.</param>
    public static KeyRange Before(byte[] end) => new(Bound.Unbounded, Bound.Excluded(end));

    /// <summary>
    /// Converts a C# <see cref="Range"/> over key numbers into a key range: the start is included, the end
    /// excluded, and an end of <c>^0</c> means no upper limit.
    /// </summary>
    /// <param name="range">The range of key numbers, such as <c>3..7</c> or <c>3..</c>.</param>
    /// <param name="keyOf">Maps a key number to its key; must preserve order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keyOf"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The range counts from the end (other than an open end), or its start is after its end.
    /// </exception>
    /// <remarks>
    /// <see cref="Range"/> cannot tell <c>..b</c> from <c>0..b</c>, so a start of 0 is included as the key of 0.
    /// </remarks>
    public static KeyRange FromRange(Range range, Func<int, byte[]> keyOf)
    {
        ArgumentNullException.ThrowIfNull(keyOf);
        if (range.Start.IsFromEnd || (range.End.IsFromEnd && range.End.Value != 0))
        {
            throw new ArgumentException(
                $"The range {range} counts from the end; key ranges have no end to count from.", nameof(range));
        }

        var lower = Bound.Included(keyOf(range.Start.Value));
        var upper = range.End.IsFromEnd ? Bound.Unbounded : Bound.Excluded(keyOf(range.End.Value));
        return new KeyRange(lower, upper);
    }

    /// <summary>Gets whether <paramref name="key"/> lies within the range.</summary>
    /// <param name="key">The key.</param>
    public bool Contains(ReadOnlySpan<byte> key) => Lower.AdmitsAbove(key) && Upper.AdmitsBelow(key);
}
