using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Traces.OrdNeu;

/// <summary>
/// Throws the exceptions of the containers' argument checks, out of line and without arguments, as the .NET
/// collections do: a check in a hot accessor then costs one comparison and a call that is never made, and the
/// accessor stays small enough to inline into the merge loops.
/// </summary>
internal static class ThrowHelper
{
    /// <summary>Throws for an argument <c>index</c> outside <c>[0, Count)</c>.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowIndexOutOfRange() =>
        throw new ArgumentOutOfRangeException("index", "The index must be at least zero and less than the count.");

    /// <summary>Throws for an argument <c>otherIndex</c> outside <c>[0, other.Count)</c>.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowOtherIndexOutOfRange() =>
        throw new ArgumentOutOfRangeException("otherIndex", "The index must be at least zero and less than the other container's count.");
}
