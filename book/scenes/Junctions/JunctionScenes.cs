using System.Globalization;
using Traces.Junctions;

namespace Book.Scenes.Junctions;

/// <summary>One step of a walk over a live set: the walk takes its next element, or the set changes under it.</summary>
/// <param name="Op"><c>next</c>, <c>insert</c> or <c>remove</c>.</param>
/// <param name="Values">The values inserted or removed.</param>
public sealed record PassageStep(string Op, params int[] Values);

/// <summary>
/// Chapter 13's pictures: a relation's two indexes kept in step by a write that evicts, and a walk over a live set
/// while elements are added and removed around it.
/// </summary>
public static class JunctionScenes
{
    /// <summary>Who holds what before the write: character, item.</summary>
    public static IReadOnlyList<(string Character, string Item)> Inventory { get; } =
        [("anna", "apple"), ("anna", "rope"), ("jochen", "bell"), ("russell", "coin"), ("russell", "lamp"), ("russell", "stick")];

    /// <summary>The write the figure shows: the stick goes to Jochen.</summary>
    public static (string Character, string Item) Move { get; } = ("jochen", "stick");

    /// <summary>
    /// The two indexes of a one-to-many inventory, before and after <c>Fwd.Insert(jochen, stick)</c>: the forward
    /// index sorted by character, the backward one by item, each pair joined to its flipped twin. The item side is
    /// to-one, so the write retracts <c>(russell, stick)</c> from both indexes before asserting the new pair.
    /// </summary>
    [Scene("junction-two-indexes")]
    public static Figure TwoIndexes()
    {
        var inventory = new OneToMany<string, string>();
        foreach (var (character, item) in Inventory)
        {
            inventory.Fwd.Insert(character, item);
        }

        var fwdBefore = inventory.Fwd.ToList();
        var bwdBefore = inventory.Bwd.ToList();
        inventory.Fwd.Insert(Move.Character, Move.Item);
        var fwd = Union(fwdBefore, inventory.Fwd.ToList());
        var bwd = Union(bwdBefore, inventory.Bwd.ToList());

        const double left = 30, right = 390, width = 180, top = 64, row = 28;
        var canvas = new SvgCanvas(620, top + Math.Max(fwd.Count, bwd.Count) * row + 44);
        canvas.Text(left, 20, "Fwd: by character (to-many)", "label bold")
            .Text(left, 38, "pairs sorted by (character, item)", "small muted")
            .Text(right, 20, "Bwd: by item (to-one)", "label bold")
            .Text(right, 38, "pairs sorted by (item, character)", "small muted");
        for (var i = 0; i < fwd.Count; i++)
        {
            var (pair, change) = fwd[i];
            var j = bwd.FindIndex(b => b.Pair == (pair.Right, pair.Left));
            var style = change == "kept" ? "" : change == "added" ? "c" : "b";
            canvas.Line(left + width, top + i * row + 11, right, top + j * row + 11, style.Length == 0 ? "edge faded" : style);
        }

        Column(canvas, fwd, left, top, width, row, "fwd");
        Column(canvas, bwd, right, top, width, row, "bwd");
        var legend = top + Math.Max(fwd.Count, bwd.Count) * row + 14;
        canvas.Rect(left, legend, 14, 14, "removed").Text(left + 20, legend + 11, "retracted (evicted)", "small")
            .Rect(left + 170, legend, 14, 14, "added").Text(left + 190, legend + 11, "asserted", "small")
            .Text(left + 280, legend + 11, "Fwd.Insert(jochen, stick) changes both indexes", "small muted");
        return canvas.ToFigure(
            "The forward and backward indexes of a one-to-many inventory. Fwd.Insert(jochen, stick) retracts "
            + "(russell, stick) from both, because an item has one owner, and adds (jochen, stick) to both; lines "
            + "join each pair to its flipped twin in the other index.");
    }

