using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Book.Scenes;

namespace Book;

/// <summary>The HTML of what scenes produce: a figure, a player with its recorded frames, a sample's output.</summary>
/// <remarks>
/// Everything a scene produced is written into the page itself (the SVG inline, a player's frames as hidden
/// elements), so the site needs no request to show it and works from <c>file://</c>. Ids are derived from the scene's
/// name, so the build's duplicate-id check catches a scene shown twice on one page.
/// </remarks>
internal static partial class SceneHtml
{
    /// <summary>A figure: the picture and its caption.</summary>
    public static string Figure(string name, string caption, Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return new StringBuilder()
            .Append("<figure class=\"scene\" id=\"figure-").Append(name).Append("\" data-scene=\"").Append(name).Append("\">")
            .Append("<div class=\"scene-picture\">").Append(figure.Svg).Append("</div>")
            .Append("<figcaption>").Append(Inline(caption)).Append("</figcaption></figure>").ToString();
    }

    /// <summary>A player: every frame (the first shown), the controls, the current step's label and the caption.</summary>
    /// <remarks>The controls work without the script too: with scripts off, the first frame and its label stay shown.</remarks>
    public static string Player(string name, string caption, Player player)
    {
        ArgumentNullException.ThrowIfNull(player);
        var count = player.Frames.Count;
        var html = new StringBuilder()
            .Append("<figure class=\"player\" id=\"player-").Append(name).Append("\" data-player=\"").Append(name)
            .Append("\" data-steps=\"").Append(count).Append("\" aria-label=\"").Append(Encode(player.Description)).Append("\">")
            .Append("<div class=\"player-stage\">");
        for (var i = 0; i < count; i++)
        {
            html.Append("<div class=\"player-frame\" data-step=\"").Append(i).Append("\" data-label=\"")
                .Append(Encode(player.Frames[i].Label)).Append('"').Append(i == 0 ? "" : " hidden").Append('>')
                .Append(player.Frames[i].Svg).Append("</div>");
        }

        return html.Append("</div><div class=\"player-controls\">")
            .Append(Button("first", "First step (Home)", Icon("M3 3h2v10H3zM13 3v10L6 8z")))
            .Append(Button("previous", "Previous step (←)", Icon("M11 3v10L4 8z")))
            .Append(Button("play", "Play or pause (space)", Icon("M5 3v10l8-5z", "icon-play") + Icon("M4 3h3v10H4zM9 3h3v10H9z", "icon-pause")))
            .Append(Button("next", "Next step (→)", Icon("M5 3v10l7-5z")))
            .Append(Button("last", "Last step (End)", Icon("M3 3v10l7-5zM11 3h2v10h-2z")))
            .Append("<input type=\"range\" class=\"player-slider\" min=\"0\" max=\"").Append(count - 1)
            .Append("\" value=\"0\" aria-label=\"Step\">")
            .Append("<output class=\"player-position\">1 / ").Append(count).Append("</output></div>")
            .Append("<p class=\"player-label\" aria-live=\"polite\">").Append(Encode(player.Frames[0].Label)).Append("</p>")
            .Append("<figcaption>").Append(Inline(caption)).Append("</figcaption></figure>").ToString();
    }

    /// <summary>A player button: its action, its name (also its tooltip) and its icon.</summary>
    private static string Button(string action, string title, string icon) =>
        $"<button type=\"button\" data-action=\"{action}\"{(action == "play" ? " aria-pressed=\"false\"" : "")} aria-label=\"{Encode(title[..title.IndexOf(" (", StringComparison.Ordinal)])}\" title=\"{Encode(title)}\">{icon}</button>";

    /// <summary>A 16-unit icon drawn with the text colour: no font has to hold the glyph.</summary>
    private static string Icon(string path, string? name = null) =>
        $"<svg class=\"icon{(name is null ? "" : " " + name)}\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\"><path d=\"{path}\"/></svg>";

    /// <summary>What a sample printed, as a block of output under a caption naming the sample.</summary>
    /// <exception cref="BuildErrorException">A printed line is wider than the code column.</exception>
    public static string Output(string name, string caption, string text, SourceLocation at)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        foreach (var line in lines)
        {
            if (line.Length > CodeColumn.Characters)
            {
                throw new BuildErrorException(at.Error(
                    $"sample '{name}' printed a line of {line.Length} characters, wider than the code column ({CodeColumn.Characters})"));
            }
        }

        var html = new StringBuilder()
            .Append("<figure class=\"sample-output\" id=\"output-").Append(name).Append("\"><figcaption>")
            .Append("<span class=\"output-label\">Output</span> of sample <code>").Append(name).Append("</code>")
            .Append(caption.Length == 0 ? "" : ": " + Inline(caption))
            .Append("</figcaption><pre class=\"output\"><code>");
        for (var i = 0; i < lines.Length; i++)
        {
            html.Append("<span class=\"line\">").Append(Encode(lines[i])).Append(i + 1 < lines.Length ? "\n" : "").Append("</span>");
        }

        return html.Append("</code></pre></figure>").ToString();
    }

    /// <summary>Renders a caption: text escaped, <c>`code`</c> as code.</summary>
    private static string Inline(string caption) =>
        CodeSpan().Replace(Encode(caption), static m => $"<code>{m.Groups[1].Value}</code>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
