using System.Globalization;
using Traces;
using Traces.OrdNeu;

namespace Book.Scenes.Distribution;

/// <summary>The closing chapter's pictures: one trace sharded across workers by the hash of its keys.</summary>
/// <remarks>
/// Each worker holds a real part 5 trace (<see cref="OrdValTrace{TKey, TVal, TTime, TDiff}"/>) and receives exactly the
/// updates whose key hashes to it, as differential dataflow's exchange does. The hash is fixed (the SplitMix64
/// finalizer), never the runtime's randomized string or object hash, so the picture is the same on every machine.
/// </remarks>
public static class ShardingScenes
{
    /// <summary>How many workers the pictures shard across.</summary>
    public const int Workers = 3;

    /// <summary>The worker that owns <paramref name="key"/>: a fixed 64-bit mix of the key (SplitMix64's), modulo the workers.</summary>
    public static int WorkerOf(long key)
    {
        var z = (ulong)key + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) % Workers);
    }

    /// <summary>
    /// The updates the pictures use: twelve keys with a value each, added over three rounds (times 0 to 2), a few of
    /// them retracted again in a later round.
    /// </summary>
    public static IReadOnlyList<Update<long, long, Timestamp, long>> Input { get; } = MakeInput();

    /// <summary>Routes every update of <see cref="Input"/> to its worker's trace, one round per time.</summary>
    /// <returns>The workers' traces, indexed by worker.</returns>
    public static OrdValTrace<long, long, Timestamp, long>[] Shard()
    {
        var traces = new OrdValTrace<long, long, Timestamp, long>[Workers];
        for (var w = 0; w < Workers; w++)
        {
            traces[w] = new OrdValTrace<long, long, Timestamp, long>();
        }

        foreach (var round in Input.GroupBy(static u => u.Time.Value).OrderBy(static g => g.Key))
        {
            // The exchange: each worker receives the part of the round whose keys hash to it.
            for (var w = 0; w < Workers; w++)
            {
                var worker = w;
                traces[w].Add(round.Where(u => WorkerOf(u.Key) == worker).ToArray());
            }
        }

        return traces;
    }

    /// <summary>
    /// The exchange drawn: every update on the left, coloured by the worker its key hashes to, with an arrow to that
    /// worker; each worker's trace on the right with the keys it holds and its batches.
    /// </summary>
    [Scene("sharded-traces")]
    public static Figure ShardedTraces()
    {
        var traces = Shard();
        var styles = new[] { "a", "b", "d" };
        const double row = 22, top = 40, inputX = 10, inputW = 150, workerX = 330, workerW = 330;
        var workerTop = new double[Workers];
        var keysOf = traces.Select(static t => t.Keys().Order().ToList()).ToArray();
        var workerH = keysOf.Select(static k => 58 + Math.Ceiling(k.Count / 4.0) * 24).ToArray();
        var height = Math.Max(top + Input.Count * row + 16, top + workerH.Sum() + (Workers - 1) * 18 + 16);
        var canvas = new SvgCanvas(workerX + workerW + 10, height);
        canvas.Text(inputX, 22, "updates (k, v, t, diff)", "small bold")
            .Text(workerX, 22, "one part 5 trace per worker", "small bold")
            .Text((inputX + inputW + workerX) / 2 + 8, 22, "exchange by hash(k)", "small muted", TextAnchor.Middle);

        var y = top;
        for (var w = 0; w < Workers; w++)
        {
            workerTop[w] = y;
            y += workerH[w] + 18;
        }

        for (var i = 0; i < Input.Count; i++)
        {
            var u = Input[i];
            var w = WorkerOf(u.Key);
            var cy = top + i * row;
            var text = string.Create(CultureInfo.InvariantCulture, $"({u.Key}, {u.Val}, {u.Time.Value}, {u.Diff:+0;-0})");
            canvas.Rect(inputX, cy, inputW, row - 4, "box " + styles[w], ("key", u.Key), ("worker", w))
                .Text(inputX + 8, cy + 13, text, "mono");
            canvas.Arrow(inputX + inputW + 4, cy + (row - 4) / 2, workerX - 6, workerTop[w] + 20, "arrow " + styles[w]);
        }

        for (var w = 0; w < Workers; w++)
        {
            var wy = workerTop[w];
            canvas.BeginGroup("worker", ("worker", w), ("keys", string.Join(' ', keysOf[w])), ("batches", traces[w].BatchCount))
                .Rect(workerX, wy, workerW, workerH[w], "box " + styles[w])
                .Text(workerX + 10, wy + 18, string.Create(CultureInfo.InvariantCulture,
                    $"worker {w}: {keysOf[w].Count} keys, {traces[w].BatchCount} batch(es) in its spine"), "label bold");
            for (var k = 0; k < keysOf[w].Count; k++)
            {
                var key = keysOf[w][k];
                var (kx, ky) = (workerX + 10 + k % 4 * 78, wy + 30 + k / 4 * 24);
                var updates = traces[w].Get(key).ToList();
                canvas.Rect(kx, ky, 72, 20, "box", ("key", key))
                    .Text(kx + 36, ky + 14, string.Create(CultureInfo.InvariantCulture, $"k={key} ×{updates.Count}"), "small mono", TextAnchor.Middle);
            }

            canvas.EndGroup();
        }

        return canvas.ToFigure(
            "Updates on the left, each coloured by the worker its key hashes to, with an arrow to that worker. On the right, three workers, each holding its own part 5 trace with the keys routed to it and how many updates each key holds.");
    }

    /// <summary>
    /// Shards <see cref="Input"/> across the workers, prints what each holds, and checks that the workers' traces
    /// together give the same collection as one trace that saw everything.
    /// </summary>
    [Scene("sharding-same-answer")]
    public static void ShardingSameAnswer(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        #region same-answer
        var workers = Shard();
        var single = new OrdValTrace<long, long, Timestamp, long>();
        foreach (var round in Input.GroupBy(static u => u.Time.Value).OrderBy(static g => g.Key))
        {
            single.Add(round.ToArray());
        }

        for (var w = 0; w < workers.Length; w++)
        {
            output.WriteLine($"worker {w}: keys {string.Join(", ", workers[w].Keys().Order())}");
        }

        // A key's whole history lives on one worker, so a look-up goes to that worker alone.
        var agree = single.Keys().All(key =>
            Consolidated(workers[WorkerOf(key)].Get(key)).SequenceEqual(Consolidated(single.Get(key))));
        var union = workers.SelectMany(static t => t.Keys()).Order().SequenceEqual(single.Keys().Order());
        output.WriteLine($"every key on exactly one worker, as one trace has them: {union}");
        output.WriteLine($"every key's updates the same as one trace's: {agree}");
        #endregion
    }

    private static List<Update<long, long, Timestamp, long>> Consolidated(IEnumerable<Update<long, long, Timestamp, long>> updates)
    {
        var list = updates.ToList();
        Consolidation.Consolidate(list);
        return list;
    }

    private static List<Update<long, long, Timestamp, long>> MakeInput()
    {
        var updates = new List<Update<long, long, Timestamp, long>>();
        for (long key = 1; key <= 12; key++)
        {
            updates.Add(new(key, key * 10, (ulong)(key % 3), 1));
        }

        // Round 2 retracts two earlier values and replaces one of them.
        updates.Add(new(4, 40, 2, -1));
        updates.Add(new(4, 41, 2, 1));
        updates.Add(new(9, 90, 2, -1));
        return updates;
    }
}
