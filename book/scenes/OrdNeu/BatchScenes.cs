using System.Globalization;
using Traces;
using Traces.OrdNeu;

namespace Book.Scenes.OrdNeu;

/// <summary>Chapter 7's pictures and samples: the columns of a small real batch, and what the singleton encoding elides.</summary>
public static class BatchScenes
{
    /// <summary>The updates the pictures build into a batch, already sorted by <c>(key, val, time)</c>.</summary>
    public static IReadOnlyList<Update<long, long, Timestamp, long>> Updates { get; } =
    [
        new(1, 10, 0UL, 1),
        new(1, 20, 0UL, 1),
        new(3, 10, 0UL, 1),
        new(3, 30, 2UL, 1),
        new(3, 30, 5UL, -1),
        new(4, 10, 5UL, -1),
        new(4, 20, 1UL, 2),
    ];

    /// <summary>Builds updates sorted by <c>(key, val, time)</c> into a batch covering <c>[0, 10)</c>.</summary>
    public static OrdValBatch<long, long, Timestamp, long> Build(IReadOnlyList<Update<long, long, Timestamp, long>> updates) =>
        Build(updates, 0, 10);

    /// <summary>Builds updates sorted by <c>(key, val, time)</c> into a batch covering <c>[lower, upper)</c>.</summary>
    public static OrdValBatch<long, long, Timestamp, long> Build(
        IReadOnlyList<Update<long, long, Timestamp, long>> updates, ulong lower, ulong upper)
    {
        ArgumentNullException.ThrowIfNull(updates);
        int keys = updates.Select(u => u.Key).Distinct().Count();
        int vals = updates.Select(u => (u.Key, u.Val)).Distinct().Count();
        var builder = OrdValBatch<long, long, Timestamp, long>.CreateBuilder(keys, vals, updates.Count);
        foreach (var update in updates)
        {
            builder.Push(update);
        }

        return builder.Done(new Description<Timestamp>(
            Antichain.Create<Timestamp>([lower]), Antichain.Create<Timestamp>([upper]), Antichain<Timestamp>.AtMinimum()));
    }

    /// <summary>Reads every update of <paramref name="storage"/> through a cursor, in <c>(key, val, time)</c> order.</summary>
    public static List<Update<long, long, Timestamp, long>> Read(
        OrdValStorage<long, long, Timestamp, long, ArrayContainer<long>, ArrayContainer<long>> storage)
    {
        var updates = new List<Update<long, long, Timestamp, long>>();
        var cursor = new OrdValCursor<long, long, Timestamp, long, ArrayContainer<long>, ArrayContainer<long>>(storage);
        for (; cursor.KeyValid; cursor.StepKey())
        {
            for (; cursor.ValValid; cursor.StepVal())
            {
                var (key, val) = (cursor.Key, cursor.Val);
                cursor.MapTimes((time, diff) => updates.Add(new(key, val, time, diff)));
            }
        }

        return updates;
    }

