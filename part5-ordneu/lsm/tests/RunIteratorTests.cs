using Traces.OrdNeu;
using static Traces.Lsm.Tests.IteratorAssertions;
using RunBatch = Traces.OrdNeu.OrdValBatch<Traces.Lsm.ByteString, Traces.Lsm.ByteString, Traces.Timestamp, long,
    Traces.OrdNeu.SliceContainer<Traces.Lsm.ByteString, byte, Traces.Lsm.ByteStringSlices>,
    Traces.OrdNeu.SliceContainer<Traces.Lsm.ByteString, byte, Traces.Lsm.ByteStringSlices>>;
using RunCursor = Traces.OrdNeu.OrdValCursor<
    Traces.Lsm.ByteString, Traces.Lsm.ByteString, Traces.Timestamp, long,
    Traces.OrdNeu.SliceContainer<Traces.Lsm.ByteString, byte, Traces.Lsm.ByteStringSlices>,
    Traces.OrdNeu.SliceContainer<Traces.Lsm.ByteString, byte, Traces.Lsm.ByteStringSlices>>;

namespace Traces.Lsm.Tests;

[Trait("Part", "lsm")]
public sealed class RunIteratorTests
{
    private static ByteString Bs(string text) => ByteString.CopyOf(B(text));

    /// <summary>
    /// a: written at 2. b: deleted at 3 (its old value lives in an older run). c: overwritten at 4.
    /// d: deleted at 5, written back with the same value at 6. e: written at 2, deleted at 3.
    /// </summary>
    private static RunBatch Batch()
    {
        var builder = RunBatch.CreateBuilder(5, 7, 7);
        (string Key, string Val, ulong Time, long Diff)[] updates =
        [
            ("a", "x", 2, +1),
            ("b", "old", 3, -1),
            ("c", "new", 4, +1),
            ("c", "old", 4, -1),
            ("d", "v", 5, -1),
            ("d", "v", 6, +1),
            ("e", "w", 2, +1),
            ("e", "w", 3, -1),
        ];
        foreach (var (key, val, time, diff) in updates)
        {
            builder.Push(new Update<ByteString, ByteString, Timestamp, long>(Bs(key), Bs(val), time, diff));
        }

        return builder.Done(new Description<Timestamp>([0], [10], [0]));
    }

    private static RunIterator<RunCursor> Read(ulong version, Bound lower = default, Bound upper = default) =>
        new(Batch().GetCursor(), lower, upper, version);

    [Fact]
    public void Each_key_reads_as_a_value_a_tombstone_or_nothing_at_each_version()
    {
        Drain(Read(1)).Should().BeEmpty();
        Drain(Read(2)).Should().Equal(Pairs("a", "x", "e", "w"));
        Drain(Read(3)).Should().Equal(Pairs("a", "x", "b", ""));
        Drain(Read(4)).Should().Equal(Pairs("a", "x", "b", "", "c", "new"));
        Drain(Read(5)).Should().Equal(Pairs("a", "x", "b", "", "c", "new", "d", ""));
        // At 6 the deletion and the re-write of d cancel: the batch leaves d as an older run has it.
        Drain(Read(6)).Should().Equal(Pairs("a", "x", "b", "", "c", "new"));
    }

    [Fact]
    public void Bounds_position_and_stop_the_run()
    {
        Drain(Read(9, Bound.Excluded(B("a")), Bound.Included(B("c")))).Should().Equal(Pairs("b", "", "c", "new"));
        Drain(Read(9, Bound.Included(B("bb")), Bound.Excluded(B("c")))).Should().BeEmpty();
        Drain(Read(9, Bound.Included(B("c")))).Should().Equal(Pairs("c", "new"));
        FluentActions.Invoking(() => Read(9, Bound.Included(B("c")), Bound.Included(B("a")))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void An_empty_batch_is_invalid_at_once()
    {
        var empty = RunBatch.CreateEmpty(new Description<Timestamp>([0], [1], [0]));
        var run = new RunIterator<RunCursor>(empty.GetCursor(), default, default, 5);
        run.IsValid.Should().BeFalse();
        run.NumActiveIterators.Should().Be(1);
    }

    [Fact]
    public void Keys_and_values_are_views_of_the_runs_bytes_and_reading_them_allocates_nothing()
    {
        var builder = RunBatch.CreateBuilder(200, 200, 200);
        for (int i = 0; i < 200; i++)
        {
            string key = "k" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            builder.Push(new Update<ByteString, ByteString, Timestamp, long>(Bs(key), Bs("v" + key), 1, +1));
        }

        var batch = builder.Done(new Description<Timestamp>([0], [2], [0]));
        (long Allocated, long Bytes) Walk()
        {
            var run = new RunIterator<RunCursor>(batch.GetCursor(), default, default, 1);
            long before = GC.GetAllocatedBytesForCurrentThread();
            long length = 0;
            for (; run.IsValid; run.Next())
            {
                length += run.Key.Length + run.Value.Length;
            }

            return (GC.GetAllocatedBytesForCurrentThread() - before, length);
        }

        Walk();
        Walk().Should().Be((0L, 200L * 9), "a run's keys and values are read as views of its stored bytes");
        var first = new RunIterator<RunCursor>(batch.GetCursor(), default, default, 1);
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(first.Key, out var one).Should().BeTrue();
        first.Next();
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(first.Key, out var two).Should().BeTrue();
        two.Array.Should().BeSameAs(one.Array, "every key of a run lives in one array");
        two.Offset.Should().Be(one.Offset + 4);
    }
}
