using Traces.Index;

namespace Traces.Index.Tests;

[Trait("Part", "4")]
public sealed class KeySearchTests
{
    [Fact]
    public void Gallop_counts_the_keys_below_the_target_for_every_length_and_target()
    {
        for (int length = 0; length <= 70; length++)
        {
            // Keys 0, 2, 4, ...: odd targets fall between keys, even ones land on them.
            var keys = Enumerable.Range(0, length).Select(i => (Key: 2 * i, End: i + 1)).ToArray();
            for (int target = -1; target <= 2 * length + 1; target++)
            {
                int expected = keys.Count(k => k.Key < target);

                KeySearch.Gallop<int>(keys, target).Should().Be(expected, $"length {length}, target {target}");
            }
        }
    }

    [Fact]
    public void Gallop_handles_repeated_keys()
    {
        (int Key, int End)[] keys = [.. Enumerable.Repeat((Key: 1, End: 0), 20), .. Enumerable.Repeat((Key: 5, End: 0), 20)];

        KeySearch.Gallop<int>(keys, 1).Should().Be(0);
        KeySearch.Gallop<int>(keys, 5).Should().Be(20);
        KeySearch.Gallop<int>(keys, 6).Should().Be(40);
    }
}
