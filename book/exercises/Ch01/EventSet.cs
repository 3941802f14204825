using System.Globalization;
using System.Numerics;
using System.Text;
using Traces;

namespace Exercises.Ch01;

/// <summary>
/// A time that is a set of up to 64 events (bit <c>i</c> set: event <c>i</c> has happened), ordered by inclusion:
/// an update at <c>{0, 2}</c> is visible to a reader at <c>{0, 1, 2}</c> but not to one at <c>{1, 2}</c>.
/// </summary>
/// <param name="Bits">The events, one bit each.</param>
/// <remarks>
/// Inclusion is a partial order whose join is the union and whose meet is the intersection; the empty set is the
/// minimum. The sort order is the numeric order of the bits, which extends inclusion: adding events only sets
/// bits, and setting a bit makes the number larger.
/// </remarks>
public readonly record struct EventSet(ulong Bits) : ILattice<EventSet>
{
    #region lattice
    /// <summary>Gets the empty set: no event has happened yet.</summary>
    public static EventSet Minimum => default;

    /// <inheritdoc />
    public bool LessEqual(EventSet other) => (Bits & ~other.Bits) == 0;

    /// <inheritdoc />
    public EventSet Join(EventSet other) => new(Bits | other.Bits);

    /// <inheritdoc />
    public EventSet Meet(EventSet other) => new(Bits & other.Bits);

    /// <inheritdoc />
    public int CompareTo(EventSet other) => Bits.CompareTo(other.Bits);
    #endregion

    /// <summary>Returns the set of the given events.</summary>
    /// <param name="events">Event numbers from 0 to 63.</param>
    public static EventSet Of(params ReadOnlySpan<int> events)
    {
        ulong bits = 0;
        foreach (int e in events)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(e, nameof(events));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(e, 63, nameof(events));
            bits |= 1UL << e;
        }

        return new(bits);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder("{");
        for (ulong rest = Bits; rest != 0; rest &= rest - 1)
        {
            text.Append(text.Length > 1 ? ", " : "")
                .Append(BitOperations.TrailingZeroCount(rest).ToString(CultureInfo.InvariantCulture));
        }

        return text.Append('}').ToString();
    }
}
