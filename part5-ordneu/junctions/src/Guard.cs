using System.Runtime.CompilerServices;

namespace Traces.Junctions;

/// <summary>Argument checks shared by every junction type.</summary>
internal static class Guard
{
    /// <summary>Throws when a key or value is <see langword="null"/>; free for value types (the JIT drops it).</summary>
    public static void NotNull<T>(T value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, "Junctions hold no null keys or values.");
        }
    }
}
