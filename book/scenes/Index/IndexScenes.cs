using System.Globalization;
using Traces;
using Traces.Index;

namespace Book.Scenes.Index;

/// <summary>Chapter 5's pictures and sample: the key index pointing into the tries, and galloping fingers.</summary>
public static class IndexScenes
{
    /// <summary>The batches of the index picture: a large one, then two small ones that are not merged with it.</summary>
    public static IReadOnlyList<string[]> IndexBatches { get; } =
        [["a", "b", "c", "d", "e", "f", "g", "h"], ["b", "d", "j"], ["d"]];

    /// <summary>Part 4's trace after adding <see cref="IndexBatches"/>, one update per key (value x, time 1, +1).</summary>
    public static IndexedTrace<string, string, Timestamp, long> IndexTrace()
    {
        var trace = new IndexedTrace<string, string, Timestamp, long>();
        foreach (var batch in IndexBatches)
        {
            trace.Add(batch.Select(k => new Update<string, string, Timestamp, long>(k, "x", 1, +1)));
        }

        return trace;
    }

    /// <summary>
    /// The tries' key layers side by side, one row per key, and the index on the left: each key's chain of
    /// <c>(trie, offset)</c> positions, newest first, each with an arrow to the key's entry in that trie.
    /// </summary>
    [Scene("index-positions")]
    public static Figure Positions()
    {
        var trace = IndexTrace();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < trace.TrieCount; t++)
        {
            foreach (var (key, _) in trace.TrieAt(t).Keys)
            {
                keys.Add(key);
            }
        }

        const double top = 48, rowH = 26, gap = 16, keyX = 10, keyW = 34, nodeX = 74, nodeW = 56, nodeStep = 72, trieX = 320, trieStep = 116, cellW = 84;
        var canvas = new SvgCanvas(trieX + trace.TrieCount * trieStep, top + keys.Count * (rowH + gap) + 4);
        canvas.Text(keyX, 16, "index", "small bold").Text(keyX, 30, "key", "small muted")
            .Text(nodeX, 16, "chain of (trie · offset), newest first", "small bold");
        for (var t = 0; t < trace.TrieCount; t++)
        {
            canvas.Text(trieX + t * trieStep, 16, string.Create(CultureInfo.InvariantCulture, $"trie {t}"), "small bold")
                .Text(trieX + t * trieStep, 30, string.Create(CultureInfo.InvariantCulture, $"{trace.TrieAt(t).Keys.Length} key{(trace.TrieAt(t).Keys.Length == 1 ? "" : "s")}"), "small muted");
        }

        var row = 0;
        foreach (var key in keys)
        {
            var y = top + row++ * (rowH + gap);
            canvas.Cell(keyX, y, keyW, rowH, key, "box", ("index-key", key));
            for (var t = 0; t < trace.TrieCount; t++)
            {
                var offset = trace.TrieAt(t).FindKey(key);
                if (offset >= 0)
                {
                    canvas.Cell(trieX + t * trieStep, y, cellW, rowH, string.Create(CultureInfo.InvariantCulture, $"{offset}: {key}"), Role(t),
                        ("trie", t), ("offset", offset), ("key", key));
                }
            }

            var n = 0;
            var previous = keyX + keyW;
            foreach (var (trie, offset) in trace.IndexedPositions(key))
            {
                var t = TrieNumber(trace, trie);
                var x = nodeX + n * nodeStep;
                canvas.Arrow(previous, y + rowH / 2, x, y + rowH / 2, "arrow")
                    .Cell(x, y, nodeW, rowH, string.Create(CultureInfo.InvariantCulture, $"{t} · {offset}"), Role(t),
                        ("chain-of", key), ("link", n), ("to-trie", t), ("to-offset", offset));

                // The node's pointer runs under the row to the trie's entry.
                var lane = y + rowH + 4 + 4 * n;
                var target = trieX + t * trieStep + cellW / 2 + 6 * n;
                canvas.Path(string.Create(CultureInfo.InvariantCulture, $"M {x + nodeW / 2} {y + rowH} V {lane} H {target}"), "edge " + LineRole(t))
                    .Arrow(target, lane, target, y + rowH + 1, "arrow " + LineRole(t));
                previous = x + nodeW;
                n++;
            }
        }

