using System.Xml.Linq;

namespace Book.Tests.Scenes;

/// <summary>Reads back what a scene drew: its SVG as XML, and the values its elements carry as <c>data-*</c> attributes.</summary>
internal static class SceneSvg
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Parses one SVG picture; fails the test if it is not well-formed XML.</summary>
    public static XElement Parse(string svg)
    {
        var root = XElement.Parse(svg);
        root.Name.Should().Be(Svg + "svg");
        return root;
    }

    /// <summary>Every element under <paramref name="root"/> that carries <c>data-<paramref name="name"/></c>, in document order.</summary>
    public static IReadOnlyList<XElement> WithData(XElement root, string name) =>
        root.Descendants().Where(e => e.Attribute("data-" + name) is not null).ToList();

    /// <summary>A number as a figure writes it in a data attribute (invariant culture).</summary>
    public static string S(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads back a whole number a figure wrote.</summary>
    public static int I(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The value of <c>data-<paramref name="name"/></c> on <paramref name="element"/>.</summary>
    public static string Data(XElement element, string name) =>
        element.Attribute("data-" + name)?.Value ?? throw new InvalidOperationException($"no data-{name} on {element.Name.LocalName}");
}
