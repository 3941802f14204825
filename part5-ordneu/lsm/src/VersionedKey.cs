namespace Traces.Lsm;

/// <summary>A key together with the version (trace time) at which it was written.</summary>
/// <param name="Key">The user key.</param>
/// <param name="Version">The write's version.</param>
public readonly record struct VersionedKey(ReadOnlyMemory<byte> Key, ulong Version);

/// <summary>Orders <see cref="VersionedKey"/>s by key ascending, then by version descending.</summary>
/// <remarks>
/// Newest first within a key, so that a reader at some version finds the newest write it may see by skipping
/// the versions above it and taking the next one.
/// </remarks>
public readonly struct VersionedKeyOrder : IComparer<VersionedKey>
{
    /// <inheritdoc />
    public int Compare(VersionedKey x, VersionedKey y)
    {
        var byKey = ByteOrder.CompareSpans(x.Key.Span, y.Key.Span);
        return byKey != 0 ? byKey : y.Version.CompareTo(x.Version);
    }
}
