using System.Globalization;
using System.Runtime.CompilerServices;
using Traces;
using Traces.Tries;

namespace Book.Scenes.Tries;

/// <summary>Chapter 4's pictures and sample: a flattened trie's three layers, and a merge of two tries.</summary>
public static class TrieScenes
{
    /// <summary>Builds the trie of <paramref name="updates"/> the way part 3's trace does: consolidate, then build.</summary>
    public static Trie<string, string, Timestamp, long> Build(IEnumerable<Update<string, string, Timestamp, long>> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var batch = updates.ToArray();
        var length = Consolidation.Consolidate<string, string, Timestamp, long>(batch);
        return TrieBuilder<string, string, Timestamp, long>.FromSorted(batch.AsSpan(0, length));
    }

    /// <summary>The updates of the layers picture: the chapter's example.</summary>
    public static IReadOnlyList<Update<string, string, Timestamp, long>> LayerUpdates { get; } =
        [new("a", "x", 1, +1), new("a", "x", 2, -1), new("a", "y", 1, +2), new("b", "x", 3, +5)];

    /// <summary>
    /// The three layers of the trie of <see cref="LayerUpdates"/> as columns of cells with their offsets, and an arrow
    /// from every key and value to the range of entries it owns in the layer below.
    /// </summary>
    [Scene("trie-layers")]
    public static Figure Layers()
    {
        var trie = Build(LayerUpdates);
        const double cellW = 96, cellH = 30, gap = 8, top = 40, keysX = 40, valsX = 250, historyX = 460;
        var rows = trie.History.Length;
        var canvas = new SvgCanvas(historyX + cellW + 40, top + rows * (cellH + gap) + 10);
        canvas.Text(keysX, 16, "keys: (key, end)", "small bold").Text(valsX, 16, "vals: (val, end)", "small bold")
            .Text(historyX, 16, "history: (time, diff)", "small bold");

        for (var k = 0; k < trie.Keys.Length; k++)
        {
            var (key, end) = trie.Keys[k];
            Entry(canvas, keysX, k, $"({key}, {end})", "box a", ("layer", "keys"), ("offset", k), ("key", key), ("end", end));
            Owns(canvas, keysX + cellW, k, valsX, trie.ValsStart(k), end, ("from-layer", "keys"), ("from", k),
                ("start", trie.ValsStart(k)), ("end", end));
        }

        for (var v = 0; v < trie.Vals.Length; v++)
        {
            var (val, end) = trie.Vals[v];
            Entry(canvas, valsX, v, $"({val}, {end})", "box b", ("layer", "vals"), ("offset", v), ("val", val), ("end", end));
            Owns(canvas, valsX + cellW, v, historyX, trie.HistoryStart(v), end, ("from-layer", "vals"), ("from", v),
                ("start", trie.HistoryStart(v)), ("end", end));
        }

        for (var h = 0; h < trie.History.Length; h++)
        {
            var (time, diff) = trie.History[h];
            Entry(canvas, historyX, h, string.Create(CultureInfo.InvariantCulture, $"({time}, {diff:+0;-0})"), "box c",
                ("layer", "history"), ("offset", h), ("time", time), ("diff", diff));
        }

        return canvas.ToFigure(
            "The trie of four updates as three arrays. Keys a and b each record where their values end; each value records where its history ends. Arrows lead from every entry to the range it owns in the layer below.");

        void Entry(SvgCanvas c, double x, int row, string text, string style, params (string, object?)[] data)
        {
            var y = top + row * (cellH + gap);
            c.Text(x - 5, y + cellH / 2 + 4, row.ToString(CultureInfo.InvariantCulture), "small muted", TextAnchor.End)
                .Cell(x, y, cellW, cellH, text, style, data);
        }

        void Owns(SvgCanvas c, double fromX, int fromRow, double toX, int start, int end, params (string, object?)[] data)
        {
            // A bracket along the left of the owned range, and an arrow from the owner to its middle.
            var y0 = top + start * (cellH + gap) + 2;
            var y1 = top + (end - 1) * (cellH + gap) + cellH - 2;
            var bx = toX - 26;
            c.Path(string.Create(CultureInfo.InvariantCulture, $"M {bx + 6} {y0} H {bx} V {y1} H {bx + 6}"), "edge thick")
                .Arrow(fromX + 4, top + fromRow * (cellH + gap) + cellH / 2, bx - 3, (y0 + y1) / 2, "arrow", data);
        }
    }