    /// <summary>
    /// The five columns of a seven-update batch, each offset list drawn at the boundaries of its layer with an arrow to
    /// the boundary it names in the next; and, below, every logical update, with the ones the singleton encoding does not
    /// store drawn dashed and pointing at the stored update they repeat.
    /// </summary>
    [Scene("batch-columns")]
    public static Figure BatchColumns()
    {
        var storage = Build(Updates).Storage;
        const double left = 128, cell = 58, h = 26, offW = 30;
        double[] rows = [24, 78, 146, 200, 268, 352];
        var canvas = new SvgCanvas(left + 7 * cell + 36, rows[5] + h + 54);
        string[] names = ["keys", "key offsets", "values", "value offsets", "times, diffs", "each value reads"];
        for (int r = 0; r < names.Length; r++)
        {
            canvas.Text(left - 26, rows[r] + h / 2 + 4.5, names[r], r == 5 ? "small muted" : "small", TextAnchor.End);
        }

        canvas.Text(left - 26, rows[5] + h / 2 + 18, "(logical updates)", "small muted", TextAnchor.End);

        for (int i = 0; i < storage.KeyCount; i++)
        {
            canvas.Cell(left + i * cell, rows[0], cell, h, Str(storage.KeyAt(i)), "box a", ("key", storage.KeyAt(i)), ("index", i));
        }

        Offsets(canvas, storage.KeyCount + 1, storage.KeyOffsetAt, rows[1], rows[2], "key-offset");

        for (int j = 0; j < storage.ValCount; j++)
        {
            canvas.Cell(left + j * cell, rows[2], cell, h, Str(storage.ValAt(j)), "box b", ("val", storage.ValAt(j)), ("index", j));
        }

        Offsets(canvas, storage.ValCount + 1, storage.ValOffsetAt, rows[3], rows[4], "val-offset");

        for (int u = 0; u < storage.StoredUpdateCount; u++)
        {
            var (time, diff) = storage.StoredUpdateAt(u);
            canvas.Cell(left + u * cell, rows[4], cell, h, Pair(time, diff), "box c", ("time", time), ("diff", diff), ("index", u));
        }

        // Every logical update, value by value, read through the offsets the way a cursor reads them.
        int logical = 0, key = 0;
        for (int j = 0; j < storage.ValCount; j++)
        {
            while (storage.KeyOffsetAt(key + 1) <= j)
            {
                key++;
            }

            long lower = storage.ValOffsetAt(j), upper = storage.ValOffsetAt(j + 1);
            bool singleton = lower == upper;
            long first = singleton ? lower - 1 : lower;
            canvas.Text(left + (logical + (upper - first) / 2.0) * cell, rows[5] + h + 16,
                string.Create(CultureInfo.InvariantCulture, $"({storage.KeyAt(key)}, {storage.ValAt(j)})"), "small muted",
                TextAnchor.Middle);
            for (long u = first; u < upper; u++, logical++)
            {
                var (time, diff) = storage.StoredUpdateAt((int)u);
                double x = left + logical * cell;
                canvas.Cell(x + 2, rows[5], cell - 4, h, Pair(time, diff), singleton ? "empty" : "box c",
                    ("value", j), ("time", time), ("diff", diff), ("stored-at", u), ("singleton", singleton));
                if (singleton)
                {
                    double sx = left + u * cell + cell / 2;
                    canvas.Arrow(x + cell / 2, rows[5] - 2, sx + (x + cell / 2 - sx) * 0.12, rows[4] + h + 3, "arrow b dashed");
                }
            }
        }

        canvas.Text(left, rows[5] + h + 40, "dashed: not stored, the offset repeats and points at the update before",
            "small muted");
        return canvas.ToFigure(
            "The columns of a batch of seven updates: keys 1, 3 and 4; six values; four stored time and diff pairs. Each " +
            "offset list sits at the boundaries of its layer with arrows to the boundary it names in the next layer. Three " +
            "value offsets repeat the one before; those values each own the single stored update just before, drawn dashed " +
            "in the bottom row of logical updates.");

        void Offsets(SvgCanvas c, int count, Func<int, long> offsetAt, double y, double next, string name)
        {
            for (int i = 0; i < count; i++)
            {
                long offset = offsetAt(i);
                double x = left + i * cell;
                bool repeat = i > 0 && offsetAt(i - 1) == offset;
                c.Line(x, y - 28, x, y, "edge dashed");
                c.Cell(x - offW / 2, y, offW, h - 4, Str(offset), repeat ? "hi" : "box", (name, offset), ("index", i));
                c.Arrow(x, y + h - 4, left + offset * cell, next - 2, "arrow");
            }
        }
    }

    /// <summary>Prints what a snapshot costs as a batch: logical updates, stored pairs and singletons.</summary>
    [Scene("batch-snapshot-counts")]
    public static void SnapshotCounts(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        #region snapshot-sample
        foreach (int keys in (int[])[10, 1_000, 100_000])
        {
            // A snapshot: every key with two values, all at time 0 with diff +1.
            var snapshot = new List<Update<long, long, Timestamp, long>>();
            for (long key = 0; key < keys; key++)
            {
                snapshot.Add(new(key, 0, 0UL, 1));
                snapshot.Add(new(key, 1, 0UL, 1));
            }

            var storage = Build(snapshot).Storage;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{keys,7:N0} keys: {storage.UpdateCount,7:N0} updates, " +
                $"{storage.StoredUpdateCount} stored, {storage.SingletonCount,7:N0} singletons"));
        }
        #endregion

        var mixed = Build(Updates).Storage;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"the figure's batch: {mixed.UpdateCount} updates, {mixed.StoredUpdateCount} stored, {mixed.SingletonCount} singletons"));
    }

    private static string Str(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Pair(Timestamp time, long diff) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.Value},{(diff > 0 ? "+" : "")}{diff}");
}
