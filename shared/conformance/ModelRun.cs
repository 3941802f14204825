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
/// <see cref="RunLog"/> as a C# statement. Sequence <c>i</c> of a family is a list of numbers that CsCheck's generator
/// draws from the PCG seed <c>(stream, i)</c>, where the stream is a hash of the family's name: every family has its
/// own seeds, and the same name and index always give the same run, on every machine.
/// </para>
/// <para>
/// Because a run is a function of its list, shrinking a run is shrinking a list of numbers, whatever the run's
/// operations are. The shrinker is deterministic delta debugging: it keeps only the choices the failing run read, removes
/// blocks of choices (halves, quarters, …, down to single ones), sets blocks to zero, and lowers each remaining number by
/// binary search, keeping every change after which the run still fails. A shorter list is a run with fewer operations
/// and smaller batches; a smaller number is a smaller key, value, time or diff. CsCheck's own shrinker is a parallel
/// random search whose answer differs from one run to the next; this one gives the same shrunk test on every machine and
/// every run, which the book prints, within a budget of work (tries and choices read), not of time.
/// </para>
/// <para>
/// Set the environment variable <c>TRACES_SEQUENCES</c> to run that many sequences in every family instead of each
/// family's ordinary count (the soak mode: <c>./soak 100000</c>), or <c>TRACES_SEQUENCES_CAP</c> to run at most that
/// many (a chapter's <c>./checkpoint</c> sets it to 100, so that a checkpoint takes seconds).
/// </para>
/// </remarks>
public static class ModelRun
{
    /// <summary>The environment variable that sets how many sequences every family runs (the soak mode).</summary>
    public const string SequencesVariable = "TRACES_SEQUENCES";

    /// <summary>The environment variable that caps how many sequences a family runs (a chapter's quick checkpoint).</summary>
    public const string CapVariable = "TRACES_SEQUENCES_CAP";

    // The shrinker's budget: at most this many tries, reading at most this many choices in all. Both count work, not
    // time, so the same failure shrinks to the same run on every machine, however loaded.
    private const int ShrinkTries = 3_000;
    private const long ShrinkWork = 1_000_000;

    /// <summary>
    /// Gets the number of sequences a family runs: <c>TRACES_SEQUENCES</c> if set, else <paramref name="ordinary"/>, at most
    /// <c>TRACES_SEQUENCES_CAP</c> if that is set (and <c>TRACES_SEQUENCES</c> is not).
    /// </summary>
    /// <param name="ordinary">The family's count in an ordinary test run.</param>
    /// <exception cref="InvalidOperationException">A setting is not a positive integer.</exception>
    public static int SequencesFor(int ordinary)
    {
        int count = SequencesFor(ordinary, Environment.GetEnvironmentVariable(SequencesVariable));
        string? cap = Environment.GetEnvironmentVariable(CapVariable);
        return string.IsNullOrEmpty(cap) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SequencesVariable))
            ? count
            : Math.Min(count, SequencesFor(count, cap, CapVariable));
    }

    /// <summary>Gets the number of sequences a family runs: <paramref name="text"/> if set, else <paramref name="ordinary"/>.</summary>
    /// <param name="ordinary">The family's count in an ordinary test run.</param>
    /// <param name="text">The setting of <c>TRACES_SEQUENCES</c>, or <see langword="null"/> if it is not set.</param>
    /// <param name="variable">The setting's name, for the message if it is not a positive integer.</param>
    /// <exception cref="InvalidOperationException"><paramref name="text"/> is set but is not a positive integer.</exception>
    public static int SequencesFor(int ordinary, string? text, string variable = SequencesVariable)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ordinary;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count <= 0)
        {
            throw new InvalidOperationException($"{variable} must be a positive integer, not \"{text}\".");
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
                throw Shrunk(family, index, count, seed, draws, failure, run);
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
        string family, int index, int count, string seed, int[] draws, Exception failure, Action<Choices, RunLog> run)
    {
        int[] shrunk = Shrink(draws, run, out int simplifications, out int tries);
        var log = RunLog.Recording();
        Exception last = Fails(run, shrunk, log) ?? failure;

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Model run \"{family}\" failed on sequence {index} of {count} (seed {seed}, ")
            .Append(CultureInfo.InvariantCulture, $"{draws.Length} choices):\n")
            .Append(Indent(failure.Message)).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"Shrunk to {shrunk.Length} choices, [{string.Join(", ", shrunk)}] ")
            .Append(CultureInfo.InvariantCulture, $"({simplifications} simplifications in {tries} tries), which fail with:\n")
            .Append(Indent(last.Message)).Append('\n')
            .Append(AsTest(log));
        return new ConformanceException(text.ToString(), last);
    }

    /// <summary>
    /// Keeps the choices the failing run read, then removes and lowers choices while the run still fails: first
    /// whole blocks (halves, quarters, … down to eight choices at aligned positions, then eight to one choices at
    /// every position), removed and else set to zero; then each remaining choice lowered by binary search.
    /// </summary>
    private static int[] Shrink(int[] draws, Action<Choices, RunLog> run, out int simplifications, out int tries)
    {
        int budget = ShrinkTries;
        long work = ShrinkWork;
        int made = 0;
        var current = new List<int>(draws);
        Trim(current, run);

        bool TryKeep(List<int> candidate)
        {
            if (budget <= 0 || work <= 0)
            {
                return false;
            }

            budget--;
            Exception? failure = Fails(run, [.. candidate], read: out int read);
            work -= read;
            if (failure is null)
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
        while (changed && budget > 0 && work > 0)
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
        tries = ShrinkTries - budget;
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
