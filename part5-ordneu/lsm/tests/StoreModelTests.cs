using static Traces.Lsm.Tests.IteratorAssertions;

namespace Traces.Lsm.Tests;

[Trait("Part", "lsm")]
public sealed class StoreModelTests
{
    [Theory]
    [InlineData(101)]
    [InlineData(202)]
    [InlineData(303)]
    [InlineData(404)]
    [InlineData(505)]
    [InlineData(606)]
    public void Random_writes_freezes_flushes_and_reads_at_random_versions_match_a_model_per_version(int seed)
    {
        var random = new Random(seed);
        var store = new LsmStore();
        // states[v] is the collection as of version v: a SortedDictionary per version.
        var states = new List<SortedDictionary<string, string>> { new(StringComparer.Ordinal) };
        var snapshots = new List<LsmSnapshot>();
        string Key() => $"k{random.Next(40):D2}";
        string Reason(int step, string what) => $"seed {seed}, step {step}: {what}";

        for (var step = 0; step < 600; step++)
        {
            var roll = random.Next(100);
            if (roll < 45)
            {
                var (key, value) = (Key(), $"v{step}");
                var next = new SortedDictionary<string, string>(states[^1], StringComparer.Ordinal) { [key] = value };
                store.Put(B(key), B(value)).Should().Be((ulong)states.Count, Reason(step, "versions count writes"));
                states.Add(next);
            }
            else if (roll < 60)
            {
                var key = Key();
                var next = new SortedDictionary<string, string>(states[^1], StringComparer.Ordinal);
                next.Remove(key);
                store.Delete(B(key));
                states.Add(next);
            }
            else if (roll < 65)
            {
                store.Freeze();
            }
            else if (roll < 70)
            {
                store.Flush();
            }
            else if (roll < 74)
            {
                snapshots.Add(store.OpenSnapshot());
            }
            else if (roll < 77 && snapshots.Count > 0)
            {
                var index = random.Next(snapshots.Count);
                snapshots[index].Dispose();
                snapshots.RemoveAt(index);
            }
            else if (roll < 90)
            {
                var version = (ulong)random.NextInt64((long)store.CompactionFrontier, (long)store.Version + 1);
                var (lower, upper) = RandomBounds(random);
                var expected = Within(states[(int)version].Select(e => (e.Key, e.Value)), lower, upper);
                Drain(store.Scan(lower, upper, version)).Should().Equal(expected, Reason(step, $"scan {lower}..{upper} at {version}"));
            }
            else if (snapshots.Count > 0)
            {
                var snapshot = snapshots[random.Next(snapshots.Count)];
                var state = states[(int)snapshot.Version];
                var key = Key();
                var actual = snapshot.Get(B(key));
                (actual is null ? null : S(actual)).Should().Be(state.GetValueOrDefault(key), Reason(step, $"get {key} at {snapshot.Version}"));
                Drain(snapshot.Scan(Bound.Unbounded, Bound.Unbounded)).Should().Equal(state.Select(e => (e.Key, e.Value)), Reason(step, "snapshot scan"));
            }
        }

        // Flush everything and read the latest state once more.
        while (store.Freeze() || store.Flush())
        {
        }

        Drain(store.Scan(Bound.Unbounded, Bound.Unbounded)).Should().Equal(states[^1].Select(e => (e.Key, e.Value)), $"seed {seed}: final");
        foreach (var snapshot in snapshots)
        {
            Drain(snapshot.Scan(Bound.Unbounded, Bound.Unbounded))
                .Should().Equal(states[(int)snapshot.Version].Select(e => (e.Key, e.Value)), $"seed {seed}: final snapshot {snapshot.Version}");
            snapshot.Dispose();
        }
    }

    private static (Bound Lower, Bound Upper) RandomBounds(Random random)
    {
        var a = random.Next(42);
        var b = random.Next(42);
        (a, b) = (Math.Min(a, b), Math.Max(a, b));
        Bound Make(int kind, int key) => kind switch
        {
            0 => Bound.Unbounded,
            1 => Bound.Included(B($"k{key:D2}")),
            _ => Bound.Excluded(B($"k{key:D2}")),
        };
        return (Make(random.Next(3), a), Make(random.Next(3), b));
    }
}
