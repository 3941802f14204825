using System.Globalization;
using System.Text;
using CsCheck;

namespace Traces.Conformance;

/// <summary>
/// The one harness behind every seeded model-based random run in the series: it runs a family of sequences, each
/// drawn from its own seed, and shrinks the first failing one to a small run printed as a test.
/// </summary>
/// <remarks>
/// <para>
/// A run is an <c>Action&lt;Choices, RunLog&gt;</c>: it draws its operations from <see cref="Choices"/>, applies them to
/// the implementation under test and to a model, throws on the first disagreement, and writes each operation to the
/// <see cref="RunLog"/> as a C# statement. Sequence <c>i</c> of a family draws its list of choices with CsCheck's
/// generator from the seed <c>(stream, i)</c>, where the stream is a hash of the family's name: every family has its
/// own seeds, and the same name and index always give the same run, on every machine.
/// </para>
/// <para>
/// Shrinking happens in two stages. CsCheck first searches for a smaller failing list from the failing seed (its
/// shrinker compares the size of every list it generates and keeps failing ones that are smaller, so it quickly finds
/// a short run). A deterministic pass then polishes CsCheck's answer: it cuts the list short, drops single choices,
/// and lowers each remaining choice to the smallest number that still fails. Because a choice maps to a value in
/// proportion, the lowered run uses the smallest keys, values, times and batch sizes that still fail.
/// </para>
/// <para>
/// Set the environment variable <c>TRACES_SEQUENCES</c> to run that many sequences in every family instead of each
/// family's ordinary count (the soak mode: <c>./soak 100000</c>).
/// </para>
/// </remarks>
public static class ModelRun
{
    /// <summary>The environment variable that sets how many sequences every family runs (the soak mode).</summary>
    public const string SequencesVariable = "TRACES_SEQUENCES";

    // CsCheck's search budget, then the polishing pass's, in runs of the failing implementation, and the time each may take.
    private const int SearchTries = 2_000;
    private const int PolishTries = 3_000;
    private static readonly TimeSpan SearchTime = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PolishTime = TimeSpan.FromSeconds(5);

    /// <summary>Gets the number of sequences a family runs: <c>TRACES_SEQUENCES</c> if set, else <paramref name="ordinary"/>.</summary>
    /// <param name="ordinary">The family's count in an ordinary test run.</param>
    /// <exception cref="InvalidOperationException"><c>TRACES_SEQUENCES</c> is set but is not a positive integer.</exception>
    public static int SequencesFor(int ordinary) => SequencesFor(ordinary, Environment.GetEnvironmentVariable(SequencesVariable));

    /// <summary>Gets the number of sequences a family runs: <paramref name="text"/> if set, else <paramref name="ordinary"/>.</summary>
    /// <param name="ordinary">The family's count in an ordinary test run.</param>
    /// <param name="text">The setting of <c>TRACES_SEQUENCES</c>, or <see langword="null"/> if it is not set.</param>
    /// <exception cref="InvalidOperationException"><paramref name="text"/> is set but is not a positive integer.</exception>
    public static int SequencesFor(int ordinary, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ordinary;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count <= 0)
        {
            throw new InvalidOperationException($"{SequencesVariable} must be a positive integer, not \"{text}\".");
        }

