namespace Traces.Lsm;

/// <summary>
/// The user-facing scan over merged sources: passes over tombstones and stops at the upper bound.
/// </summary>
/// <typeparam name="TInner">The merged iterator underneath.</typeparam>
/// <remarks>
/// The inner iterator already yields one version per key (the newest visible), with tombstones. This layer
/// steps over every tombstone, leading and consecutive ones included, and checks the upper bound on the key it
/// is about to stand on, both at creation and after every step; the lower bound is the inner iterator's
/// business, since it was positioned there when created.
/// </remarks>
public sealed class LsmIterator<TInner> : IStorageIterator
    where TInner : IStorageIterator
{
    private readonly TInner _inner;
    private readonly Bound _upper;
    // True when _inner stands on a live entry (a nonempty value) whose key _upper admits.
    private bool _valid;

    /// <summary>Wraps <paramref name="inner"/>, which stands at or above the scan's lower bound.</summary>
    /// <param name="inner">The merged iterator.</param>
    /// <param name="upper">The scan's upper bound.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is <see langword="null"/>.</exception>
    public LsmIterator(TInner inner, Bound upper)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _upper = upper;
        SkipToLiveEntry();
    }

    /// <inheritdoc />
    public ReadOnlyMemory<byte> Key => _inner.Key;

    /// <inheritdoc />
    public ReadOnlyMemory<byte> Value => _inner.Value;

    /// <inheritdoc />
    public bool IsValid => _valid;

    /// <inheritdoc />
    public int NumActiveIterators => _inner.NumActiveIterators;

    /// <inheritdoc />
    public void Next()
    {
        _valid = false;
        _inner.Next();
        SkipToLiveEntry();
    }

    #region lsm-skip
    private void SkipToLiveEntry()
    {
        while (_inner.IsValid && _upper.AdmitsBelow(_inner.Key.Span))
        {
            if (!_inner.Value.IsEmpty)
            {
                _valid = true;
                return;
            }

            _inner.Next();
        }

        _valid = false;
    }
    #endregion
}
