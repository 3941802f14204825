using Traces;
using Traces.Conformance;
using Traces.HashMap;

namespace Book.Scenes.Appendix;

/// <summary>
/// A trace with a reader's kind of bug: it forgets retractions when it answers <see cref="Get"/>. Everything else is
/// part 1's trace, so the suite's failure points at the one method that is wrong.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
public sealed class RetractionDroppingTrace<TKey, TVal, TTime> : ITrace<TKey, TVal, TTime, long>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
    where TTime : ILattice<TTime>
{
    private readonly HashMapTrace<TKey, TVal, TTime, long> inner = new();

    /// <inheritdoc />
    public void Add(IEnumerable<Update<TKey, TVal, TTime, long>> updates) => inner.Add(updates);

    /// <inheritdoc />
    #region buggy-get
    public IEnumerable<Update<TKey, TVal, TTime, long>> Get(TKey key) =>
        inner.Get(key).Where(static update => update.Diff > 0); // the bug: retractions are dropped
    #endregion

    /// <inheritdoc />
    public IEnumerable<TKey> Keys() => inner.Keys();

    /// <inheritdoc />
    public void AdvanceBy(Antichain<TTime> frontier) => inner.AdvanceBy(frontier);
}

/// <summary>The appendix's sample: what the conformance suite prints when a trace is wrong.</summary>
public static class FailureScenes
{
    /// <summary>The name of the family of runs shown; the name chooses the family's seeds.</summary>
    public const string Family = "appendix: a get that drops retractions";

    /// <summary>The longest line the sample prints, so that it fits the code column.</summary>
    private const int Width = 96;

    /// <summary>How many lines of the failure the sample prints.</summary>
    private const int MaxLines = 40;

    /// <summary>
    /// Runs the suite's seeded random runs against <see cref="RetractionDroppingTrace{TKey, TVal, TTime}"/> and
    /// prints the start of the failure report it throws, long lines wrapped at spaces to fit the code column.
    /// </summary>
    [Scene("conformance-failure")]
    public static void ConformanceFailure(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var printed = 0;
        foreach (var line in Report().TrimEnd('\n').Split('\n'))
        {
            foreach (var piece in Wrap(line.TrimEnd()))
            {
                if (printed++ == MaxLines)
                {
                    output.WriteLine("…");
                    return;
                }

                output.WriteLine(piece);
            }
        }
    }

    /// <summary>Cuts <paramref name="line"/> at spaces into pieces of at most <see cref="Width"/> characters; later pieces are indented.</summary>
    public static IEnumerable<string> Wrap(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        const string indent = "      ";
        var rest = line;
        var first = true;
        while ((first ? 0 : indent.Length) + rest.Length > Width)
        {
            var room = Width - (first ? 0 : indent.Length);
            var cut = rest.LastIndexOf(' ', room);
            cut = cut < room / 2 ? room : cut;
            yield return (first ? "" : indent) + rest[..cut].TrimEnd();
            rest = rest[cut..].TrimStart();
            first = false;
        }

        yield return (first ? "" : indent) + rest;
    }

    /// <summary>The whole failure report of the seeded runs, shrunk, as the suite throws it.</summary>
    /// <exception cref="InvalidOperationException">The run passed: the suite missed the bug.</exception>
    public static string Report()
    {
        try
        {
            #region run-the-family
            RandomRun.Check(
                Family,
                () => new RetractionDroppingTrace<long, long, Timestamp>(),
                new Domain<long, long, Timestamp>(Domains.Int64Key, Domains.Int64Val, Domains.Timestamps(8)),
                WorkloadShape.Default,
                sequences: 100);
            #endregion
        }
        catch (ConformanceException failure)
        {
            return failure.Message.Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        throw new InvalidOperationException("The conformance run passed against a trace that drops retractions.");
    }
}
