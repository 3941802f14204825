namespace Traces.Benchmarks;

/// <summary>
/// A shuffle of <c>0 … count − 1</c> that needs no memory: position <c>i</c> holds <c>i × p mod count</c> for a
/// prime <c>p</c> larger than any count, which visits every value once. A 64 M-update load then needs no 2 GiB array
/// of shuffled updates, and the same keys come out on every machine.
/// </summary>
public readonly struct KeyPermutation
{
    // Knuth's multiplicative hashing constant, a prime above int.MaxValue: coprime to every count.
    private const long Multiplier = 2_654_435_761;

    // The number of values permuted; at least 1.
    private readonly long _count;

    /// <summary>Initializes a permutation of <c>0 … <paramref name="count"/> − 1</c>.</summary>
    /// <param name="count">The number of values, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public KeyPermutation(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _count = count;
    }

    /// <summary>Returns the value at <paramref name="position"/>.</summary>
    /// <param name="position">A position in <c>0 … count − 1</c>.</param>
    // The product stays below 2^63: positions are below 2^31, and the multiplier below 2^32.
    public long this[long position] => position * Multiplier % _count;
}
