using Book.Scenes.OrdNeu;
using Traces.OrdNeu;

namespace Book.Tests.Scenes.OrdNeu;

[Trait("Part", "book")]
public sealed class ContainerSceneTests
{
    [Fact]
    public void The_slice_picture_draws_every_element_and_the_end_of_every_item()
    {
        var svg = SceneSvg.Parse(SceneCatalog.Default.DrawFigure("slice-container").Svg);

        // An independent container with the same words.
        var slices = new SliceContainer<string, char, StringSlices>(4, 16);
        foreach (var word in ContainerScenes.Words)
        {
            slices.Push(word);
        }

        SceneSvg.WithData(svg, "item").Select(e => SceneSvg.Data(e, "text"))
            .Should().Equal(Enumerable.Range(0, slices.Count).Select(i => slices.Slice(i).ToString()));
        SceneSvg.WithData(svg, "element").Should().HaveCount(slices.ElementCount);
        var ends = SceneSvg.WithData(svg, "end").Select(e => int.Parse(SceneSvg.Data(e, "end"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        ends.Should().Equal(0, 5, 8, 12, 16);
        for (int i = 0; i < slices.Count; i++)
        {
            (ends[i + 1] - ends[i]).Should().Be(slices.Slice(i).Length);
            slices.Index(i).Should().Be(ContainerScenes.Words[i]);
        }
    }

    [Fact]
    public void The_offset_sample_shows_the_promotion_to_64_bits()
    {
        var offsets = new OffsetList(4);
        foreach (long offset in (long[])[0, 5, 8, uint.MaxValue, uint.MaxValue + 1L, 6_000_000_000])
        {
            offsets.Push(offset);
        }

        (offsets.ZeroPrefix, offsets.NarrowCount, offsets.WideCount).Should().Be((1, 3, 2));
        var printed = SceneCatalog.Default.RunSample("offset-list-runs");
        printed.Should().Contain("push 4,294,967,295: zero prefix 1, 32-bit 3, 64-bit 0")
            .And.Contain("push 6,000,000,000: zero prefix 1, 32-bit 3, 64-bit 2, last 6,000,000,000");
    }
}
