using Traces.Conformance;
namespace Traces.OrdNeu.Tests;

[Trait("Part", "5")]
public sealed class GallopingTests
{
    private struct LessThan(long[] items, long target) : IPositionTest
    {
        public int Tests { get; private set; }

        public bool Test(int position)
        {
            Tests++;
            return items[position] < target;
        }
    }

    /// <summary>A search over <see cref="LessThan"/>: the count of the passing prefix of <c>[start, end)</c>.</summary>
    private delegate int Search(int start, int end, ref LessThan test);

    [Fact]
    public void Advance_counts_the_passing_prefix_like_a_linear_scan() =>
        CountsLikeALinearScan(Galloping.Advance);

    [Fact]
    public void Bisect_counts_the_passing_prefix_like_a_linear_scan() =>
        CountsLikeALinearScan(Galloping.Bisect);

    private static void CountsLikeALinearScan(Search search) =>
        OrdNeuTestData.ForRuns(200, (random, log) =>
        {
            long[] items = Enumerable.Range(0, random.Next(0, 300)).Select(_ => (long)random.Next(1000)).Order().ToArray();
            int start = random.Next(0, items.Length + 1);
            int end = random.Next(start, items.Length + 1);
            long target = random.Next(-5, 1005);

            var test = new LessThan(items, target);
            int counted = search(start, end, ref test);

            counted.Should().Be(items[start..end].Count(x => x < target));
        });

    [Fact]
    public void Advance_takes_logarithmically_many_tests_for_a_long_jump()
    {
        long[] items = Enumerable.Range(0, 1 << 20).Select(i => (long)i).ToArray();
        var test = new LessThan(items, 1000);
        Galloping.Advance(0, items.Length, ref test).Should().Be(1000);
        test.Tests.Should().BeLessThan(40);

        var near = new LessThan(items, 3);
        Galloping.Advance(0, items.Length, ref near).Should().Be(3);
        near.Tests.Should().Be(4, "a short hop is found by the linear prefix");
    }

    [Fact]
    public void Bisect_tests_the_first_position_alone_and_then_halves()
    {
        long[] items = Enumerable.Range(0, 1 << 20).Select(i => (long)i).ToArray();
        var stay = new LessThan(items, -1);
        Galloping.Bisect(0, items.Length, ref stay).Should().Be(0);
        stay.Tests.Should().Be(1, "a seek that does not move costs one test");

        var far = new LessThan(items, 900_000);
        Galloping.Bisect(0, items.Length, ref far).Should().Be(900_000);
        far.Tests.Should().BeLessThanOrEqualTo(22, "one test, then a binary search of 2^20 positions");

        var gallop = new LessThan(items, 900_000);
        Galloping.Advance(0, items.Length, ref gallop).Should().Be(900_000);
        gallop.Tests.Should().BeGreaterThan(far.Tests + 20, "galloping that far doubles its way there first");
    }

    [Fact]
    public void SeekLess_bisects_from_position_zero_and_gallops_elsewhere_with_the_same_answers()
    {
        var items = new ArrayContainer<long>(0);
        foreach (long x in new long[] { 1, 3, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233 })
        {
            items.Push(x);
        }

        foreach (long target in new long[] { -1, 1, 2, 3, 4, 100, 233, 1000 })
        {
            Galloping.SeekLess(items, 0, items.Count, target).Should().Be(Galloping.CountLess(items, 0, items.Count, target));
            Galloping.SeekLess(items, 3, items.Count, target).Should().Be(Galloping.CountLess(items, 3, items.Count, target));
        }
    }

    [Fact]
    public void CountLess_searches_a_container_range()
    {
        var items = new ArrayContainer<long>(0);
        foreach (long x in new long[] { 1, 3, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233 })
        {
            items.Push(x);
        }

        Galloping.CountLess(items, 0, items.Count, 3L).Should().Be(1);
        Galloping.CountLess(items, 2, items.Count, 100L).Should().Be(8);
        Galloping.CountLess(items, 0, 4, 1000L).Should().Be(4);
        Galloping.CountLess(items, 5, 5, 1000L).Should().Be(0);
    }
}
