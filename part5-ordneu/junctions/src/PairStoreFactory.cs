namespace Traces.Junctions;

/// <summary>Creates the stores a junction, map or set keeps its pairs in: the choice of backing.</summary>
public interface IPairStoreFactory
{
    /// <summary>Creates an empty store.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    PairStore<TKey, TVal> Create<TKey, TVal>()
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>;
}

/// <summary>The backings that ship with the add-on.</summary>
public static class Backings
{
    /// <summary>Gets the plain in-memory backing (<see cref="SortedPairStore{TKey, TVal}"/>), the default.</summary>
    public static IPairStoreFactory InMemory { get; } = new InMemoryFactory();

    /// <summary>Gets the backing on part 5's trace (<see cref="TracePairStore{TKey, TVal}"/>).</summary>
    public static IPairStoreFactory Trace { get; } = new TraceFactory();

    private sealed class InMemoryFactory : IPairStoreFactory
    {
        public PairStore<TKey, TVal> Create<TKey, TVal>()
            where TKey : IComparable<TKey>
            where TVal : IComparable<TVal> => new SortedPairStore<TKey, TVal>();
    }

    private sealed class TraceFactory : IPairStoreFactory
    {
        public PairStore<TKey, TVal> Create<TKey, TVal>()
            where TKey : IComparable<TKey>
            where TVal : IComparable<TVal> => new TracePairStore<TKey, TVal>();
    }
}
