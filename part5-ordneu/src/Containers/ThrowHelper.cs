using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Traces.OrdNeu;

/// <summary>
/// Throws the exceptions of the containers' argument checks, out of line: a check in a hot accessor then costs
/// one comparison and a call that is never made, and the accessor stays small enough to inline.
/// </summary>
internal static class ThrowHelper
{
    /// <summary>Throws for an index outside <c>[0, count)</c>.</summary>
    /// <param name="paramName">The name of the index parameter.</param>
    /// <param name="index">The index given.</param>
    /// <param name="count">The number of items.</param>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowIndexOutOfRange(string paramName, int index, int count) =>
        throw new ArgumentOutOfRangeException(paramName, index, $"The index must be in [0, {count}).");
}
