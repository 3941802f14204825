namespace Traces.Benchmarks;

/// <summary>The order of the keys within a look-up batch.</summary>
public enum KeyOrder
{
    /// <summary>As drawn: random.</summary>
    Random,

    /// <summary>Sorted ascending, which lets a sorted structure move forward from one key to the next.</summary>
    Sorted,
}