        return canvas.ToFigure(
            "Part 4's index after three batches, which left three tries. Each key of the index leads to a chain of positions, one for every trie that holds the key, each pointing at the key's entry in that trie's key layer.");
    }

    private static string Role(int trie) => trie switch { 0 => "box a", 1 => "box b", _ => "box d" };

    private static string LineRole(int trie) => trie switch { 0 => "a", 1 => "b", _ => "d" };

    private static int TrieNumber<TKey>(IndexedTrace<TKey, string, Timestamp, long> trace, object trie)
        where TKey : IComparable<TKey>
    {
        for (var t = 0; t < trace.TrieCount; t++)
        {
            if (ReferenceEquals(trace.TrieAt(t), trie))
            {
                return t;
            }
        }

        throw new InvalidOperationException("the index points at a trie that is not on the stack");
    }

    /// <summary>How many keys the galloping picture's trie holds: the even numbers from 0.</summary>
    public const int GallopKeys = 36;

    /// <summary>The sorted batch of the galloping picture.</summary>
    public static IReadOnlyList<int> GallopQueries { get; } = [5, 9, 31, 32, 60, 71];

    /// <summary>One query of a batched look-up: where the finger started, which positions it compared, where it landed, and whether it found the key.</summary>
    public sealed record FingerMove(int Query, int Start, IReadOnlyList<int> Probes, int Landing, bool Found);

    /// <summary>
    /// Runs <see cref="IndexedTrace{TKey, TVal, TTime, TDiff}.GetSorted"/> over <see cref="GallopQueries"/> on a trace
    /// holding one trie of <see cref="GallopKeys"/> even keys, and returns, for each query, the key positions it
    /// compared in order (the last comparison, at the landing position, is the check for a match).
    /// </summary>
    public static IReadOnlyList<FingerMove> GallopMoves()
    {
        var trace = new IndexedTrace<ProbeKey, ulong, Timestamp, long>();
        trace.Add(Enumerable.Range(0, GallopKeys).Select(i => new Update<ProbeKey, ulong, Timestamp, long>(new(2 * i), 0, 1, +1)));
        var layer = trace.TrieAt(0).Keys.ToArray();
        var queries = GallopQueries.Select(q => new ProbeKey(q, [])).ToArray();
        trace.GetSorted(queries, [], new int[queries.Length]);

        var moves = new List<FingerMove>();
        var finger = 0;
        foreach (var query in queries)
        {
            var probes = query.Log!.Select(value => Array.FindIndex(layer, k => k.Key.Value == value)).ToList();
            var landing = Array.FindIndex(layer, k => k.Key.Value >= query.Value) is var i and >= 0 ? i : layer.Length;
            moves.Add(new(query.Value, finger, probes, landing, landing < layer.Length && layer[landing].Key.Value == query.Value));
            finger = landing;
        }

        return moves;
    }

    /// <summary>
    /// A sorted batch of look-ups in one trie's key layer, one row per key sought: the finger's start, the positions
    /// galloping compared, numbered in order, and where the finger landed.
    /// </summary>
    [Scene("gallop-probes")]
    public static Figure Gallop()
    {
        const double labelW = 70, cell = 16, top = 50, rowH = 44, stripH = 18;
        var moves = GallopMoves();
        var canvas = new SvgCanvas(labelW + GallopKeys * cell + 20, top + moves.Count * rowH + 34);
        canvas.Text(0, 16, "key layer", "small bold").Text(labelW, 16, "position (key = 2 × position)", "small muted");
        for (var p = 0; p < GallopKeys; p += 5)
        {
            canvas.Text(labelW + p * cell + cell / 2, 34, p.ToString(CultureInfo.InvariantCulture), "small muted", TextAnchor.Middle);
        }

        for (var r = 0; r < moves.Count; r++)
        {
            var move = moves[r];
            var y = top + r * rowH + 14;
            canvas.BeginGroup("row", ("query", move.Query), ("start", move.Start), ("landing", move.Landing), ("found", move.Found),
                ("probes", string.Join(" ", move.Probes)))
                .Text(0, y + stripH / 2 + 4, string.Create(CultureInfo.InvariantCulture, $"seek {move.Query}"), "small");
            for (var p = 0; p < GallopKeys; p++)
            {
                canvas.Rect(labelW + p * cell, y, cell, stripH, p < move.Start ? "faded" : "box");
            }

            // Each comparison but the match check gets its number; the landing cell is ringed.
            var gallop = move.Landing < GallopKeys ? move.Probes.Count - 1 : move.Probes.Count;
            for (var i = 0; i < gallop; i++)
            {
                var p = move.Probes[i];
                canvas.Rect(labelW + p * cell + 1, y + 1, cell - 2, stripH - 2, "fill-b", ("probe", i + 1), ("position", p))
                    .Text(labelW + p * cell + cell / 2, y - 3, (i + 1).ToString(CultureInfo.InvariantCulture), "small", TextAnchor.Middle);
            }

            if (move.Landing < GallopKeys)
            {
                canvas.Rect(labelW + move.Landing * cell - 1, y - 1, cell + 2, stripH + 2, move.Found ? "hi c" : "hi", ("landing-cell", move.Landing));
            }

            canvas.EndGroup();
        }

        var legend = top + moves.Count * rowH + 18;
        canvas.Rect(labelW, legend - 10, cell - 2, stripH - 4, "fill-b").Text(labelW + cell + 4, legend + 2, "compared while galloping (numbered in order)", "small")
            .Rect(labelW + 300, legend - 10, cell, stripH - 4, "hi").Text(labelW + 300 + cell + 4, legend + 2, "where the finger lands", "small")
            .Rect(labelW + 450, legend - 10, cell, stripH - 4, "faded").Text(labelW + 450 + cell + 4, legend + 2, "already passed", "small");
        return canvas.ToFigure(
            "Six sorted look-ups in a key layer of 36 keys. For each, the positions the galloping search compared, in order: a few one by one, then steps that double, then halve, and the position where the finger stops, which the next look-up starts from.");
    }

    /// <summary>
    /// Counts key comparisons per look-up on a trace of three tries: a sorted batch through the fingers of
    /// <c>GetSorted</c>, and the same keys by binary search in every trie (part 3's way), for a dense and a sparse batch.
    /// </summary>
    [Scene("index-comparisons")]
    public static void Comparisons(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var trace = ComparisonTrace();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{trace.TrieCount} tries of {string.Join(", ", Enumerable.Range(0, trace.TrieCount).Select(t => trace.TrieAt(t).Keys.Length))} keys"));
        output.WriteLine("batch of 16 keys           GetSorted fingers   binary search per trie");
        foreach (var (name, batch) in ComparisonBatches)
        {
            var (sorted, binary) = CountComparisons(trace, batch);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-27}{(double)sorted / batch.Count,6:0.0} per key{(double)binary / batch.Count,18:0.0} per key"));
        }
    }

    /// <summary>The trace of the comparisons sample: keys 4i (64 of them), then 8i + 1 (32), then 16i + 2 (16).</summary>
    public static IndexedTrace<ProbeKey, ulong, Timestamp, long> ComparisonTrace()
    {
        var trace = new IndexedTrace<ProbeKey, ulong, Timestamp, long>();
        foreach (var (count, step, offset) in new[] { (64, 4, 0), (32, 8, 1), (16, 16, 2) })
        {
            trace.Add(Enumerable.Range(0, count).Select(i => new Update<ProbeKey, ulong, Timestamp, long>(new(step * i + offset), 0, 1, +1)));
        }

        return trace;
    }

    /// <summary>The two batches of the comparisons sample: sixteen adjacent keys, and sixteen spread over the key range.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<int> Keys)> ComparisonBatches { get; } =
    [
        ("dense: 100 to 115", Enumerable.Range(100, 16).ToArray()),
        ("sparse: 7, 23, 39, ..., 247", Enumerable.Range(0, 16).Select(i => 16 * i + 7).ToArray()),
    ];

    /// <summary>Key comparisons of a batch: through <c>GetSorted</c>, and by <c>FindKey</c> in every trie.</summary>
    public static (int Sorted, int Binary) CountComparisons(IndexedTrace<ProbeKey, ulong, Timestamp, long> trace, IReadOnlyList<int> batch)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(batch);
        var queries = batch.Select(k => new ProbeKey(k, [])).ToArray();
        trace.GetSorted(queries, [], new int[queries.Length]);
        var sorted = queries.Sum(q => q.Log!.Count);

        var binary = 0;
        foreach (var key in batch)
        {
            var query = new ProbeKey(key, []);
            for (var t = 0; t < trace.TrieCount; t++)
            {
                trace.TrieAt(t).FindKey(query);
            }

            binary += query.Log!.Count;
        }

        return (sorted, binary);
    }
}
