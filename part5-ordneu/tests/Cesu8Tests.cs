using System.Text;

namespace Traces.OrdNeu.Tests;

[Trait("Part", "5")]
public sealed class Cesu8Tests
{
    private static byte[] Encode(string s)
    {
        var bytes = new byte[Cesu8.GetByteCount(s)];
        Cesu8.Encode(s, bytes).Should().Be(bytes.Length);
        return bytes;
    }

    // A random string mixing the ranges whose order differs between encodings: ASCII (NUL included), Latin,
    // CJK, paired and lone surrogates, and U+E000-U+FFFF, which ordinal order puts after every surrogate.
    private static string RandomString(Random random, int maxLength)
    {
        var text = new StringBuilder();
        int length = random.Next(maxLength + 1);
        while (text.Length < length)
        {
            switch (random.Next(7))
            {
                case 0: text.Append((char)random.Next(0x00, 0x80)); break;
                case 1: text.Append((char)random.Next(0x80, 0x800)); break;
                case 2: text.Append((char)random.Next(0x4E00, 0xA000)); break;
                case 3:
                    text.Append((char)random.Next(0xD800, 0xDC00)).Append((char)random.Next(0xDC00, 0xE000));
                    break;
                case 4: text.Append((char)random.Next(0xD800, 0xE000)); break;
                case 5: text.Append((char)random.Next(0xE000, 0x10000)); break;
                default: text.Append((char)random.Next('a', 'd')); break;
            }
        }

        return text.ToString();
    }

    [Fact]
    public void Bytes_compare_as_the_strings_compare_ordinally_on_seeded_random_strings()
    {
        var random = new Random(20_240_611);
        for (int round = 0; round < 20_000; round++)
        {
            string a = RandomString(random, 12);
            // Half the pairs share a prefix, so that comparisons reach past the first unit.
            string b = random.Next(2) == 0 ? RandomString(random, 12) : a[..random.Next(a.Length + 1)] + RandomString(random, 4);

            int expected = Math.Sign(string.CompareOrdinal(a, b));
            Math.Sign(Encode(a).AsSpan().SequenceCompareTo(Encode(b))).Should().Be(expected,
                "the bytes of \"{0}\" and \"{1}\" must order as the strings do", Escape(a), Escape(b));
            Cesu8.Decode(Encode(a)).Should().Be(a);
            Cesu8.GetCharCount(Encode(a)).Should().Be(a.Length);
        }
    }

    [Fact]
    public void Every_code_unit_round_trips_in_one_two_or_three_bytes_that_grow_with_the_unit()
    {
        byte[] previous = [];
        for (int unit = 0; unit <= 0xFFFF; unit++)
        {
            string s = ((char)unit).ToString();
            byte[] bytes = Encode(s);
            bytes.Length.Should().Be(unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3);
            Cesu8.Decode(bytes).Should().Be(s);
            if (unit > 0)
            {
                bytes.AsSpan().SequenceCompareTo(previous).Should().BePositive("U+{0:X4} follows the unit before", unit);
            }

            previous = bytes;
        }
    }

    [Fact]
    public void Bytes_keep_the_order_UTF8_breaks_and_the_order_cultures_ignore()
    {
        const string Pair = "\uD800\uDC00"; // U+10000, after U+FFFF as a code point, before it as UTF-16 units
        string.CompareOrdinal(Pair, "\uFFFF").Should().BeNegative();
        Encode(Pair).AsSpan().SequenceCompareTo(Encode("\uFFFF")).Should().BeNegative();
        Encoding.UTF8.GetBytes(Pair).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes("\uFFFF")).Should()
            .BePositive("UTF-8 sorts by code point, which is why the encoding is not UTF-8");

