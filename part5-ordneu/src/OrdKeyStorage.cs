using System.Numerics;

namespace Traces.OrdNeu;

/// <summary>The columns of a key batch: keys and the <c>(time, diff)</c> updates of each key, linked by offsets.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <typeparam name="TKeys">The container for keys.</typeparam>
/// <remarks>
/// The value batch without its value layer: a key-only collection's value is always <see cref="Unit"/>, so
/// storing it would cost an offset per key for nothing. Key <c>i</c> owns the updates of the update layer's
/// owner <c>i</c>, with the same singleton encoding as values in a value batch.
/// </remarks>
public sealed class OrdKeyStorage<TKey, TTime, TDiff, TKeys> : OrdStorage<TKey, TTime, TDiff, TKeys>
    where TTime : ILattice<TTime>
    where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    where TKeys : struct, IBatchContainer<TKeys, TKey>
{
    internal OrdKeyStorage(int keys, int updates)
        : this(TKeys.WithCapacity(keys), new UpdateLayer<TTime, TDiff>(keys, updates))
    {
    }

    private OrdKeyStorage(TKeys keys, UpdateLayer<TTime, TDiff> updates)
        : base(keys, updates)
    {
    }

    internal static OrdKeyStorage<TKey, TTime, TDiff, TKeys> MergeCapacity(
        OrdKeyStorage<TKey, TTime, TDiff, TKeys> first, OrdKeyStorage<TKey, TTime, TDiff, TKeys> second, bool advancing) =>
        new(TKeys.MergeCapacity(first.Keys, second.Keys), UpdateLayer<TTime, TDiff>.MergeCapacity(first.Updates, second.Updates, advancing));
}
