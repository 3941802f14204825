using Traces.OrdNeu;

namespace Traces.Culture.Tests;

/// <summary>
/// Part 5's merge batcher, builder, batch cursor and batch merge with culture-sensitive strings: they must sort,
/// seek and merge ordinally.
/// </summary>
[Trait("Part", "shared")]
public sealed class BatchCultureTests
{
    public static TheoryData<string> Cultures() => [.. Strings.Cultures];

    // Each tricky key with each tricky value, at times 1..repeats, over several chunks so the batcher forms and
    // merges chains (distinct times, so that consolidating a full chunk does not shrink it).
    private static MergeBatcher<string, string, Timestamp, long> FilledBatcher(out int repeats)
    {
        var batcher = new MergeBatcher<string, string, Timestamp, long>();
        int pairs = Strings.Tricky.Length * Strings.Tricky.Length;
        repeats = (3 * MergeBatcher<string, string, Timestamp, long>.ChunkCapacity / pairs) + 1;
        for (int r = 0; r < repeats; r++)
        {
            foreach (string key in Strings.Tricky)
            {
                batcher.Push([.. Strings.Tricky.Select(val => new Update<string, string, Timestamp, long>(key, val, (ulong)(r + 1), 1))]);
            }
        }

        return batcher;
    }

    private static OrdValBatch<string, string, Timestamp, long> Seal(MergeBatcher<string, string, Timestamp, long> batcher, ulong upper) =>
        batcher.Seal(new Antichain<Timestamp>(upper), static (keys, vals, updates) =>
            OrdValBatch<string, string, Timestamp, long>.CreateBuilder(keys, vals, updates));

    // The (key, val, diff) triples a batch holds, by walking its cursor.
    private static List<(string Key, string Val, long Diff)> Walk(OrdValBatch<string, string, Timestamp, long> batch)
    {
        var result = new List<(string, string, long)>();
        var cursor = batch.GetCursor();
        while (cursor.KeyValid)
        {
            while (cursor.ValValid)
            {
                long sum = 0;
                var visitor = new DelegateVisitor<Timestamp, long>((_, diff) => sum += diff);
                cursor.MapTimes(ref visitor);
                result.Add((cursor.Key, cursor.Val, sum));
                cursor.StepVal();
            }

            cursor.StepKey();
        }

        return result;
    }

    private static List<(string Key, string Val, long Diff)> Expected(long diff) =>
        [.. from key in Strings.Ordinal(Strings.Tricky) from val in Strings.Ordinal(Strings.Tricky) select (key, val, diff)];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Merge_batcher_reads_keys_and_updates_ordinally(string culture)
    {
        using var scope = new CultureScope(culture);
        var batcher = FilledBatcher(out int repeats);
        batcher.ChainCount.Should().BeGreaterThan(0, "the pushes fill more than one chunk");

        var keys = new List<string>();
        batcher.CopyKeys(keys);
        keys.Should().Equal(Strings.Ordinal(Strings.Tricky));

        foreach (string key in Strings.Tricky)
        {
            var updates = new List<Update<string, string, Timestamp, long>>();
            batcher.CopyUpdates(key, updates);
            updates.Should().HaveCount(repeats * Strings.Tricky.Length, Strings.Escape(key))
                .And.OnlyContain(u => string.Equals(u.Key, key, StringComparison.Ordinal), Strings.Escape(key));
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Sealed_batch_holds_every_pair_in_ordinal_order_and_seeks_each_key(string culture)
    {
        using var scope = new CultureScope(culture);
        var batcher = FilledBatcher(out int repeats);
        var batch = Seal(batcher, (ulong)repeats + 1);

        Walk(batch).Should().Equal(Expected(repeats));
        foreach (string key in Strings.Tricky)
        {
            var cursor = batch.GetCursor();
            cursor.SeekKey(key);
            cursor.KeyValid.Should().BeTrue(Strings.Escape(key));
            cursor.Key.Should().Be(key, "SeekKey lands on the key itself");
            cursor.SeekVal(key);
            cursor.Val.Should().Be(key, "SeekVal lands on the value itself");
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Merged_batches_keep_every_pair_apart(string culture)
    {
        using var scope = new CultureScope(culture);
        var batcher = FilledBatcher(out int repeats);
        var first = Seal(batcher, (ulong)repeats + 1);
        foreach (string key in Strings.Tricky)
        {
            batcher.Push([.. Strings.Tricky.Select(val => new Update<string, string, Timestamp, long>(key, val, (ulong)repeats + 1, 1))]);
        }

        var second = Seal(batcher, (ulong)repeats + 2);
        var merger = OrdValBatch<string, string, Timestamp, long>.BeginMerge(first, second, Antichain<Timestamp>.AtMinimum());
        long fuel = long.MaxValue;
        merger.Work(first, second, ref fuel);
        var merged = merger.Done();

        Walk(merged).Should().Equal(Expected(repeats + 1));
    }
}
