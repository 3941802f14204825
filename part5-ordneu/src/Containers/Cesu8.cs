namespace Traces.OrdNeu;

/// <summary>
/// Encodes strings to bytes and back so that the bytes compare as the strings do ordinally: each UTF-16 code unit
/// on its own, in one, two or three bytes (CESU-8, surrogates included).
/// </summary>
/// <remarks>
/// <para>
/// A code unit below <c>0x80</c> is one byte (<c>0xxxxxxx</c>), below <c>0x800</c> two (<c>110xxxxx 10xxxxxx</c>),
/// any other, surrogates included, three (<c>1110xxxx 10xxxxxx 10xxxxxx</c>): the bytes UTF-8 gives a code point
/// of the Basic Multilingual Plane. The lead byte's range (<c>00-7F</c>, <c>C2-DF</c>, <c>E0-EF</c>) grows with
/// the unit and fixes the length, and within a length the bytes grow with the unit, so the first unit where two
/// strings differ decides their bytes' order as it decides <see cref="string.CompareOrdinal(string, string)"/>;
/// a string that is a prefix of another encodes to a prefix of the other's bytes. UTF-8 itself would not do: it
/// encodes a surrogate pair as one four-byte code point above <c>U+FFFF</c>, which sorts after <c>U+E000</c> to
/// <c>U+FFFF</c>, where the pair's first unit (<c>D800-DBFF</c>) sorts before them.
/// </para>
/// <para>
/// The decoder accepts only what the encoder writes: no other lead byte, no missing or extra continuation byte and
/// no overlong form (a unit written in more bytes than it needs), so that distinct byte strings are distinct
/// strings and a malformed input is refused instead of read.
/// </para>
/// </remarks>
public static class Cesu8
{
    #region cesu8-encode
    /// <summary>Returns the number of bytes <paramref name="chars"/> encodes to.</summary>
    /// <param name="chars">The UTF-16 code units.</param>
    public static int GetByteCount(ReadOnlySpan<char> chars)
    {
        long count = chars.Length;
        foreach (char c in chars)
        {
            // One byte for ASCII; one more from 0x80, two more from 0x800.
            count += (c >= 0x80 ? 1 : 0) + (c >= 0x800 ? 1 : 0);
        }

        return checked((int)count);
    }

    /// <summary>Writes the encoding of <paramref name="chars"/> to <paramref name="destination"/>.</summary>
    /// <param name="chars">The UTF-16 code units.</param>
    /// <param name="destination">At least <see cref="GetByteCount"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static int Encode(ReadOnlySpan<char> chars, Span<byte> destination)
    {
        int written = 0;
        foreach (char c in chars)
        {
            int length = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (destination.Length - written < length)
            {
                throw new ArgumentException(
                    "The destination is too short for the encoding.", nameof(destination));
            }

            switch (length)
            {
                case 1:
                    destination[written] = (byte)c;
                    break;
                case 2:
                    destination[written] = (byte)(0xC0 | (c >> 6));
                    destination[written + 1] = (byte)(0x80 | (c & 0x3F));
                    break;
                default:
                    destination[written] = (byte)(0xE0 | (c >> 12));
                    destination[written + 1] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    destination[written + 2] = (byte)(0x80 | (c & 0x3F));
                    break;
            }

            written += length;
        }

        return written;
    }
    #endregion

    #region cesu8-decode
    /// <summary>Returns the number of UTF-16 code units <paramref name="bytes"/> decodes to.</summary>
    /// <param name="bytes">Bytes written by <see cref="Encode"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not such an encoding.</exception>
    public static int GetCharCount(ReadOnlySpan<byte> bytes)
    {
        int count = 0;
        for (int i = 0; i < bytes.Length; i += UnitLength(bytes, i))
        {
            count++;
        }

        return count;
    }

    /// <summary>Decodes <paramref name="bytes"/> into a new string.</summary>
    /// <param name="bytes">Bytes written by <see cref="Encode"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not such an encoding.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes) =>
        // The count checks every unit, so the copy below can trust the lead bytes.
        string.Create(GetCharCount(bytes), bytes, static (chars, bytes) =>
        {
            int i = 0;
            for (int j = 0; j < chars.Length; j++)
            {
                int b = bytes[i];
                chars[j] = b switch
                {
                    < 0x80 => (char)b,
                    < 0xE0 => (char)(((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F)),
                    _ => (char)(((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6)
                        | (bytes[i + 2] & 0x3F)),
                };
                i += b < 0x80 ? 1 : b < 0xE0 ? 2 : 3;
            }
        });

    // The length of the unit whose lead byte is at `i`, after checking that its continuation bytes are
    // there and that it is the shortest form of its value.
    private static int UnitLength(ReadOnlySpan<byte> bytes, int i)
    {
        int b = bytes[i];
        int length = b switch
        {
            < 0x80 => 1,
            >= 0xC2 and < 0xE0 => 2, // C0 and C1 would lead an overlong form of an ASCII unit.
            >= 0xE0 and < 0xF0 => 3,
            _ => 0,
        };
        bool valid = length > 0 && i + length <= bytes.Length;
        for (int k = 1; valid && k < length; k++)
        {
            valid = (bytes[i + k] & 0xC0) == 0x80;
        }

        // E0 followed by 80-9F would be an overlong form of a unit below 0x800.
        if (!valid || (b == 0xE0 && bytes[i + 1] < 0xA0))
        {
            throw new ArgumentException(
                $"The bytes are not an encoding of UTF-16 code units (at byte {i}).",
                nameof(bytes));
        }

        return length;
    }
    #endregion
}

#region cesu8-slices
/// <summary>
/// Strings as slices of <see cref="byte"/> in <see cref="Cesu8"/>: one byte for each ASCII character, and bytes
/// that compare as the strings do ordinally.
/// </summary>
/// <remarks>
/// A string's bytes are not a view of its characters, so <see cref="TryGetSpan"/> declines and the container
/// encodes (<see cref="GetLength"/>, <see cref="Encode"/>) into storage of its own: its element array when it
/// appends, a stack or pooled buffer when it compares.
/// </remarks>
public readonly struct Cesu8StringSlices : ISliceEncoding<string, byte>
{
    /// <inheritdoc />
    public static bool TryGetSpan(string item, out ReadOnlySpan<byte> elements)
    {
        elements = default;
        return false;
    }

    /// <inheritdoc />
    public static int GetLength(string item) => Cesu8.GetByteCount(item);

    /// <inheritdoc />
    public static void Encode(string item, Span<byte> destination) =>
        Cesu8.Encode(item, destination);

    /// <inheritdoc />
    public static string FromSpan(ReadOnlySpan<byte> elements) => Cesu8.Decode(elements);

    /// <inheritdoc />
    public static string FromStored(ReadOnlyMemory<byte> elements) => Cesu8.Decode(elements.Span);
}
#endregion