        return count;
    }

    /// <summary>
    /// Runs <paramref name="sequences"/> seeded sequences of <paramref name="family"/> (or <c>TRACES_SEQUENCES</c> of
    /// them); throws a <see cref="ConformanceException"/> describing the shrunk failure if one fails.
    /// </summary>
    /// <param name="family">The family's name; it names the family in a failure and chooses its seeds.</param>
    /// <param name="run">The run: draws from the choices, logs statements, throws on a disagreement.</param>
    /// <param name="sequences">How many sequences an ordinary test run tries.</param>
    /// <param name="maxChoices">The longest list of choices a sequence draws from (its length is uniform up to this).</param>
    /// <exception cref="ArgumentException"><paramref name="family"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="family"/> or <paramref name="run"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequences"/> or <paramref name="maxChoices"/> is not positive.</exception>
    public static void Check(string family, Action<Choices, RunLog> run, int sequences, int maxChoices)
    {
        ArgumentException.ThrowIfNullOrEmpty(family);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequences);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChoices);

        Gen<int[]> lists = Gen.Int[0, Choices.Range - 1].Array[0, maxChoices];
        uint stream = StreamOf(family);
        int count = SequencesFor(sequences);
        for (int index = 0; index < count; index++)
        {
            var pcg = new PCG(stream, (ulong)index);
            string seed = pcg.ToString();
            int[] draws = lists.Generate(pcg, null, out _);
            if (Fails(run, draws) is { } failure)
            {
                throw Shrunk(family, index, count, seed, draws, failure, lists, run);
            }
        }
    }

    /// <summary>Replays one list of choices with a recording log; throws a <see cref="ConformanceException"/> with the run as a test if it fails.</summary>
    /// <param name="run">The run.</param>
    /// <param name="draws">The choices, as a failure report prints them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> or <paramref name="draws"/> is <see langword="null"/>.</exception>
    public static void Replay(Action<Choices, RunLog> run, params int[] draws)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(draws);
        var log = RunLog.Recording();
        try
        {
            run(new Choices(draws), log);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            throw new ConformanceException($"The replayed run fails: {failure.Message}\n{AsTest(log)}", failure);
        }
    }

    private static ConformanceException Shrunk(
        string family, int index, int count, string seed, int[] draws, Exception failure, Gen<int[]> lists, Action<Choices, RunLog> run)
    {
        // Each stage has a deadline as well as a budget of tries, so a slow implementation still reports promptly;
        // after the deadline a stage stops trying (CsCheck's remaining tries then pass at once).
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Stage one: CsCheck's search from the failing seed. Its first try replays the seed, so it always fails.
        int[] smallest = draws;
        string search = "";
        try
        {
            lists.Sample(
                choices =>
                {
                    if (clock.Elapsed < SearchTime && Fails(run, choices) is { } any)
                    {
                        throw any;
                    }
                },
                seed: seed,
                iter: SearchTries,
                threads: 1,
                print: choices =>
                {
                    smallest = choices;
                    return "";
                });
        }
        catch (CsCheckException done)
        {
            search = done.Message.Split('\n')[0];
        }

        // Stage two: polish deterministically.
        clock.Restart();
        int[] polished = Polish(smallest, run, clock, out int simplifications);
        var log = RunLog.Recording();
        Exception last = Fails(run, polished, log) ?? failure;

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Model run \"{family}\" failed on sequence {index} of {count} (seed {seed}, ")
            .Append(CultureInfo.InvariantCulture, $"{draws.Length} choices):\n")
            .Append(Indent(failure.Message)).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"Shrunk to {polished.Length} choices, [{string.Join(", ", polished)}] ")
            .Append(CultureInfo.InvariantCulture, $"({SummaryOf(search)}; then {simplifications} simplifications), which fail with:\n")
            .Append(Indent(last.Message)).Append('\n')
            .Append(AsTest(log));
        return new ConformanceException(text.ToString(), last);
    }

    /// <summary>
    /// Removes and lowers choices while the run still fails: first whole blocks (halves, quarters, … down to eight
    /// choices at aligned positions, then eight to one choices at every position), removed and else set to zero; then
    /// each remaining choice lowered by binary search.
    /// </summary>
    private static int[] Polish(int[] draws, Action<Choices, RunLog> run, System.Diagnostics.Stopwatch clock, out int simplifications)
    {
        int budget = PolishTries;
        int made = 0;
        var current = new List<int>(draws);
        Trim(current, run);

        bool TryKeep(List<int> candidate)
        {
            if (budget-- <= 0 || clock.Elapsed >= PolishTime || Fails(run, [.. candidate], read: out int read) is null)
            {
                return false;
            }

            // Only the choices the failing run read matter; the rest go.
            current = candidate;
            current.RemoveRange(read, current.Count - read);
            made++;
            return true;
        }

        bool changed = true;
        while (changed && budget > 0 && clock.Elapsed < PolishTime)
        {
            changed = false;
            // Large blocks at aligned positions, then small ones (an operation reads a few choices) at every position.
            for (int block = Math.Max(1, current.Count / 2); block >= 1; block = block > 8 ? block / 2 : block - 1)
            {
                int step = block > 8 ? block : 1;
                for (int start = current.Count - block; start >= 0; start -= step)
                {
                    if (start + block > current.Count)
                    {
                        continue;
                    }

                    var removed = new List<int>(current);
                    removed.RemoveRange(start, block);
                    if (TryKeep(removed))
                    {
                        changed = true;
                        continue;
                    }

                    if (current.GetRange(start, block).Exists(static c => c != 0))
                    {
                        var zeroed = new List<int>(current);
                        for (int i = start; i < start + block; i++)
                        {
                            zeroed[i] = 0;
                        }

                        changed |= TryKeep(zeroed);
                    }
                }
            }

            for (int i = 0; i < current.Count; i++)
            {
                // Binary search for a small number at position i that still fails (failure need not be monotone
                // in the number, so this finds a small one, not always the smallest).
                int low = 0;
                int high = current[i];
                while (low < high && i < current.Count)
                {
                    int middle = low + ((high - low) / 2);
                    var lowered = new List<int>(current) { [i] = middle };
                    if (TryKeep(lowered))
                    {
                        high = middle;
                        changed = true;
                    }
                    else
                    {
                        low = middle + 1;
                    }
                }
            }
        }

        simplifications = made;
        return [.. current];
    }

    /// <summary>Drops the choices after the last one a failing run read.</summary>
    private static void Trim(List<int> draws, Action<Choices, RunLog> run)
    {
        if (Fails(run, [.. draws], read: out int read) is not null)
        {
            draws.RemoveRange(read, draws.Count - read);
        }
    }

    private static Exception? Fails(Action<Choices, RunLog> run, int[] draws, RunLog? log = null) => Fails(run, draws, out _, log);

    private static Exception? Fails(Action<Choices, RunLog> run, int[] draws, out int read, RunLog? log = null)
    {
        var choices = new Choices(draws);
        try
        {
            run(choices, log ?? RunLog.Off);
            read = choices.Read;
            return null;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            read = choices.Read;
            return failure;
        }
    }

    private static string AsTest(RunLog log) =>
        "As a test:\n[Fact]\npublic void Shrunk_run()\n{\n" + log + "}";

    private static string SummaryOf(string search)
    {
        // CsCheck's line reads 'Set seed: "…" or -e CsCheck_Seed=… to reproduce (N shrinks, M skipped, T total).'
        int open = search.LastIndexOf('(');
        int close = search.LastIndexOf(')');
        return open >= 0 && close > open ? "CsCheck's search: " + search[(open + 1)..close] : "CsCheck's search";
    }

    private static string Indent(string message) => "  " + message.Replace("\n", "\n  ", StringComparison.Ordinal);

    /// <summary>FNV-1a over the family name's characters: a stable stream per family, the same on every machine.</summary>
    private static uint StreamOf(string family)
    {
        uint hash = 2_166_136_261;
        foreach (char c in family)
        {
            hash = (hash ^ c) * 16_777_619;
        }

        return hash;
    }
}
