using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Traces;

/// <summary>
/// Counts the changes of a trace, so that every result it hands a reader (<c>Get</c>'s updates, <c>Keys</c>, a
/// cursor) can fail fast once the trace has moved on.
/// </summary>
/// <remarks>
/// <para>
/// The contract's rule for reading while writing: a result belongs to the trace as it was when the result was made.
/// A change is an <c>Add</c> of at least one update or an <c>AdvanceBy</c>; an empty <c>Add</c>, or one refused for
/// bad input, changes nothing. After a change, enumerating an earlier result (starting or continuing) and every
/// member of an earlier cursor throw <see cref="InvalidOperationException"/>. That is the rule .NET's own
/// collections follow (a version number their enumerators compare), and it costs a reader one integer comparison
/// per step, where snapshots would cost a copy per read.
/// </para>
/// <para>
/// A trace owns one <see cref="TraceVersion"/>, calls <see cref="Changed"/> on every change, and hands out results
/// through <see cref="Guard{T}"/>; its cursors keep <see cref="Value"/> and call <see cref="Check"/> first.
/// </para>
/// </remarks>
public sealed class TraceVersion
{
    // Incremented (wrapping) on every change; a result compares the value it was made at.
    private int _value;

    /// <summary>Gets the number of changes so far (wrapping around).</summary>
    public int Value => _value;

    /// <summary>Records a change: results made before it fail from now on.</summary>
    public void Changed() => _value = unchecked(_value + 1);

    /// <summary>Throws if the trace changed since a result was made at <paramref name="seen"/>.</summary>
    /// <param name="seen">The <see cref="Value"/> when the result was made.</param>
    /// <exception cref="InvalidOperationException">The trace has changed since.</exception>
    public void Check(int seen)
    {
        if (seen != _value)
        {
            ThrowChanged();
        }
    }

    /// <summary>Wraps a result so that enumerating it after the next change throws.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The result: a copy, or a lazy view of the trace.</param>
    /// <returns>An enumerable that checks this version when an enumeration starts and at every step.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    public IEnumerable<T> Guard<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new GuardedEnumerable<T>(this, _value, items);
    }

    /// <summary>Throws the exception a reader of a changed trace gets.</summary>
    /// <exception cref="InvalidOperationException">Always.</exception>
    [DoesNotReturn]
    public static void ThrowChanged() =>
        throw new InvalidOperationException(
            "The trace changed (Add or AdvanceBy) after this result or cursor was made; "
            + "read the trace again.");

    /// <summary>A result that belongs to one version of the trace.</summary>
    private sealed class GuardedEnumerable<T>(TraceVersion version, int seen, IEnumerable<T> items)
        : IEnumerable<T>
    {
        public IEnumerator<T> GetEnumerator()
        {
            version.Check(seen);
            return new Enumerator(version, seen, items.GetEnumerator());
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private sealed class Enumerator(TraceVersion version, int seen, IEnumerator<T> inner)
            : IEnumerator<T>
        {
            public T Current => inner.Current;

            object? IEnumerator.Current => Current;

            public bool MoveNext()
            {
                version.Check(seen);
                return inner.MoveNext();
            }

            public void Reset() => inner.Reset();

            public void Dispose() => inner.Dispose();
        }
    }
}
