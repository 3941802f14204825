using System.Globalization;
using Traces;
using Traces.HashMap;

namespace Book.Scenes.HashMap;

/// <summary>Chapter 2's picture and sample: what part 1's dictionary of lists holds, object by object.</summary>
public static class HashMapScenes
{
    /// <summary>Bytes of an array's header on a 64-bit runtime: object header, method table pointer, length (padded).</summary>
    public const int ArrayHeaderBytes = 24;

    /// <summary>Bytes of a <c>List&lt;T&gt;</c> object: header, method table, <c>_items</c>, <c>_size</c>, <c>_version</c>.</summary>
    public const int ListObjectBytes = 32;

    /// <summary>Bytes of one dictionary entry here: hash code (4), next (4), a <c>ulong</c> key (8), a list reference (8).</summary>
    public const int EntryBytes = 24;

    /// <summary>Bytes of one bucket: an <c>int</c>.</summary>
    public const int BucketBytes = 4;

    /// <summary>Bytes of one list slot: a <c>(ulong, Timestamp, long)</c> tuple.</summary>
    public const int SlotBytes = 24;

    /// <summary>Bytes of one <c>Update&lt;ulong, ulong, Timestamp, long&gt;</c>, the updates as they were handed in.</summary>
    public const int UpdateBytes = 32;

    /// <summary>The updates of the picture, in arrival order: three keys, one update repeated.</summary>
    public static IReadOnlyList<Update<ulong, ulong, Timestamp, long>> Updates { get; } =
    [
        new(1, 10, 1, +1), new(2, 20, 1, +1), new(1, 11, 1, +1), new(2, 20, 2, -1), new(3, 30, 1, +1),
        new(2, 21, 2, +1), new(1, 10, 1, +1), new(2, 22, 3, +2), new(2, 20, 3, +1),
    ];

    /// <summary>Part 1's trace holding <see cref="Updates"/>, added in two batches.</summary>
    public static HashMapTrace<ulong, ulong, Timestamp, long> Trace()
    {
        var trace = new HashMapTrace<ulong, ulong, Timestamp, long>();
        trace.Add(Updates.Take(4));
        trace.Add(Updates.Skip(4));
        return trace;
    }

    /// <summary>Rounds an object's size up to the 8 bytes every object on a 64-bit runtime is aligned to.</summary>
    public static long Aligned(long bytes) => (bytes + 7) / 8 * 8;

    /// <summary>The bytes of the dictionary's two arrays, entries and buckets, for <paramref name="capacity"/> entries.</summary>
    public static long DictionaryBytes(int capacity) =>
        Aligned(ArrayHeaderBytes + (long)EntryBytes * capacity) + Aligned(ArrayHeaderBytes + (long)BucketBytes * capacity);

    /// <summary>The bytes of one key's list: the <c>List</c> object and its array of <paramref name="capacity"/> slots.</summary>
    public static long ListBytes(int capacity) => ListObjectBytes + Aligned(ArrayHeaderBytes + (long)SlotBytes * capacity);

