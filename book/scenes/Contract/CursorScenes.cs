using System.Globalization;
using System.Text;
using Traces;
using Traces.HashMap;

namespace Book.Scenes.Contract;

/// <summary>Chapter 1's sample of the read path: a cursor walked, sought, and used after the trace changed.</summary>
public static class CursorScenes
{
    /// <summary>The updates the sample adds, in two batches: fruit counted at a few times, one retraction cancelling.</summary>
    public static IReadOnlyList<Update<string, string, Timestamp, long>[]> Batches { get; } =
    [
        [new("pear", "green", 1, +1), new("apple", "red", 1, +2), new("apple", "green", 2, +1), new("fig", "purple", 2, +1)],
        [new("apple", "red", 3, -1), new("fig", "purple", 2, -1), new("kiwi", "brown", 3, +4), new("pear", "green", 4, +1)],
    ];

    /// <summary>The key the sample seeks, which no update names.</summary>
    public const string Sought = "grape";

    /// <summary>
    /// Adds <see cref="Batches"/> to part 1's trace, walks a cursor over every key and value printing each history,
    /// seeks <see cref="Sought"/>, then adds one more update and shows that the cursor and a result of <c>Get</c>
    /// made before it both refuse to be read.
    /// </summary>
    [Scene("cursor-walk")]
    public static void CursorWalk(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var trace = new HashMapTrace<string, string, Timestamp, long>();
        foreach (var batch in Batches)
        {
            trace.Add(batch);
        }

        output.WriteLine("key     val      history (time, diff)");
        var cursor = trace.GetCursor();
        for (; cursor.KeyValid; cursor.StepKey())
        {
            for (; cursor.ValValid; cursor.StepVal())
            {
                output.WriteLine(Row(cursor.Key, cursor.Val, cursor.History));
            }
        }

        cursor.RewindKeys();
        cursor.SeekKey(Sought);
        output.WriteLine();
        output.WriteLine($"after RewindKeys() and SeekKey(\"{Sought}\"): at key \"{cursor.Key}\"");

        var got = trace.Get("apple");
        trace.Add([new("plum", "red", 5, +1)]);
        output.WriteLine();
        output.WriteLine("after one more Add:");
        output.WriteLine($"  cursor.StepKey() throws {Failure(cursor.StepKey)}");
        output.WriteLine($"  reading an earlier Get(\"apple\") throws {Failure(() => { _ = got.ToList(); })}");
    }

    /// <summary>Formats one value's history as the sample prints it.</summary>
    /// <param name="key">The key.</param>
    /// <param name="val">The value.</param>
    /// <param name="history">Its history.</param>
    public static string Row(string key, string val, ReadOnlySpan<(Timestamp Time, long Diff)> history)
    {
        var row = new StringBuilder($"{key,-8}{val,-9}");
        foreach (var (time, diff) in history)
        {
            row.Append(CultureInfo.InvariantCulture, $"({time}, {diff:+0;-0}) ");
        }

        return row.ToString().TrimEnd();
    }

    private static string Failure(Action read)
    {
        try
        {
            read();
            return "nothing";
        }
        catch (InvalidOperationException exception)
        {
            return exception.GetType().Name;
        }
    }
}
