using Traces.Lsm;

namespace Exercises.Ch12;

/// <summary>A store filled by a seeded script of puts, deletes, freezes, flushes and
/// snapshots.</summary>
internal static class Stores
{
    public static (LsmStore Store, List<byte[]> Keys, ulong Snapshot) Random(int seed, byte[] alphabet)
    {
        var random = new Random(seed);
        var store = new LsmStore();
        var keys = new List<byte[]>();
        LsmSnapshot? snapshot = null;
        for (int step = 0; step < 400; step++)
        {
            var key = new byte[random.Next(1, 4)];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = alphabet[random.Next(alphabet.Length)];
            }

            keys.Add(key);
            int op = random.Next(20);
            if (op < 12)
            {
                store.Put(key, [(byte)random.Next(1, 250)]);
            }
            else if (op < 16)
            {
                store.Delete(key);
            }
            else if (op < 18)
            {
                store.Freeze();
            }
            else
            {
                store.Flush();
            }

            if (step == 200)
            {
                snapshot = store.OpenSnapshot();
            }
        }

        return (store, keys, snapshot!.Version);
    }

    public static List<(byte[] Key, byte[] Value)> Forward(IStorageIterator scan)
    {
        var entries = new List<(byte[], byte[])>();
        for (; scan.IsValid; scan.Next())
        {
            entries.Add((scan.Key.ToArray(), scan.Value.ToArray()));
        }

        return entries;
    }
}

#region reverse-check
/// <summary>
/// The check for a reverse scan of your own: subclass it, scan from the upper bound down, and run
/// <c>dotnet test</c>. Under all nine bound shapes, at the latest version and at a snapshot, it
/// must return exactly the forward scan, reversed.
/// </summary>
public abstract class ReverseScanCheck
{
    protected abstract IEnumerable<(byte[] Key, byte[] Value)> ReverseScan(
        LsmStore store, Bound lower, Bound upper, ulong version);
#endregion

    [Theory]
    [Trait("Part", "exercises")]
    [InlineData(121)]
    [InlineData(122)]
    public void A_reverse_scan_is_the_forward_scan_backwards(int seed)
    {
        var (store, keys, snapshot) = Stores.Random(seed, [(byte)'a', (byte)'b', (byte)'c', (byte)'d']);
        store.RunCount.Should().BePositive();
        var random = new Random(seed);
        for (int trial = 0; trial < 30; trial++)
        {
            var (a, b) = (keys[random.Next(keys.Count)], keys[random.Next(keys.Count)]);
            if (a.AsSpan().SequenceCompareTo(b) > 0)
            {
                (a, b) = (b, a);
            }

            foreach (var lower in new[] { Bound.Unbounded, Bound.Included(a), Bound.Excluded(a) })
            {
                foreach (var upper in new[] { Bound.Unbounded, Bound.Included(b), Bound.Excluded(b) })
                {
                    foreach (var version in new[] { store.Version, snapshot })
                    {
                        var forward = Stores.Forward(store.Scan(lower, upper, version));
                        forward.Reverse();
                        ReverseScan(store, lower, upper, version).Should().BeEquivalentTo(
                            forward, options => options.WithStrictOrdering(), "{0}..{1} at {2}", lower, upper, version);
                    }
                }
            }
        }
    }
}

#region prefix-check
/// <summary>
/// The check for a prefix range of your own: subclass it, return the bounds of the keys that start
/// with the prefix, and run <c>dotnet test</c>. Keys are made of the bytes 0x00, 0x01, 0xFE and
/// 0xFF.
/// </summary>
public abstract class PrefixRangeCheck
{
    protected abstract (Bound Lower, Bound Upper) Range(byte[] prefix);
#endregion

    [Fact]
    [Trait("Part", "exercises")]
    public void A_prefix_scan_returns_exactly_the_keys_with_the_prefix()
    {
        var (store, _, _) = Stores.Random(123, [0x00, 0x01, 0xFE, 0xFF]);
        var everything = Stores.Forward(store.Scan(Bound.Unbounded, Bound.Unbounded));
        byte[][] prefixes = [[0x00], [0x01], [0xFE], [0xFF], [0x01, 0xFF], [0xFF, 0xFF], [0xFE, 0xFF, 0x00]];
        foreach (var prefix in prefixes)
        {
            var (lower, upper) = Range(prefix);
            var expected = everything.Where(entry => entry.Key.AsSpan().StartsWith(prefix)).ToList();
            Stores.Forward(store.Scan(lower, upper)).Should().BeEquivalentTo(
                expected, options => options.WithStrictOrdering(), "prefix {0}", Convert.ToHexString(prefix));
        }
    }
}

/// <summary>The reverse-scan check against the worked answer.</summary>
public sealed class ReverseScanAnswer : ReverseScanCheck
{
    protected override IEnumerable<(byte[] Key, byte[] Value)> ReverseScan(
        LsmStore store, Bound lower, Bound upper, ulong version) =>
        Ch12.ReverseScan.Scan(store, lower, upper, version);
}

/// <summary>The prefix check against the worked answer.</summary>
public sealed class PrefixRangeAnswer : PrefixRangeCheck
{
    protected override (Bound Lower, Bound Upper) Range(byte[] prefix) => PrefixRange.Of(prefix);
}

public sealed class LsmChecksCatch
{
    // The store's own forward scan, handed in as if it were reversed.
    private sealed class Forward : ReverseScanCheck
    {
        protected override IEnumerable<(byte[] Key, byte[] Value)> ReverseScan(
            LsmStore store, Bound lower, Bound upper, ulong version) =>
            Stores.Forward(store.Scan(lower, upper, version));
    }

    // Ends the range at prefix + 0xFF, included: misses prefix + 0xFF + anything.
    private sealed class AppendsFf : PrefixRangeCheck
    {
        protected override (Bound Lower, Bound Upper) Range(byte[] prefix) =>
            (Bound.Included(prefix), Bound.Included([.. prefix, 0xFF]));
    }

    [Fact]
    [Trait("Part", "exercises")]
    public void The_forward_scan_and_an_upper_bound_of_prefix_ff_fail_the_checks()
    {
        FluentActions.Invoking(() => new Forward().A_reverse_scan_is_the_forward_scan_backwards(121))
            .Should().Throw<Exception>();
        FluentActions.Invoking(new AppendsFf().A_prefix_scan_returns_exactly_the_keys_with_the_prefix)
            .Should().Throw<Exception>();
    }
}