    /// <summary>
    /// The dictionary's entries, each pointing at its key's <c>List</c> object, which points at its array: the
    /// updates in arrival order, then the unused capacity dashed. Under it, the bytes, counted object by object.
    /// </summary>
    [Scene("hashmap-layout")]
    public static Figure Layout()
    {
        var trace = Trace();
        var keys = trace.Keys().ToList();
        const double entryX = 10, entryW = 80, listX = 118, listW = 66, arrayX = 214, slotW = 60, rowH = 34, top = 44, gap = 20;
        var capacity = trace.DictionaryCapacity;
        var height = top + capacity * (rowH + gap) + 72;
        var canvas = new SvgCanvas(arrayX + 8 * slotW + 12, height);
        canvas.Text(entryX, 16, "Dictionary", "small bold")
            .Text(entryX, 30, $"{capacity} entries", "small muted")
            .Text(listX, 16, "Lists", "small bold")
            .Text(arrayX, 16, "their arrays: (val, time, diff), in arrival order", "small bold")
            .Text(arrayX, 30, "dashed: room not yet used", "small muted");

        long listBytes = 0;
        int slots = 0, updates = 0;
        for (var e = 0; e < capacity; e++)
        {
            var y = top + e * (rowH + gap);
            if (e >= keys.Count)
            {
                canvas.Rect(entryX, y, entryW, rowH, "empty", ("entry", e));
                continue;
            }

            var key = keys[e];
            var held = trace.Get(key).ToList();
            var listCapacity = trace.ListCapacity(key);
            listBytes += ListBytes(listCapacity);
            slots += listCapacity;
            updates += held.Count;
            canvas.Cell(entryX, y, entryW, rowH, $"key {key}", "box a", ("entry", e), ("key", key))
                .Arrow(entryX + entryW, y + rowH / 2, listX, y + rowH / 2, "arrow")
                .Cell(listX, y, listW, rowH, $"size {held.Count}", "box", ("list-of", key), ("size", held.Count), ("capacity", listCapacity))
                .Arrow(listX + listW, y + rowH / 2, arrayX, y + rowH / 2, "arrow");
            for (var s = 0; s < listCapacity; s++)
            {
                var x = arrayX + s * slotW;
                if (s < held.Count)
                {
                    var u = held[s];
                    canvas.Rect(x, y, slotW, rowH, "box b", ("key", key), ("slot", s), ("val", u.Val), ("time", u.Time), ("diff", u.Diff))
                        .Text(x + slotW / 2, y + rowH / 2 + 4, Slot(u), "small mono", TextAnchor.Middle);
                }
                else
                {
                    canvas.Rect(x, y, slotW, rowH, "empty", ("key", key), ("slot", s));
                }
            }
        }

        var dictionaryBytes = DictionaryBytes(capacity);
        var total = dictionaryBytes + listBytes;
        var line = top + capacity * (rowH + gap) + 6;
        canvas.Text(entryX, line, "Bytes, counted object by object (64-bit .NET):", "small bold")
            .Text(entryX, line + 18, string.Create(CultureInfo.InvariantCulture,
                $"dictionary arrays: {capacity} entries × {EntryBytes} + {capacity} buckets × {BucketBytes} + 2 headers = {dictionaryBytes} B"), "small mono")
            .Text(entryX, line + 36, string.Create(CultureInfo.InvariantCulture,
                $"lists: {keys.Count} List objects × {ListObjectBytes} + {keys.Count} array headers × {ArrayHeaderBytes} + {slots} slots × {SlotBytes} = {listBytes} B"), "small mono")
            .Text(entryX, line + 58, string.Create(CultureInfo.InvariantCulture,
                $"{total} B for {updates} updates: {(double)total / updates:0.#} B per update, against {UpdateBytes} B for the Update itself"),
                "small bold", TextAnchor.Start, ("bytes", total), ("updates", updates));
        return canvas.ToFigure(string.Create(CultureInfo.InvariantCulture,
            $"Part 1's trace after {updates} updates to {keys.Count} keys: a dictionary entry per key points at a List object, which points at an array of (val, time, diff) slots, some unused. In all {total} bytes, {(double)total / updates:0.#} per update."));
    }

    /// <summary>
    /// Prints what part 1's <c>Get</c> returns for a key (every update as it arrived, repeats included), and the same
    /// key after an <c>AdvanceBy</c>, which rewrites and consolidates every list.
    /// </summary>
    [Scene("hashmap-get")]
    public static void Get(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var trace = Trace();
        foreach (var key in new ulong[] { 1, 2 })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Get({key}): {string.Join(" ", trace.Get(key).Select(Slot))}"));
        }

        trace.AdvanceBy(Antichain.Create<Timestamp>([2]));
        output.WriteLine("after AdvanceBy({2}):");
        foreach (var key in new ulong[] { 1, 2 })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Get({key}): {string.Join(" ", trace.Get(key).Select(Slot))}"));
        }
    }

    /// <summary>How a slot is written in the picture and the sample: <c>val,time,diff</c>.</summary>
    public static string Slot(Update<ulong, ulong, Timestamp, long> update) =>
        string.Create(CultureInfo.InvariantCulture, $"{update.Val},{update.Time},{update.Diff:+0;-0}");
}