        string[] ordinal = ["I", "e\u0301", "i", "k", "k\0", "k\u00AD", "\u00E9", "\u0130", "\u0131"];
        ordinal.Select(Encode).Should().BeInAscendingOrder(Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y)));
        Encode("k\0").Should().Equal((byte)'k', 0);
        Encode("k\u00AD").Should().Equal((byte)'k', 0xC2, 0xAD);
        Encode("e\u0301").Should().Equal((byte)'e', 0xCC, 0x81);
        Encode("\u0131").Should().Equal(0xC4, 0xB1);
        Encode(Pair).Should().Equal(0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80);
        Encode("").Should().BeEmpty();
    }

    [Theory]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xC0, 0x80 })]
    [InlineData(new byte[] { 0xC1, 0xBF })]
    [InlineData(new byte[] { 0xE0, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xE0, 0x9F, 0xBF })]
    [InlineData(new byte[] { 0x61, 0xC2 })]
    [InlineData(new byte[] { 0xE1, 0x80 })]
    [InlineData(new byte[] { 0xC2, 0x41 })]
    [InlineData(new byte[] { 0xF0, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xFF })]
    public void Bytes_the_encoder_never_writes_are_refused_with_an_argument_exception(byte[] bytes)
    {
        FluentActions.Invoking(() => Cesu8.Decode(bytes)).Should().Throw<ArgumentException>()
            .WithParameterName(nameof(bytes));
        FluentActions.Invoking(() => Cesu8StringSlices.FromSpan(bytes)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Encoding_into_too_short_a_destination_is_refused()
    {
        FluentActions.Invoking(() => Cesu8.Encode("ab\u4E00", new byte[4])).Should().Throw<ArgumentException>()
            .WithParameterName("destination");
        FluentActions.Invoking(() => Cesu8.Encode("a", [])).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_slice_container_of_Cesu8_strings_stores_a_byte_an_ASCII_character_and_compares_in_place()
    {
        string longWord = new('\u00E9', 300); // 600 bytes: compared through a pooled buffer, not the stack
        string[] words = ["", "apple", "Apple", "caf\u00E9", "k", "k\0", "k\u00AD", "\uD83D\uDE00", "\uFFFD", longWord];
        var strings = SliceContainer<string, byte, Cesu8StringSlices>.WithCapacity(words.Length);
        foreach (string word in words)
        {
            strings.Push(word);
        }

        strings.Count.Should().Be(words.Length);
        strings.Slice(1).Length.Should().Be(5, "an ASCII character is one byte");
        strings.ElementCount.Should().Be(words.Sum(w => Cesu8.GetByteCount(w)));
        Enumerable.Range(0, words.Length).Select(strings.Index).Should().Equal(words);
        for (int i = 0; i < words.Length; i++)
        {
            for (int j = 0; j < words.Length; j++)
            {
                int expected = Math.Sign(string.CompareOrdinal(words[i], words[j]));
                Math.Sign(strings.CompareAt(i, words[j])).Should().Be(expected);
                Math.Sign(strings.CompareAt(i, strings, j)).Should().Be(expected);
            }
        }

        strings.CompareAt(9, longWord + "a").Should().BeNegative();
        var copy = SliceContainer<string, byte, Cesu8StringSlices>.MergeCapacity(strings, strings);
        copy.PushFrom(strings, 3);
        copy.Index(0).Should().Be("caf\u00E9");
        strings.Invoking(s => s.CompareAt(words.Length, "a")).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Pushing_and_comparing_Cesu8_strings_allocates_nothing()
    {
        string shortWord = "k0123456789ab\u00E9";
        string longWord = new('\u4E00', 200);
        var strings = new SliceContainer<string, byte, Cesu8StringSlices>(2_000, 2_000 * 600);
        strings.Push(shortWord);
        strings.Push(longWord);
        strings.CompareAt(1, longWord).Should().Be(0, "a first call rents the pool's array");

        long before = GC.GetAllocatedBytesForCurrentThread();
        int sum = 0;
        for (int i = 0; i < 1_000; i++)
        {
            strings.Push(i % 2 == 0 ? shortWord : longWord);
            sum += strings.CompareAt(0, shortWord) + strings.CompareAt(1, longWord) + strings.CompareAt(0, longWord);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.Should().Be(0);
        sum.Should().BeNegative();
        strings.Index(1_001).Should().Be(longWord);
    }

    private static string Escape(string s) =>
        string.Concat(s.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
