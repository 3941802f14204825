using Traces;
using Traces.Sorted;

namespace Exercises.Ch03;

/// <summary>
/// The check for a merge of your own that allocates one array: it merges as part 2 does, and allocates exactly
/// as many bytes as one array of the result's length, even when half of the updates cancel. Subclass it and call
/// your merge.
/// </summary>
public abstract class OneAllocationMergeCheck
{
    /// <summary>Merges two sorted, consolidated lists with the merge under test.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    protected abstract Update<long, long, Timestamp, long>[] Merge(
        ReadOnlySpan<Update<long, long, Timestamp, long>> left,
        ReadOnlySpan<Update<long, long, Timestamp, long>> right);

    /// <summary>Every pair of sizes from 0 to 30, with diffs that often cancel, against part 2's merge.</summary>
    [Fact]
    public void It_merges_as_part_2_does()
    {
        var random = new Random(1);
        for (int m = 0; m <= 30; m++)
        {
            for (int n = 0; n <= 30; n++)
            {
                var left = RandomList(random, m);
                var right = RandomList(random, n);
                Merge(left, right).Should().Equal(SortedMerge.Merge<long, long, Timestamp, long>(left, right),
                    $"merging lists of {m} and {n}");
            }
        }
    }

    /// <summary>Two lists of 2000 updates, half of which cancel across them.</summary>
    [Fact]
    public void It_allocates_one_array_of_exactly_the_result()
    {
        var random = new Random(2);
        var left = SortedList(random, 2000);
        var right = new Update<long, long, Timestamp, long>[left.Length];
        for (int i = 0; i < left.Length; i++)
        {
            right[i] = left[i] with { Diff = i % 2 == 0 ? -left[i].Diff : left[i].Diff };
        }

        long bytes = long.MaxValue;
        int length = 0;
        for (int run = 0; run < 3; run++)
        {
            // The first run pays for anything the first call loads; the smallest count is the merge's own.
            long before = GC.GetAllocatedBytesForCurrentThread();
            var merged = Merge(left, right);
            bytes = Math.Min(bytes, GC.GetAllocatedBytesForCurrentThread() - before);
            length = merged.Length;
        }

        length.Should().Be(left.Length / 2, "every other update cancels");
        bytes.Should().Be(BytesOfOneArray(length), "the merge allocates one array of the result's length");
    }

    private static long BytesOfOneArray(int length)
    {
        long bytes = long.MaxValue;
        for (int run = 0; run < 3; run++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var array = new Update<long, long, Timestamp, long>[length];
            bytes = Math.Min(bytes, GC.GetAllocatedBytesForCurrentThread() - before);
            GC.KeepAlive(array);
        }

        return bytes;
    }

    /// <summary>A sorted, consolidated list of <paramref name="length"/> of the 120 updates of a small grid.</summary>
    private static Update<long, long, Timestamp, long>[] RandomList(Random random, int length)
    {
        int[] cells = [.. Enumerable.Range(0, 120)];
        random.Shuffle(cells);
        Array.Sort(cells, 0, length);
        var list = new Update<long, long, Timestamp, long>[length];
        for (int i = 0; i < length; i++)
        {
            int cell = cells[i];
            list[i] = new(cell / 6, cell / 2 % 3, (ulong)(cell % 2), random.Next(2) == 0 ? 1 : -1);
        }

        return list;
    }

    /// <summary>A sorted, consolidated list of <paramref name="length"/> updates over few keys, diffs ±1.</summary>
    private static Update<long, long, Timestamp, long>[] SortedList(Random random, int length)
    {
        var list = new Update<long, long, Timestamp, long>[length];
        for (int i = 0; i < length; i++)
        {
            list[i] = new(i / 6, i / 2 % 3, (ulong)(i % 2), random.Next(2) == 0 ? 1 : -1);
        }

        return list;
    }
}