    private static void Column(SvgCanvas canvas, List<((string Left, string Right) Pair, string Change)> pairs,
        double x, double top, double width, double row, string index)
    {
        for (var i = 0; i < pairs.Count; i++)
        {
            var ((a, b), change) = pairs[i];
            var style = change switch { "removed" => "removed", "added" => "added", _ => "box" };
            canvas.Cell(x, top + i * row, width, 22, "(" + a + ", " + b + ")", style,
                ("index", index), ("pair", a + "," + b), ("change", change));
            if (change == "removed")
            {
                canvas.Line(x + 12, top + i * row + 11, x + width - 12, top + i * row + 11, "b");
            }
        }
    }

    /// <summary>Every pair before or after, in order, marked kept, removed or added.</summary>
    private static List<((string Left, string Right) Pair, string Change)> Union(
        List<(string Key, string Value)> before, List<(string Key, string Value)> after)
    {
        var all = before.Concat(after).Distinct().Order().ToList();
        return all.Select(p => ((p.Key, p.Value),
            before.Contains(p) && after.Contains(p) ? "kept" : before.Contains(p) ? "removed" : "added")).ToList();
    }

    /// <summary>The set the walk starts over.</summary>
    public static IReadOnlyList<int> Start { get; } = [1, 2, 4, 5];

    /// <summary>
    /// The walk: take 1 and 2, remove the 2 just returned, take 4, insert 3 (behind) and 6 (ahead), take 5, 6 and
    /// the end, then insert 7 and ask again.
    /// </summary>
    public static IReadOnlyList<PassageStep> Walk { get; } =
    [
        new("next"), new("next"), new("remove", 2), new("next"), new("insert", 3, 6), new("next"), new("next"),
        new("next"), new("insert", 7), new("next"),
    ];

