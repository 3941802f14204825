using System.Text;
using Traces.Conformance;

namespace Traces.Lsm.Tests;

/// <summary>Helpers that turn strings into keys and drain iterators into comparable lists.</summary>
internal static class IteratorAssertions
{
    public static byte[] B(string text) => Encoding.ASCII.GetBytes(text);

    public static string S(ReadOnlyMemory<byte> bytes) => Encoding.ASCII.GetString(bytes.Span);

    /// <summary>Reads every remaining entry, then checks the iterator stays invalid.</summary>
    public static List<(string Key, string Value)> Drain<T>(T iterator, int limit = 1_000_000)
        where T : IStorageIterator
    {
        var result = new List<(string, string)>();
        while (iterator.IsValid)
        {
            result.Add((S(iterator.Key), S(iterator.Value)));
            iterator.Next();
            if (result.Count > limit)
            {
                throw new InvalidOperationException("iterator did not end");
            }
        }

        iterator.IsValid.Should().BeFalse();
        return result;
    }

    public static (string, string)[] Pairs(params string[] keyValues)
    {
        var result = new (string, string)[keyValues.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (keyValues[2 * i], keyValues[(2 * i) + 1]);
        }

        return result;
    }

    /// <summary>Entries as C# string arguments, <c>"k01", "v1", "k02", ""</c>, for model runs printed as tests.</summary>
    public static string Arguments(IEnumerable<(string Key, string Value)> entries) =>
        string.Join(", ", entries.Select(e => CodeText.Literal(e.Key) + ", " + CodeText.Literal(e.Value)));

    /// <summary>The assertion a printed test makes on a drained iterator: <c>.Should().Equal(Pairs(…));</c> or <c>.Should().BeEmpty();</c>.</summary>
    public static string EqualsCode(IReadOnlyCollection<(string Key, string Value)> expected) =>
        expected.Count == 0 ? ".Should().BeEmpty();" : $".Should().Equal(Pairs({Arguments(expected)}));";

    /// <summary>The nine combinations of an unbounded, included or excluded lower and upper bound.</summary>
    public static IEnumerable<(Bound Lower, Bound Upper)> NineShapes(byte[] lowKey, byte[] highKey)
    {
        Bound[] lowers = [Bound.Unbounded, Bound.Included(lowKey), Bound.Excluded(lowKey)];
        Bound[] uppers = [Bound.Unbounded, Bound.Included(highKey), Bound.Excluded(highKey)];
        foreach (var lower in lowers)
        {
            foreach (var upper in uppers)
            {
                yield return (lower, upper);
            }
        }
    }

    /// <summary>Filters a sorted model the way a scan with these bounds must (independently of <see cref="Bound"/>'s own checks).</summary>
    public static List<(string Key, string Value)> Within(IEnumerable<(string Key, string Value)> model, Bound lower, Bound upper) =>
        model.Where(e => AboveLower(e.Key, lower) && BelowUpper(e.Key, upper)).ToList();

    private static bool AboveLower(string key, Bound lower) => lower.Kind switch
    {
        BoundKind.Included => string.CompareOrdinal(key, S(lower.Key)) >= 0,
        BoundKind.Excluded => string.CompareOrdinal(key, S(lower.Key)) > 0,
        _ => true,
    };

    private static bool BelowUpper(string key, Bound upper) => upper.Kind switch
    {
        BoundKind.Included => string.CompareOrdinal(key, S(upper.Key)) <= 0,
        BoundKind.Excluded => string.CompareOrdinal(key, S(upper.Key)) < 0,
        _ => true,
    };
}
