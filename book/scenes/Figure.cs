namespace Book.Scenes;

/// <summary>A picture drawn by a scene: self-contained SVG and the words a screen reader says for it.</summary>
/// <param name="Svg">One <c>&lt;svg&gt;</c> element, styled only through the book's figure classes.</param>
/// <param name="Description">What the picture shows, in a sentence or two (its accessible name).</param>
public sealed record Figure(string Svg, string Description);

/// <summary>One recorded state of a player: its picture and a line saying what happened to get there.</summary>
/// <param name="Label">What this step did, for example "insert 5: level 2 merging, 3 of 8 updates done".</param>
/// <param name="Svg">The state, drawn as one <c>&lt;svg&gt;</c> element.</param>
public sealed record PlayerFrame(string Label, string Svg);

/// <summary>A sequence of states recorded from a real run, replayed in the page with step, play and a slider.</summary>
/// <param name="Description">What the player shows (its accessible name).</param>
/// <param name="Frames">The states in order; there is at least one.</param>
public sealed record Player(string Description, IReadOnlyList<PlayerFrame> Frames);