    /// <summary>
    /// A walk over a live set view of a many-to-many relation while the relation changes: each row is one step, with
    /// the set as it is after the step, the place the walk has reached, and what the step yielded.
    /// </summary>
    [Scene("junction-passage")]
    public static Figure Passage()
    {
        const string key = "k";
        var relation = new ManyToMany<string, int>();
        foreach (var value in Start)
        {
            relation.Fwd.Insert(key, value);
        }

        var view = relation.Fwd.Get(key);
        var walk = view.Iterate();
        const double opWidth = 120, cell = 34, left = opWidth + 20, top = 50, row = 34;
        const int values = 8;
        var canvas = new SvgCanvas(left + values * cell + 130, top + Walk.Count * row + 50);
        canvas.Text(12, 24, "step", "small muted").Text(left + values * cell / 2, 24, "the set after the step", "small muted", TextAnchor.Middle)
            .Text(left + values * cell + 24, 24, "yields", "small muted");
        for (var v = 0; v < values; v++)
        {
            canvas.Text(left + v * cell + cell / 2, top - 4, v.ToString(CultureInfo.InvariantCulture), "small muted", TextAnchor.Middle);
        }

        int? last = null;
        var exhausted = false;
        for (var s = 0; s < Walk.Count; s++)
        {
            var step = Walk[s];
            string yielded = "";
            switch (step.Op)
            {
                case "next":
                    if (walk.TryNext(out var item))
                    {
                        (last, yielded) = (item, "→ " + item.ToString(CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        (exhausted, yielded) = (true, "end");
                    }

                    break;
                case "insert":
                    foreach (var value in step.Values)
                    {
                        relation.Fwd.Insert(key, value);
                    }

                    break;
                default:
                    foreach (var value in step.Values)
                    {
                        relation.Fwd.Remove(key, value);
                    }

                    break;
            }

            var y = top + s * row;
            var contents = relation.Fwd.Get(key).ToList();
            canvas.BeginGroup("", ("step", s), ("op", Describe(step)), ("contents", string.Join(" ", contents)),
                ("yield", yielded), ("last", last));
            canvas.Text(12, y + 17, Describe(step), step.Op == "next" ? "label mono" : "label mono b");
            for (var v = 0; v < values; v++)
            {
                var x = left + v * cell;
                var present = contents.Contains(v);
                var changed = step.Values.Contains(v);
                var behind = exhausted || (last is { } l && v <= l);
                var style = changed ? (present ? "added" : "removed")
                    : !present ? "empty faded"
                    : behind ? "box faded" : "box a";
                canvas.Rect(x + 2, y + 2, cell - 4, row - 8, style);
                if (present || changed)
                {
                    canvas.Text(x + cell / 2, y + 18, v.ToString(CultureInfo.InvariantCulture), behind && !changed ? "label mono faded" : "label mono", TextAnchor.Middle);
                }
            }

            if (last is { } probe && !exhausted)
            {
                // The walk's place: just after the last element it returned.
                var px = left + (probe + 1) * cell;
                canvas.Line(px, y - 1, px, y + row - 5, "arrow thick");
            }

            canvas.Text(left + values * cell + 24, y + 18, yielded, yielded.Length == 0 ? "label" : "label bold");
            canvas.EndGroup();
        }

        var legend = top + Walk.Count * row + 12;
        canvas.Rect(12, legend, 14, 14, "box faded").Text(32, legend + 11, "passed", "small")
            .Rect(92, legend, 14, 14, "box a").Text(112, legend + 11, "ahead", "small")
            .Rect(162, legend, 14, 14, "added").Text(182, legend + 11, "inserted", "small")
            .Rect(242, legend, 14, 14, "removed").Text(262, legend + 11, "removed", "small")
            .Line(330, legend - 2, 330, legend + 16, "arrow thick").Text(338, legend + 11, "where the walk stands", "small");
        return canvas.ToFigure(
            "A walk over the live set {1, 2, 4, 5}. Removing the 2 it just returned does not make it skip 4; of the 3 and "
            + "6 inserted after it has passed 4, it sees only 6, which is ahead; once it has reported the end, a new 7 "
            + "does not revive it.");
    }

    /// <summary>
    /// Walks a live set view while the relation changes under it: forwards, backwards, and from both ends at once,
    /// printing what each walk yields before and after the change.
    /// </summary>
    [Scene("junction-walks")]
    public static void Walks(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        #region walks
        var (relation, view) = Fresh();
        var forward = view.Iterate();
        output.Write("forward:   " + Take(forward, 3));
        relation.Insert("k", 3);
        relation.Insert("k", 6);
        output.WriteLine(" | insert 3, 6 | " + Take(forward, int.MaxValue));

        (relation, view) = Fresh();
        var backward = view.Reverse().Iterate();
        output.Write("backward:  " + Take(backward, 2));
        relation.Insert("k", 3);
        relation.Insert("k", 6);
        relation.Insert("k", 0);
        output.WriteLine(" | insert 3, 6, 0 | " + Take(backward, int.MaxValue));

        (relation, view) = Fresh();
        var both = view.Iterate();
        both.TryNext(out var front);
        both.TryNextBack(out var back);
        output.Write(string.Create(CultureInfo.InvariantCulture, $"both ends: front {front}, back {back}"));
        relation.Insert("k", 0);
        relation.Insert("k", 3);
        relation.Insert("k", 7);
        var rest = new List<string>();
        while (both.TryNextBack(out var item))
        {
            rest.Add(item.ToString(CultureInfo.InvariantCulture));
        }

        output.WriteLine(" | insert 0, 3, 7 | back " + string.Join(" ", rest)
            + " end, then front " + (both.TryNext(out _) ? "more" : "end"));
        #endregion
    }

    /// <summary>A relation whose key <c>k</c> holds <c>{1, 2, 4, 5}</c>, and the live set view of that key.</summary>
    private static (ToMany<string, int> Relation, Sequence<int> View) Fresh()
    {
        var relation = new ManyToMany<string, int>();
        foreach (var value in new[] { 1, 2, 4, 5 })
        {
            relation.Fwd.Insert("k", value);
        }

        return (relation.Fwd, relation.Fwd.Get("k"));
    }

    /// <summary>Takes up to <paramref name="count"/> items from a walk, written space-separated ("end" if it ran out).</summary>
    private static string Take(Passage<int> walk, int count)
    {
        var items = new List<string>();
        while (items.Count < count)
        {
            if (!walk.TryNext(out var item))
            {
                items.Add("end");
                break;
            }

            items.Add(item.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(" ", items);
    }

    private static string Describe(PassageStep step) => step.Op == "next"
        ? "next"
        : step.Op + " " + string.Join(", ", step.Values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