    /// <summary>The older, larger trie of the merge picture.</summary>
    public static IReadOnlyList<Update<string, string, Timestamp, long>> OlderUpdates { get; } =
    [
        new("a", "x", 1, +1), new("b", "x", 1, +1), new("b", "y", 2, +1), new("d", "x", 1, +2),
        new("e", "x", 1, +1), new("g", "y", 3, +1),
    ];

    /// <summary>The newer, smaller trie of the merge picture: it shares keys b and e with the older one, and retracts e.</summary>
    public static IReadOnlyList<Update<string, string, Timestamp, long>> NewerUpdates { get; } =
    [
        new("b", "x", 2, +1), new("b", "y", 2, -1), new("c", "x", 2, +1), new("e", "x", 1, -1), new("f", "z", 2, +1),
    ];

    /// <summary>How a key's subtree is shown: each value with its <c>time diff</c> pairs, e.g. <c>x:1+1 2+1</c>.</summary>
    public static string Subtree(Trie<string, string, Timestamp, long> trie, int key)
    {
        ArgumentNullException.ThrowIfNull(trie);
        var parts = new List<string>();
        for (var v = trie.ValsStart(key); v < trie.Keys[key].End; v++)
        {
            var history = new List<string>();
            for (var h = trie.HistoryStart(v); h < trie.Vals[v].End; h++)
            {
                history.Add(string.Create(CultureInfo.InvariantCulture, $"{trie.History[h].Time}{trie.History[h].Diff:+0;-0}"));
            }

            parts.Add($"{trie.Vals[v].Val}:{string.Join(" ", history)}");
        }

        return string.Join("  ", parts);
    }

    /// <summary>
    /// A merge of two tries, one row per key of either: the key's subtree in the older trie, in the newer one, and in
    /// the result. A key on one side only is copied whole (one arrow); a key on both is merged value by value (two
    /// arrows into a merge), and may cancel.
    /// </summary>
    [Scene("trie-merge")]
    public static Figure Merge()
    {
        var older = Build(OlderUpdates);
        var newer = Build(NewerUpdates);
        var merged = TrieMerge.Merge(older, newer);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in older.Keys)
        {
            keys.Add(key);
        }

        foreach (var (key, _) in newer.Keys)
        {
            keys.Add(key);
        }

        const double colW = 150, cellH = 30, gap = 10, top = 44, olderX = 10, newerX = 220, mergedX = 470, keyW = 26;
        var canvas = new SvgCanvas(mergedX + colW + 64, top + keys.Count * (cellH + gap) + 40);
        canvas.Text(olderX, 16, string.Create(CultureInfo.InvariantCulture, $"older trie ({older.UpdateCount} updates)"), "small bold")
            .Text(newerX, 16, string.Create(CultureInfo.InvariantCulture, $"newer trie ({newer.UpdateCount} updates)"), "small bold")
            .Text(mergedX, 16, string.Create(CultureInfo.InvariantCulture, $"merged ({merged.UpdateCount} updates)"), "small bold")
            .Text(olderX, 32, "each key with its values' (time, diff) history", "small muted");

        var row = 0;
        foreach (var key in keys)
        {
            var y = top + row++ * (cellH + gap);
            var mid = y + cellH / 2;
            var inOlder = older.FindKey(key);
            var inNewer = newer.FindKey(key);
            var inMerged = merged.FindKey(key);
            var how = inOlder >= 0 && inNewer >= 0 ? "merged" : inOlder >= 0 ? "copied from older" : "copied from newer";
            var outcome = inMerged >= 0 ? how : "cancelled";
            canvas.BeginGroup("row", ("key", key), ("how", how), ("in-merged", inMerged >= 0),
                ("older", inOlder >= 0 ? Subtree(older, inOlder) : ""), ("newer", inNewer >= 0 ? Subtree(newer, inNewer) : ""),
                ("merged", inMerged >= 0 ? Subtree(merged, inMerged) : ""));
            if (inOlder >= 0)
            {
                KeyCell(olderX, y, key, Subtree(older, inOlder), "box a");
            }

            if (inNewer >= 0)
            {
                KeyCell(newerX, y, key, Subtree(newer, inNewer), "box b");
            }

            var targetX = mergedX - 4;
            if (how == "merged")
            {
                // Both sides meet in a merge node just before the result.
                var nodeX = mergedX - 40;
                canvas.Path(string.Create(CultureInfo.InvariantCulture, $"M {olderX + colW} {mid - 4} C {newerX - 20} {y - 12} {newerX + colW - 10} {y - 12} {nodeX - 7} {mid - 2}"), "edge")
                    .Arrow(newerX + colW, mid, nodeX - 8, mid, "arrow")
                    .Circle(nodeX, mid, 7, "fill-c");
                if (inMerged >= 0)
                {
                    canvas.Arrow(nodeX + 7, mid, targetX, mid, "arrow");
                }
            }
            else
            {
                var fromX = inOlder >= 0 ? olderX + colW : newerX + colW;
                canvas.Arrow(fromX, mid, targetX, mid, inOlder >= 0 ? "arrow a" : "arrow b");
            }

            if (inMerged >= 0)
            {
                KeyCell(mergedX, y, key, Subtree(merged, inMerged), how == "merged" ? "box c" : inOlder >= 0 ? "box a" : "box b");
            }
            else
            {
                canvas.Rect(mergedX, y, colW, cellH, "empty")
                    .Text(mergedX + colW / 2, mid + 4, $"{key}: cancelled", "small muted", TextAnchor.Middle);
            }

            canvas.Text(mergedX + colW + 6, mid + 4, outcome == "merged" ? "merged" : outcome == "cancelled" ? "" : "copied", "small muted")
                .EndGroup();
        }

