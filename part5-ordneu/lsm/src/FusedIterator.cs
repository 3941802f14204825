namespace Traces.Lsm;

/// <summary>
/// Guards an iterator against misuse: once invalid it stays quiet, and once it has failed it refuses all work.
/// </summary>
/// <typeparam name="TInner">The guarded iterator's type.</typeparam>
/// <remarks>
/// <see cref="IsValid"/> is the inner validity unless an error has been seen. <see cref="Key"/> and
/// <see cref="Value"/> throw <see cref="InvalidOperationException"/> while invalid instead of reading whatever
/// the inner iterator holds; <see cref="Next"/> while invalid does nothing. When the inner
/// <see cref="IStorageIterator.Next"/> throws, the exception passes through, and from then on every
/// <see cref="Next"/> throws an <see cref="InvalidOperationException"/> wrapping it, without touching the inner
/// iterator again.
/// </remarks>
public sealed class FusedIterator<TInner> : IStorageIterator
    where TInner : IStorageIterator
{
    private readonly TInner _inner;
    // What the inner iterator's Next threw, if it did: from then on no entry, and Next throws.
    private Exception? _failure;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The iterator to guard.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is <see langword="null"/>.</exception>
    public FusedIterator(TInner inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The iterator is not valid.</exception>
    public ReadOnlyMemory<byte> Key => IsValid ? _inner.Key : throw NotOnEntry();

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The iterator is not valid.</exception>
    public ReadOnlyMemory<byte> Value => IsValid ? _inner.Value : throw NotOnEntry();

    /// <inheritdoc />
    public bool IsValid => _failure is null && _inner.IsValid;

    /// <inheritdoc />
    public int NumActiveIterators => _failure is null ? _inner.NumActiveIterators : 0;

    #region fused-next
    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">An earlier <see cref="Next"/> failed.</exception>
    public void Next()
    {
        if (_failure is not null)
        {
            throw new InvalidOperationException(
                "The iterator failed earlier and cannot continue.", _failure);
        }

        if (!_inner.IsValid)
        {
            return;
        }

        try
        {
            _inner.Next();
        }
        catch (Exception failure)
        {
            _failure = failure;
            throw;
        }
    }
    #endregion

    private InvalidOperationException NotOnEntry() => new(
        _failure is null ? "The iterator is past its last entry." : "The iterator failed earlier and holds no entry.",
        _failure);
}
