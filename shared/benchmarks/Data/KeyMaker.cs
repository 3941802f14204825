using System.Globalization;

namespace Traces.Benchmarks;

/// <summary>Turns a record's key number into the key type a workload uses: itself for <see cref="long"/>, a short string for <see cref="string"/>.</summary>
/// <typeparam name="TKey">The key type: <see cref="long"/> or <see cref="string"/>.</typeparam>
public static class KeyMaker<TKey>
{
    /// <summary>Gets the conversion from a key number to a key.</summary>
    public static Func<long, TKey> FromNumber { get; } = Choose();

    private static Func<long, TKey> Choose()
    {
        if (typeof(TKey) == typeof(long))
        {
            return (Func<long, TKey>)(object)(Func<long, long>)(number => number);
        }

        if (typeof(TKey) == typeof(string))
        {
            // Fixed-width hex keeps strings the same length, so comparisons cost the same everywhere.
            return (Func<long, TKey>)(object)(Func<long, string>)(number => "k" + number.ToString("x12", CultureInfo.InvariantCulture));
        }

        throw new NotSupportedException($"Workloads use long or string keys, not {typeof(TKey)}.");
    }
}