        var legend = top + keys.Count * (cellH + gap) + 14;
        canvas.Arrow(olderX, legend, olderX + 24, legend, "arrow a").Text(olderX + 30, legend + 4, "subtree copied whole (two block copies)", "small")
            .Circle(newerX + 110, legend, 6, "fill-c").Text(newerX + 122, legend + 4, "key on both sides: values and histories merged", "small");
        return canvas.ToFigure(
            "A merge of an older trie with keys a, b, d, e, g and a newer one with keys b, c, e, f. Keys on one side only are copied whole into the result; b and e are on both sides and are merged: b keeps one value, e cancels entirely.");

        void KeyCell(double x, double y, string key, string subtree, string style)
        {
            canvas.Rect(x, y, colW, cellH, style)
                .Text(x + keyW / 2, y + cellH / 2 + 4, key, "label bold", TextAnchor.Middle)
                .Line(x + keyW, y + 4, x + keyW, y + cellH - 4, "edge")
                .Text(x + keyW + 6, y + cellH / 2 + 4, subtree, "small mono");
        }
    }

    /// <summary>
    /// Builds the trie of two workloads of the same number of updates, one key per update and many updates per key,
    /// and prints each layer's length and bytes next to part 2's array of whole updates.
    /// </summary>
    [Scene("trie-sizes")]
    public static void Sizes(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var keyBytes = Unsafe.SizeOf<(ulong, int)>();
        var historyBytes = Unsafe.SizeOf<(Timestamp, long)>();
        var updateBytes = Unsafe.SizeOf<Update<ulong, ulong, Timestamp, long>>();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"entry sizes: (key, end) {keyBytes} B, (val, end) {keyBytes} B, (time, diff) {historyBytes} B, Update {updateBytes} B"));
        output.WriteLine("workload                      keys   vals  history  trie bytes  sorted-list bytes");
        foreach (var (name, keys, vals, times) in Workloads)
        {
            var updates = new List<Update<ulong, ulong, Timestamp, long>>();
            for (ulong k = 0; k < keys; k++)
            {
                for (ulong v = 0; v < vals; v++)
                {
                    for (ulong t = 0; t < times; t++)
                    {
                        updates.Add(new(k, v, t, 1));
                    }
                }
            }

            var batch = updates.ToArray();
            var length = Consolidation.Consolidate<ulong, ulong, Timestamp, long>(batch);
            var trie = TrieBuilder<ulong, ulong, Timestamp, long>.FromSorted(batch.AsSpan(0, length));
            long trieBytes = (long)trie.Keys.Length * keyBytes + (long)trie.Vals.Length * keyBytes + (long)trie.History.Length * historyBytes;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-28}{trie.Keys.Length,6}{trie.Vals.Length,7}{trie.History.Length,9}{trieBytes,12}{(long)length * updateBytes,19}"));
        }
    }

    /// <summary>The workloads of the <c>trie-sizes</c> sample: a name, and how many keys, values per key and times per value.</summary>
    public static IReadOnlyList<(string Name, ulong Keys, ulong Vals, ulong Times)> Workloads { get; } =
    [
        ("1 update per key", 1000, 1, 1),
        ("10 vals x 1 time per key", 100, 10, 1),
        ("10 vals x 10 times per key", 10, 10, 10),
    ];
}
