namespace Traces.Tests;

/// <summary>Seeded random times, small enough that equal and comparable pairs are common.</summary>
internal static class RandomTimes
{
    public const int Seed = 20_161_103;

    public static Timestamp Timestamp(Random rng) => new((ulong)rng.Next(6));

    public static Product<Timestamp, Timestamp> Product(Random rng) => new(Timestamp(rng), Timestamp(rng));

    /// <summary>A nested product, so the laws are checked on a product of products too.</summary>
    public static Product<Product<Timestamp, Timestamp>, Timestamp> Nested(Random rng) => new(Product(rng), Timestamp(rng));

    public static Antichain<T> Antichain<T>(Random rng, Func<Random, T> time, int maxElements = 3)
        where T : ILattice<T>
    {
        var antichain = new AntichainBuilder<T>();
        int elements = rng.Next(1, maxElements + 1);
        for (int i = 0; i < elements; i++)
        {
            antichain.Insert(time(rng));
        }

        return antichain.ToAntichain();
    }
}
