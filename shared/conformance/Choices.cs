namespace Traces.Conformance;

/// <summary>
/// The decisions of one random run, read one at a time from a list of numbers that <see cref="ModelRun"/> generates
/// (and, when the run fails, shrinks).
/// </summary>
/// <remarks>
/// <para>
/// A run draws every decision (which operation, how many updates, which key, which time) from here instead of from
/// a <see cref="Random"/>. The run is then a pure function of the list, so the list is the whole test case: a
/// shorter list is a run with fewer decisions, and smaller numbers are smaller decisions, because a number maps to
/// a value in proportion (<c>0</c> to the lowest, the largest number to the highest). When the list runs out every
/// further draw is <c>0</c>, and <see cref="Exhausted"/> tells the run to stop drawing operations.
/// </para>
/// <para>
/// This is what lets one shrinker serve every model-based run in the series, whatever its operations are.
/// </para>
/// </remarks>
public sealed class Choices
{
    /// <summary>Every number in a list of choices lies in <c>[0, Range)</c>.</summary>
    public const int Range = 1 << 20;

    private readonly int[] _draws;

    // The index of the next draw; at or past _draws.Length every draw reads as 0.
    private int _next;

    /// <summary>Initializes choices that read <paramref name="draws"/> in order.</summary>
    /// <param name="draws">The numbers, each in <c>[0, <see cref="Range"/>)</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="draws"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number lies outside <c>[0, <see cref="Range"/>)</c>.</exception>
    public Choices(int[] draws)
    {
        ArgumentNullException.ThrowIfNull(draws);
        foreach (int draw in draws)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(draw, nameof(draws));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(draw, Range, nameof(draws));
        }

        _draws = draws;
    }

    /// <summary>Gets a value indicating whether every number has been read; a run stops drawing operations then.</summary>
    public bool Exhausted => _next >= _draws.Length;

    /// <summary>Gets how many numbers have been read so far.</summary>
    public int Read => Math.Min(_next, _draws.Length);

    /// <summary>Draws an integer in <c>[0, <paramref name="maxExclusive"/>)</c>; smaller numbers give smaller integers.</summary>
    /// <param name="maxExclusive">The exclusive upper bound, positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is not positive.</exception>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        int draw = _next < _draws.Length ? _draws[_next] : 0;
        _next++;
        return (int)((long)draw * maxExclusive / Range);
    }

    /// <summary>Draws an integer in <c>[<paramref name="min"/>, <paramref name="maxExclusive"/>)</c>.</summary>
    /// <param name="min">The inclusive lower bound.</param>
    /// <param name="maxExclusive">The exclusive upper bound, greater than <paramref name="min"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is not greater than <paramref name="min"/>.</exception>
    public int Next(int min, int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxExclusive, min);
        return min + Next(maxExclusive - min);
    }

    /// <summary>Returns <see langword="true"/> with probability <paramref name="chance"/>; a shrunk run says yes less often.</summary>
    /// <param name="chance">The probability, in <c>[0, 1]</c>.</param>
    public bool Chance(double chance) => Next(Range) >= (1 - chance) * Range;
}
