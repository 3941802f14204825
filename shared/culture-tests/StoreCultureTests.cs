using System.Text;
using Traces.Junctions;
using Traces.Lsm;

namespace Traces.Culture.Tests;

/// <summary>The LSM store and the junctions, in a process that compares strings by culture.</summary>
[Trait("Part", "shared")]
public sealed class StoreCultureTests
{
    public static TheoryData<string, string> Backed()
    {
        var data = new TheoryData<string, string>();
        foreach (string culture in Strings.Cultures)
        {
            data.Add(culture, "in-memory");
            data.Add(culture, "trace");
        }

        return data;
    }

    public static TheoryData<string> Cultures() => [.. Strings.Cultures];

    private static IPairStoreFactory Backing(string name) => name == "trace" ? Backings.Trace : Backings.InMemory;

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Lsm_scan_orders_utf8_keys_bytewise(string culture)
    {
        using var scope = new CultureScope(culture);
        var store = new LsmStore();
        for (int i = 0; i < Strings.Tricky.Length; i++)
        {
            store.Put(Encoding.UTF8.GetBytes(Strings.Tricky[i]), Encoding.UTF8.GetBytes($"{i}"));
            if (i == Strings.Tricky.Length / 2)
            {
                store.Freeze();
                store.Flush(); // half the keys in a run, half in the memtable: the scan merges both
            }
        }

        var scanned = new List<string>();
        var scan = store.Scan(Bound.Unbounded, Bound.Unbounded);
        while (scan.IsValid)
        {
            scanned.Add(Encoding.UTF8.GetString(scan.Key.Span));
            scan.Next();
        }

        // For these strings (all below the surrogates) UTF-8 byte order is UTF-16 ordinal order.
        scanned.Should().Equal(Strings.Ordinal(Strings.Tricky));
        for (int i = 0; i < Strings.Tricky.Length; i++)
        {
            store.Get(Encoding.UTF8.GetBytes(Strings.Tricky[i])).Should().Equal(Encoding.UTF8.GetBytes($"{i}"));
        }
    }

    [Theory]
    [MemberData(nameof(Backed))]
    public void Junction_set_keeps_tricky_strings_apart_in_ordinal_order(string culture, string backing)
    {
        using var scope = new CultureScope(culture);
        var set = new Set<string>(Backing(backing));
        foreach (string s in Strings.Tricky)
        {
            set.Insert(s).Should().BeTrue($"{Strings.Escape(s)} is new");
        }

        set.Count.Should().Be(Strings.Tricky.Length);
        set.Should().Equal(Strings.Ordinal(Strings.Tricky));
        set.Remove("k\u00AD").Should().BeTrue();
        set.Contains("k").Should().BeTrue("removing \"k\\u00AD\" leaves \"k\"");
        set.Contains("k\u00AD").Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Backed))]
    public void Junction_relation_orders_both_sides_ordinally(string culture, string backing)
    {
        using var scope = new CultureScope(culture);
        var relation = new ManyToMany<string, string>(Backing(backing));
        int n = Strings.Tricky.Length;
        for (int i = 0; i < n; i++)
        {
            relation.Fwd.Insert(Strings.Tricky[i], Strings.Tricky[(i + 1) % n]).Should().BeTrue();
        }

        relation.Count.Should().Be(n);
        relation.Fwd.KeysCount.Should().Be(n);
        relation.Bwd.KeysCount.Should().Be(n);
        relation.Fwd.Keys.Should().Equal(Strings.Ordinal(Strings.Tricky));
        relation.Bwd.Keys.Should().Equal(Strings.Ordinal(Strings.Tricky));
        for (int i = 0; i < n; i++)
        {
            relation.Fwd.Get(Strings.Tricky[i]).Should().Equal([Strings.Tricky[(i + 1) % n]], Strings.Escape(Strings.Tricky[i]));
        }
    }
}
