using System.Globalization;
using System.Net;
using System.Text;

namespace Book.Scenes;

/// <summary>Where a text's anchor point sits along the text.</summary>
public enum TextAnchor
{
    /// <summary>The text starts at the point.</summary>
    Start,

    /// <summary>The text is centred on the point.</summary>
    Middle,

    /// <summary>The text ends at the point.</summary>
    End,
}

/// <summary>Writes one self-contained SVG picture from boxes, text, lines and arrows.</summary>
/// <remarks>
/// Colours never appear in the markup: every element carries classes (<c>"box a"</c> becomes
/// <c>class="fig-box fig-a"</c>) that the book's stylesheet colours for the light and the dark theme alike. Arrowheads
/// are drawn as small polygons rather than markers, so a page with many figures holds no duplicate ids. Each element
/// can carry <c>data-*</c> attributes naming the values it draws; the book's tests read them back and compare them with
/// the structure the scene drove. Numbers are written with the invariant culture, so a figure is the same on every
/// machine.
/// </remarks>
public sealed class SvgCanvas
{
    private readonly StringBuilder body = new();

    /// <summary>How many groups are open; <see cref="ToSvg"/> requires zero.</summary>
    private int openGroups;

    /// <summary>Creates a canvas of the given size in user units (pixels at full size).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public SvgCanvas(double width, double height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
    }

    /// <summary>Gets the picture's width.</summary>
    public double Width { get; }

    /// <summary>Gets the picture's height.</summary>
    public double Height { get; }

    /// <summary>Draws a rectangle.</summary>
    /// <param name="x">Left edge.</param>
    /// <param name="y">Top edge.</param>
    /// <param name="width">Width.</param>
    /// <param name="height">Height.</param>
    /// <param name="style">Space-separated figure classes, for example <c>"box a"</c>.</param>
    /// <param name="data">Values the rectangle stands for, written as <c>data-NAME</c> attributes.</param>
    public SvgCanvas Rect(double x, double y, double width, double height, string style = "box", params (string Name, object? Value)[] data)
        => Shape("rect", $"x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" rx=\"3\"", style, data);

    /// <summary>Draws a circle.</summary>
    public SvgCanvas Circle(double cx, double cy, double r, string style = "box", params (string Name, object? Value)[] data)
        => Shape("circle", $"cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\"", style, data);

    /// <summary>Draws one line of text with its baseline at <paramref name="y"/>.</summary>
    /// <param name="x">The anchor's horizontal position.</param>
    /// <param name="y">The baseline.</param>
    /// <param name="text">The text; it is escaped.</param>
    /// <param name="style">Figure classes, for example <c>"label"</c>, <c>"small"</c> or <c>"mono"</c>.</param>
    /// <param name="anchor">Where the anchor sits along the text.</param>
    /// <param name="data">Values the text stands for.</param>
    public SvgCanvas Text(double x, double y, string text, string style = "label", TextAnchor anchor = TextAnchor.Start, params (string Name, object? Value)[] data)
    {
        ArgumentNullException.ThrowIfNull(text);
        body.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append('"');
        if (anchor != TextAnchor.Start)
        {
            body.Append(" text-anchor=\"").Append(anchor == TextAnchor.Middle ? "middle" : "end").Append('"');
        }

        Classes(style);
        Data(data);
        body.Append('>').Append(WebUtility.HtmlEncode(text)).Append("</text>");
        return this;
    }

    /// <summary>Draws a box with text centred in it: the usual cell of a column.</summary>
    public SvgCanvas Cell(double x, double y, double width, double height, string text, string style = "box", params (string Name, object? Value)[] data)
    {
        Rect(x, y, width, height, style, data);
        return Text(x + width / 2, y + height / 2 + 4.5, text, "label mono", TextAnchor.Middle);
    }

    /// <summary>Draws a straight line.</summary>
    public SvgCanvas Line(double x1, double y1, double x2, double y2, string style = "edge", params (string Name, object? Value)[] data)
        => Shape("line", $"x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\"", style, data);

    /// <summary>Draws a line from the first point to the second with an arrowhead at the second.</summary>
    public SvgCanvas Arrow(double x1, double y1, double x2, double y2, string style = "arrow", params (string Name, object? Value)[] data)
    {
        Line(x1, y1, x2, y2, style, data);
        var (dx, dy) = (x2 - x1, y2 - y1);
        var length = Math.Sqrt(dx * dx + dy * dy);
        if (length == 0)
        {
            return this;
        }

        // A head 7 units long and 7 wide, pointing along the line.
        var (ux, uy) = (dx / length, dy / length);
        var (bx, by) = (x2 - ux * 7, y2 - uy * 7);
        body.Append("<polygon points=\"").Append(N(x2)).Append(',').Append(N(y2)).Append(' ')
            .Append(N(bx - uy * 3.5)).Append(',').Append(N(by + ux * 3.5)).Append(' ')
            .Append(N(bx + uy * 3.5)).Append(',').Append(N(by - ux * 3.5)).Append('"');
        Classes(style + " head");
        body.Append("/>");
        return this;
    }

    /// <summary>Draws an SVG path from its <c>d</c> attribute.</summary>
    public SvgCanvas Path(string d, string style = "edge", params (string Name, object? Value)[] data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(d);
        return Shape("path", $"d=\"{WebUtility.HtmlEncode(d)}\"", style, data);
    }

    /// <summary>Opens a group; everything drawn until <see cref="EndGroup"/> belongs to it.</summary>
    public SvgCanvas BeginGroup(string style, params (string Name, object? Value)[] data)
    {
        body.Append("<g");
        Classes(style);
        Data(data);
        body.Append('>');
        openGroups++;
        return this;
    }

    /// <summary>Closes the group opened last.</summary>
    /// <exception cref="InvalidOperationException">No group is open.</exception>
    public SvgCanvas EndGroup()
    {
        if (openGroups == 0)
        {
            throw new InvalidOperationException("EndGroup without a group open.");
        }

        openGroups--;
        body.Append("</g>");
        return this;
    }

    /// <summary>Finishes the picture.</summary>
    /// <param name="description">What the picture shows; it becomes the SVG's accessible name.</param>
    /// <exception cref="InvalidOperationException">A group is still open.</exception>
    public string ToSvg(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (openGroups != 0)
        {
            throw new InvalidOperationException($"{openGroups} group(s) still open.");
        }

        return new StringBuilder()
            .Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fig\" viewBox=\"0 0 ").Append(N(Width)).Append(' ').Append(N(Height))
            .Append("\" width=\"").Append(N(Width)).Append("\" height=\"").Append(N(Height))
            .Append("\" style=\"--fig-w:").Append(N(Width)).Append("px\" role=\"img\" aria-label=\"")
            .Append(WebUtility.HtmlEncode(description)).Append("\">")
            .Append(body).Append("</svg>").ToString();
    }

    /// <summary>Finishes the picture as a <see cref="Figure"/>.</summary>
    public Figure ToFigure(string description) => new(ToSvg(description), description);

    /// <summary>Estimates how wide a text is drawn, for laying out boxes around it (about 7.2 units a character).</summary>
    public static double TextWidth(string text, bool small = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length * (small ? 6.2 : 7.8);
    }

    /// <summary>Writes one empty element: its tag, its geometry attributes as given, its classes and its data.</summary>
    private SvgCanvas Shape(string tag, string geometry, string style, (string Name, object? Value)[] data)
    {
        body.Append('<').Append(tag).Append(' ').Append(geometry);
        Classes(style);
        Data(data);
        body.Append("/>");
        return this;
    }

    private void Classes(string style)
    {
        var names = style.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            return;
        }

        body.Append(" class=\"");
        for (var i = 0; i < names.Length; i++)
        {
            body.Append(i == 0 ? "fig-" : " fig-").Append(names[i]);
        }

        body.Append('"');
    }

    private void Data((string Name, object? Value)[] data)
    {
        foreach (var (name, value) in data)
        {
            body.Append(" data-").Append(name).Append("=\"").Append(WebUtility.HtmlEncode(Format(value))).Append('"');
        }
    }

    /// <summary>Formats a value as a figure writes it: numbers invariantly, everything else by its string.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        double d => N(d),
        float f => N(f),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
