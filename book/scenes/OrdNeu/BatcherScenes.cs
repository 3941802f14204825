using System.Globalization;
using Traces;
using Traces.OrdNeu;
using Batch = Traces.OrdNeu.OrdValBatch<long, long, Traces.Timestamp, long>;
using U = Traces.Update<long, long, Traces.Timestamp, long>;

namespace Book.Scenes.OrdNeu;

/// <summary>Chapter 10's picture and sample: the merge batcher's chains before a seal, and what the seal keeps.</summary>
public static class BatcherScenes
{
    /// <summary>The number of updates the picture pushes.</summary>
    public const int PushCount = 1100;

    /// <summary>The time the picture seals at: updates at this time or later stay in the batcher.</summary>
    public const ulong SealAt = 8;

    /// <summary>The updates the picture pushes, in pieces of 100: random keys below 1,000, values below 4, times below 10.</summary>
    public static U[] Pushes()
    {
        var random = new Random(7);
        var updates = new U[PushCount];
        for (int i = 0; i < updates.Length; i++)
        {
            updates[i] = new U(random.Next(1000), random.Next(4), (ulong)random.Next(10), random.Next(2) == 0 ? 1 : -1);
        }

        return updates;
    }

    /// <summary>Pushes <paramref name="updates"/> into <paramref name="batcher"/> in pieces of 100.</summary>
    public static void PushInPieces(MergeBatcher<long, long, Timestamp, long> batcher, U[] updates)
    {
        ArgumentNullException.ThrowIfNull(batcher);
        ArgumentNullException.ThrowIfNull(updates);
        for (int start = 0; start < updates.Length; start += 100)
        {
            batcher.Push(updates.AsSpan(start, Math.Min(100, updates.Length - start)));
        }
    }

    /// <summary>
    /// The batcher after 1,100 pushes: its sorted chains, oldest first, and the chunk still filling, each a bar as long as
    /// the updates it holds, with the updates at times 8 and later marked where they sit; then, after <c>Seal</c> at
    /// <c>{8}</c>, the batch it built and the one chain it kept.
    /// </summary>
    [Scene("batcher-seal")]
    public static Figure Seal()
    {
        var batcher = new MergeBatcher<long, long, Timestamp, long>();
        PushInPieces(batcher, Pushes());
        const double left = 150, scale = 0.46, barH = 22, rowH = 40;
        var canvas = new SvgCanvas(left + PushCount * scale + 30, 180 + batcher.ChainCount * rowH);
        double y = 24;
        canvas.Text(12, y, "before Seal", "small bold")
            .Rect(left, y - 11, 12, 12, "box a").Text(left + 18, y, "time before 8: goes into the batch", "small")
            .Rect(left + 230, y - 11, 12, 12, "fill-b").Text(left + 248, y, "time 8 or later: stays", "small");
        y += 20;
        for (int c = 0; c < batcher.ChainCount; c++)
        {
            var chain = batcher.ChainAt(c);
            Bar(chain, y, $"chain {c}: {chain.Length} sorted", "box a", ("chain", c), ("count", chain.Length),
                ("kept", Kept(chain)));
            y += rowH;
        }

        var unsorted = batcher.Unsorted;
        Bar(unsorted, y, $"chunk: {unsorted.Length} unsorted", "empty", ("chunk", unsorted.Length), ("kept", Kept(unsorted)));
        y += rowH + 10;

        int chainsBefore = batcher.ChainCount;
        var batch = batcher.Seal(Antichain.Create<Timestamp>([SealAt]), Batch.CreateBuilder);
        canvas.Line(12, y - 18, left + PushCount * scale, y - 18, "edge dashed");
        canvas.Text(12, y, string.Create(CultureInfo.InvariantCulture, $"after Seal({{{SealAt}}})"), "small bold");
        y += 12;
        canvas.Rect(left, y, batch.Count * scale, barH, "box a", ("batch-updates", batch.Count), ("batch-keys", batch.Storage.KeyCount));
        canvas.Text(left - 10, y + 15, string.Create(CultureInfo.InvariantCulture, $"batch [0, {SealAt}): {batch.Count}"),
            "small", TextAnchor.End);
        canvas.Text(left + batch.Count * scale + 8, y + 15, string.Create(CultureInfo.InvariantCulture,
            $"{batch.Storage.KeyCount} keys, {batch.Storage.ValCount} values"), "small muted");
        y += rowH;
        var kept = batcher.ChainAt(0);
        Bar(kept, y, $"kept chain: {kept.Length}", "box a", ("stays", kept.Length), ("kept", Kept(kept)));
        canvas.Text(left + kept.Length * scale + 8, y + 15, $"frontier {batcher.Frontier}, lower {batcher.Lower}", "small muted",
            TextAnchor.Start, ("frontier", batcher.Frontier));
        return canvas.ToFigure(string.Create(CultureInfo.InvariantCulture,
            $"A merge batcher after 1,100 pushes: {chainsBefore} sorted chains and a chunk still filling, drawn as bars " +
            $"with the updates at time 8 or later marked. Seal at 8 builds a batch of {batch.Count} updates and keeps " +
            $"one chain of {kept.Length}, the marked updates, now side by side."));

        void Bar(ReadOnlySpan<U> updates, double top, string name, string style, params (string, object?)[] data)
        {
            canvas.Text(left - 10, top + 15, string.Create(CultureInfo.InvariantCulture, $"{name}"), "small", TextAnchor.End);
            canvas.Rect(left, top, Math.Max(updates.Length * scale, 2), barH, style, data);
            for (int i = 0; i < updates.Length;)
            {
                int run = 0;
                while (i + run < updates.Length && updates[i + run].Time.Value >= SealAt)
                {
                    run++;
                }

                if (run > 0)
                {
                    canvas.Rect(left + i * scale, top + 2, Math.Max(run * scale, 1.2), barH - 4, "fill-b");
                    i += run;
                }
                else
                {
                    i++;
                }
            }
        }
    }

    /// <summary>Counts the updates at <see cref="SealAt"/> or later.</summary>
    public static int Kept(ReadOnlySpan<U> updates)
    {
        int kept = 0;
        foreach (var update in updates)
        {
            kept += update.Time.Value >= SealAt ? 1 : 0;
        }

        return kept;
    }

    /// <summary>Prints the chains after every piece of 100 pushes: geometric merging as it happens, then a seal.</summary>
    [Scene("batcher-chains")]
    public static void Chains(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        #region chains-sample
        var batcher = new MergeBatcher<long, long, Timestamp, long>();
        var updates = Pushes();
        for (int start = 0; start < updates.Length; start += 100)
        {
            batcher.Push(updates.AsSpan(start, Math.Min(100, updates.Length - start)));
            var chains = new List<int>();
            for (int c = 0; c < batcher.ChainCount; c++)
            {
                chains.Add(batcher.ChainAt(c).Length);
            }

            string sizes = string.Join(", ", chains);
            output.WriteLine($"pushed {start + 100,4}: chains [{sizes}], chunk {batcher.Unsorted.Length}");
        }

        var batch = batcher.Seal(Antichain.Create<Timestamp>([8UL]), Batch.CreateBuilder);
        var frontier = batcher.Frontier;
        output.WriteLine($"Seal({{8}}): batch of {batch.Count}, kept {batcher.Count}, frontier {frontier}");
        #endregion
    }
}
