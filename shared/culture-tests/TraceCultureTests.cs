using Traces.HashMap;
using Traces.Index;
using Traces.OrdNeu;
using Traces.Sorted;
using Traces.Tries;

namespace Traces.Culture.Tests;

/// <summary>
/// Every part's trace, in a process that compares strings by culture (en-US, tr-TR): string keys and values
/// that a culture folds together or reorders must stay distinct and order ordinally.
/// </summary>
[Trait("Part", "shared")]
public sealed class TraceCultureTests
{
    /// <summary>The parts' traces by name; part 1 alone neither orders nor consolidates what it yields.</summary>
    private static ITrace<string, string, Timestamp, long> Create(string part) => part switch
    {
        "1" => new HashMapTrace<string, string, Timestamp, long>(),
        "2" => new SortedTrace<string, string, Timestamp, long>(),
        "3" => new TrieTrace<string, string, Timestamp, long>(),
        "4" => new IndexedTrace<string, string, Timestamp, long>(),
        "5" => new OrdValTrace<string, string, Timestamp, long>(),
        "5-eager" => new OrdValTrace<string, string, Timestamp, long>(policy: SpineMergePolicy.Eager),
        "5-flat" => new OrdStringTrace<Timestamp, long>(),
        "5-flat-sealing" => new OrdStringTrace<Timestamp, long>(sealThreshold: 1),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "unknown part"),
    };

    private static readonly string[] Parts = ["1", "2", "3", "4", "5", "5-eager", "5-flat", "5-flat-sealing"];

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (string part in Parts)
        {
            foreach (string culture in Strings.Cultures)
            {
                data.Add(part, culture, false);
                data.Add(part, culture, true);
            }
        }

        return data;
    }

    public static TheoryData<string, bool> KeyTraceCases()
    {
        var data = new TheoryData<string, bool>();
        foreach (string culture in Strings.Cultures)
        {
            data.Add(culture, false);
            data.Add(culture, true);
        }

        return data;
    }

    // Adds the updates in one batch at time 1, or one per add at times 1, 2, ...: the second way sorts, merges
    // and (in part 5) leaves the last update in the batcher, so both sorting and merging paths compare keys.
    private static void AddAll(ITrace<string, string, Timestamp, long> trace, List<Update<string, string, Timestamp, long>> updates, bool oneByOne)
    {
        if (!oneByOne)
        {
            trace.Add(updates);
            return;
        }

        for (int i = 0; i < updates.Count; i++)
        {
            trace.Add([updates[i] with { Time = (ulong)(i + 1) }]);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_four_keys_of_the_report_stay_four(string part, string culture, bool oneByOne)
    {
        using var scope = new CultureScope(culture);
        var trace = Create(part);
        var updates = Strings.FourKeys.Select((key, i) => new Update<string, string, Timestamp, long>(key, "v", 0, i + 1)).ToList();
        AddAll(trace, updates, oneByOne);

        trace.Get("k").Sum(u => u.Diff).Should().Be(1, "only the update for \"k\" itself belongs to \"k\"");
        trace.Keys().Should().HaveCount(4, "\"k\", \"k\\u00AD\", \"k\\0\" and \"l\" are four keys");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tricky_keys_stay_distinct_and_order_ordinally(string part, string culture, bool oneByOne)
    {
        using var scope = new CultureScope(culture);
        var trace = Create(part);
        var updates = Strings.Tricky.Select((key, i) => new Update<string, string, Timestamp, long>(key, "v", 0, i + 1)).ToList();
        AddAll(trace, updates, oneByOne);

        var keys = trace.Keys().ToList();
        if (part == "1")
        {
            keys.Should().BeEquivalentTo(Strings.Tricky);
        }
        else
        {
            keys.Should().Equal(Strings.Ordinal(Strings.Tricky), "parts 2+ list keys in ordinal ascending order");
        }

        for (int i = 0; i < Strings.Tricky.Length; i++)
        {
            string key = Strings.Tricky[i];
            var got = trace.Get(key).ToList();
            got.Should().OnlyContain(u => string.Equals(u.Key, key, StringComparison.Ordinal), $"Get({Strings.Escape(key)})");
            got.Sum(u => u.Diff).Should().Be(i + 1, $"Get({Strings.Escape(key)}) holds that key's update only");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tricky_values_stay_distinct_and_order_ordinally(string part, string culture, bool oneByOne)
    {
        using var scope = new CultureScope(culture);
        var trace = Create(part);
        var updates = Strings.Tricky.Select((val, i) => new Update<string, string, Timestamp, long>("k", val, 0, i + 1)).ToList();
        AddAll(trace, updates, oneByOne);

        var got = trace.Get("k").ToList();
        var sums = got.GroupBy(u => u.Val, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(u => u.Diff), StringComparer.Ordinal);
        sums.Should().HaveCount(Strings.Tricky.Length, "nine distinct values");
        for (int i = 0; i < Strings.Tricky.Length; i++)
        {
            sums[Strings.Tricky[i]].Should().Be(i + 1, $"value {Strings.Escape(Strings.Tricky[i])}");
        }

        if (part != "1")
        {
            var vals = got.Select(u => u.Val).ToList();
            vals.Should().BeInAscendingOrder(StringComparer.Ordinal, "parts 2+ yield a key's updates by (val, time)");
            got.Should().OnlyHaveUniqueItems("parts 2+ yield consolidated updates");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_cursor_walks_and_seeks_tricky_keys_and_values_in_ordinal_order(string part, string culture, bool oneByOne)
    {
        using var scope = new CultureScope(culture);
        var trace = (INavigableTrace<string, string, Timestamp, long>)Create(part);
        var updates = Strings.Tricky
            .SelectMany((key, i) => Strings.Tricky.Select((val, j) => new Update<string, string, Timestamp, long>(key, val, 0, i * 100 + j + 1)))
            .ToList();
        AddAll(trace, updates, oneByOne);

        var cursor = trace.GetCursor();
        var keys = new List<string>();
        for (; cursor.KeyValid; cursor.StepKey())
        {
            keys.Add(cursor.Key);
            var vals = new List<string>();
            for (; cursor.ValValid; cursor.StepVal())
            {
                vals.Add(cursor.Val);
                cursor.History.ToArray().Should().ContainSingle();
            }

            vals.Should().Equal(Strings.Ordinal(Strings.Tricky), $"the values of key {Strings.Escape(cursor.Key)}, ordinally");
        }

        keys.Should().Equal(Strings.Ordinal(Strings.Tricky), "the cursor visits keys ordinally");
        cursor.RewindKeys();
        foreach (string key in Strings.Ordinal(Strings.Tricky))
        {
            cursor.SeekKey(key);
            cursor.Key.Should().Be(key, $"SeekKey({Strings.Escape(key)}) finds that key, not a lookalike");
            int i = Array.IndexOf(Strings.Tricky, key);
            foreach (string val in Strings.Ordinal(Strings.Tricky))
            {
                cursor.SeekVal(val);
                cursor.Val.Should().Be(val);
                cursor.History[0].Diff.Should().Be(i * 100 + Array.IndexOf(Strings.Tricky, val) + 1);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lookalike_values_do_not_cancel_through_consolidation(string part, string culture, bool oneByOne)
    {
        using var scope = new CultureScope(culture);
        var trace = Create(part);
        AddAll(trace, [new("k", "k", 0, 1), new("k", "k\u00AD", 0, -1)], oneByOne);

        trace.Keys().Should().Equal(["k"], "+1 for \"k\" and -1 for \"k\u00AD\" are two records, not a cancelled one");
        trace.AdvanceBy(new Antichain<Timestamp>(5));
        var sums = trace.Get("k").GroupBy(u => u.Val, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(u => u.Diff), StringComparer.Ordinal);
        sums.Should().Equal(new Dictionary<string, long>(StringComparer.Ordinal) { ["k"] = 1, ["k\u00AD"] = -1 }, "compaction keeps them apart too");
    }

    [Theory]
    [MemberData(nameof(KeyTraceCases))]
    public void Key_only_trace_keeps_tricky_keys_apart(string culture, bool oneByOne)
    {
        using var scope = new CultureScope(culture);
        var trace = new OrdKeyTrace<string, Timestamp, long>();
        for (int i = 0; i < Strings.Tricky.Length; i++)
        {
            var time = oneByOne ? (ulong)(i + 1) : 1UL;
            trace.Add([new Update<string, Unit, Timestamp, long>(Strings.Tricky[i], default, time, i + 1)]);
        }

        trace.Keys().Should().Equal(Strings.Ordinal(Strings.Tricky));
        for (int i = 0; i < Strings.Tricky.Length; i++)
        {
            trace.Get(Strings.Tricky[i]).Sum(u => u.Diff).Should().Be(i + 1, Strings.Escape(Strings.Tricky[i]));
        }
    }
}
