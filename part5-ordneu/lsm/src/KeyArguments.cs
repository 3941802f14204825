namespace Traces.Lsm;

/// <summary>Argument checks shared by every entry point that takes a key or a value.</summary>
internal static class KeyArguments
{
    /// <summary>Throws unless <paramref name="key"/> is a non-null, non-empty key.</summary>
    public static void CheckKey(byte[]? key, string paramName)
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        CheckKey(key.AsSpan(), paramName);
    }

    /// <summary>Throws unless <paramref name="key"/> is non-empty.</summary>
    public static void CheckKey(ReadOnlySpan<byte> key, string paramName)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("Keys cannot be empty: the empty sequence has no place in the key order.", paramName);
        }
    }
}
