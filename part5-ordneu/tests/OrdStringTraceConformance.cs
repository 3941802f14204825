using Utf16Strings = Traces.OrdNeu.SliceContainer<string, char, Traces.OrdNeu.StringSlices>;
using Traces.Conformance;

namespace Traces.OrdNeu.Tests;

/// <summary>
/// <see cref="OrdStringTrace{TTime, TDiff}"/> itself: string keys and string values, both flat, against the model.
/// </summary>
[Trait("Part", "5")]
public sealed class OrdStringTraceTests
{
    private static string Escape(string s) =>
        s.Length > 20 ? $"{s.Length} x \\u{(int)s[0]:X4}"
            : string.Concat(s.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));

    private static Update<string, string, Timestamp, long> U(string key, string val, ulong time, long diff) =>
        new(key, val, time, diff);

    [Theory]
    [InlineData(1)]
    [InlineData(null)]
    [Trait("Runs", "model")]
    public void Random_runs_with_string_keys_and_values_match_the_model(int? sealThreshold) =>
        RandomRun.Check(
            $"string trace, string keys and values, seal threshold {sealThreshold?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"}",
            () => new OrdStringTrace<Timestamp, long>(sealThreshold: sealThreshold),
            new Domain<string, string, Timestamp>(Domains.StringKey, i => Domains.StringKey(i * 13), Domains.Timestamps(8)),
            WorkloadShape.Default,
            200);

    /// <summary>
    /// Strings stored flat as UTF-16 characters (<see cref="StringSlices"/>), the layout the string trace used before
    /// it stored bytes, which the layout-generic trace still offers: the same seeded runs against the model.
    /// </summary>
    [Fact]
    [Trait("Runs", "model")]
    public void Random_runs_on_utf16_slices_match_the_model() =>
        RandomRun.Check(
            "layout trace, string keys and values in UTF-16 slices, seal threshold 1",
            () => new OrdValTrace<string, string, Timestamp, long, Utf16Strings, Utf16Strings>(sealThreshold: 1),
            new Domain<string, string, Timestamp>(Domains.StringKey, i => Domains.StringKey(i * 13), Domains.Timestamps(8)),
            WorkloadShape.Default,
            20);

    [Fact]
    public void Sealed_strings_are_read_back_from_the_batches_in_ordinal_order()
    {
        var trace = new OrdStringTrace<Timestamp, long>(sealThreshold: 1);
        trace.Add([U("b", "y", 1, 1), U("a", "z", 1, 1), U("a", "", 1, 2), U("B", "x", 1, 1)]);
        trace.Add([U("a", "z", 2, -1), U("c", "w", 3, 1)]);

        trace.BatchCount.Should().BeGreaterThan(0, "the updates before time 3 are sealed");
        trace.Keys().Should().Equal("B", "a", "b", "c");
        trace.Get("a").Should().Equal(U("a", "", 1, 2), U("a", "z", 1, 1), U("a", "z", 2, -1));

        trace.AdvanceBy(new Antichain<Timestamp>(4));
        trace.Add([U("d", "v", 5, 1)]);
        trace.Get("a").Should().Equal(U("a", "", 4, 2));
        var cursor = trace.GetCursor();
        cursor.SeekKey("b");
        cursor.Key.Should().Be("b");
        cursor.Val.Should().Be("y");
    }

    [Fact]
    public void Keys_past_ASCII_are_stored_as_bytes_and_still_sealed_merged_and_sought_in_ordinal_order()
    {
        string[] keys =
        [
            "k", "k\u00AD", "k\0", "\u0131", "I", "i", "\u0130", "e\u0301", "\u00E9", "\uD83D\uDE00", "\uD800",
            "\uDFFF", "\uE000", "\uFFFF", "\u4E2D\u6587", "", new string('\u00E9', 200),
        ];
        var trace = new OrdStringTrace<Timestamp, long>(sealThreshold: 1);
        for (int i = 0; i < keys.Length; i++)
        {
            // One key a time, so that batches are sealed and merged with keys on both sides of every other.
            trace.Add([U(keys[i], keys[(i + 1) % keys.Length], (ulong)i, 1)]);
        }

        trace.Add([U("z", "z", (ulong)keys.Length, 1)]);
        trace.BatchCount.Should().BeGreaterThan(0);
        var ordinal = keys.Append("z").Order(StringComparer.Ordinal).Select(Escape);
        trace.Keys().Select(Escape).Should().Equal(ordinal);
        for (int i = 0; i < keys.Length; i++)
        {
            trace.Get(keys[i]).Should().Equal(U(keys[i], keys[(i + 1) % keys.Length], (ulong)i, 1));
            var cursor = trace.GetCursor();
            cursor.SeekKey(keys[i]);
            cursor.Key.Should().Be(keys[i]);
        }
    }

    [Fact]
    public void A_null_key_or_value_is_refused_like_the_array_trace_refuses_it_and_changes_nothing()
    {
        var flat = new OrdStringTrace<Timestamp, long>(sealThreshold: 1);
        var arrays = new OrdValTrace<string, string, Timestamp, long>(sealThreshold: 1);
        flat.Add([U("a", "v", 1, 1)]);
        arrays.Add([U("a", "v", 1, 1)]);
        Update<string, string, Timestamp, long>[][] bad =
        [
            [U("b", "v", 2, 1), U(null!, "v", 2, 1)],
            [U("b", "v", 2, 1), U("c", null!, 2, 1)],
        ];

        foreach (var batch in bad)
        {
            var expected = arrays.Invoking(t => t.Add(batch)).Should().Throw<ArgumentException>().Which;
            flat.Invoking(t => t.Add(batch)).Should().Throw<ArgumentException>()
                .Which.Message.Should().Be(expected.Message);
        }

        flat.Invoking(t => t.Get(null!)).Should().Throw<ArgumentNullException>();
        flat.Keys().Should().Equal("a");
        flat.Add([U("z", "v", 3, 1)]);
        flat.Keys().Should().Equal("a", "z");
    }
}
