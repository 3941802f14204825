using Traces.Conformance;
using Traces.Index;

namespace Traces.Index.Tests;

[Trait("Part", "4")]
public sealed class GetSortedTests
{
    private static Update<int, int, Timestamp, long> U(int key, int val, ulong time, long diff) => new(key, val, time, diff);

    private static IndexedTrace<int, int, Timestamp, long> RandomTrace(Choices random)
    {
        var trace = new IndexedTrace<int, int, Timestamp, long>();
        for (int round = 0; round < 60; round++)
        {
            var batch = new Update<int, int, Timestamp, long>[1 + random.Next(50)];
            for (int i = 0; i < batch.Length; i++)
            {
                // Even keys only, so odd query keys are absent.
                batch[i] = U(2 * random.Next(200), random.Next(3), (ulong)random.Next(3), random.Next(3) - 1);
            }

            trace.Add(batch);
        }

        return trace;
    }

    [Fact]
    [Trait("Runs", "model")]
    public void Batched_look_ups_with_repeated_and_absent_keys_equal_single_look_ups() =>
        ModelRun.Check("part 4: batched look-ups against single ones", static (random, _) => BatchedLookUps(random),
            sequences: 40, maxChoices: 20_000);

    private static void BatchedLookUps(Choices random)
    {
        var trace = RandomTrace(random);
        for (int batch = 0; batch < 20 && !random.Exhausted; batch++)
        {
            // Keys from -5 to 405: below, between, on and above the stored keys, with repeats.
            int[] keys = [.. Enumerable.Range(0, 1 + random.Next(300)).Select(_ => random.Next(-5, 406)).Order()];
            var output = new List<Update<int, int, Timestamp, long>> { U(-100, 0, 0, 1) };
            var ends = new int[keys.Length];

            trace.GetSorted(keys, output, ends);

            int start = 1;
            for (int q = 0; q < keys.Length; q++)
            {
                output[start..ends[q]].Should().Equal(trace.Get(keys[q]), $"batch {batch}, key {keys[q]}");
                start = ends[q];
            }

            output.Count.Should().Be(start);
            output[0].Should().Be(U(-100, 0, 0, 1), "what the list held before is kept");
        }
    }

    [Fact]
    public void An_empty_batch_appends_nothing()
    {
        var trace = RandomTrace(new Choices([.. Enumerable.Range(1, 4_000).Select(static i => i * 7_919 % Choices.Range)]));
        var output = new List<Update<int, int, Timestamp, long>>();

        trace.GetSorted([], output, []);

        output.Should().BeEmpty();
    }

    [Fact]
    public void Keys_out_of_order_get_an_argument_exception_and_append_nothing()
    {
        var trace = new IndexedTrace<int, int, Timestamp, long>();
        trace.Add([U(1, 0, 0, 1), U(2, 0, 0, 1)]);
        var output = new List<Update<int, int, Timestamp, long>>();

        var lookUp = () => trace.GetSorted([1, 2, 1], output, new int[3]);

        lookUp.Should().Throw<ArgumentException>().WithParameterName("keys");
        output.Should().BeEmpty();
    }

    [Fact]
    public void Ends_of_the_wrong_length_get_an_argument_exception()
    {
        var trace = new IndexedTrace<int, int, Timestamp, long>();
        var output = new List<Update<int, int, Timestamp, long>>();

        var lookUp = () => trace.GetSorted([1, 2], output, new int[1]);

        lookUp.Should().Throw<ArgumentException>().WithParameterName("ends");
    }

    [Fact]
    public void A_null_key_gets_an_argument_null_exception_and_appends_nothing()
    {
        var trace = new IndexedTrace<string, int, Timestamp, long>();
        trace.Add([new("a", 0, 0, 1)]);
        var output = new List<Update<string, int, Timestamp, long>>();

        var lookUp = () => trace.GetSorted(["a", null!], output, new int[2]);

        lookUp.Should().Throw<ArgumentNullException>();
        output.Should().BeEmpty();
    }
}
