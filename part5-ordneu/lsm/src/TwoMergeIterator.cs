namespace Traces.Lsm;

/// <summary>
/// Merges two storage iterators of different types into one sorted stream; on a shared key the first
/// (<typeparamref name="TA"/>, the newer source) wins.
/// </summary>
/// <typeparam name="TA">The newer input's type.</typeparam>
/// <typeparam name="TB">The older input's type.</typeparam>
/// <remarks>
/// Two fields and a flag saying which one the merge stands on. Whenever both inputs stand on the same key (at
/// creation and after every step), the older input is moved past it first, so the older version is never seen.
/// </remarks>
public sealed class TwoMergeIterator<TA, TB> : IStorageIterator
    where TA : IStorageIterator
    where TB : IStorageIterator
{
    // The newer input: where both stand on one key, _b is moved past it.
    private readonly TA _a;
    private readonly TB _b;
    // True when the current entry is _a's: _a is valid and its key is below _b's (or _b is done).
    private bool _onA;

    /// <summary>Creates a merge of a newer and an older input.</summary>
    /// <param name="newer">The input that wins ties.</param>
    /// <param name="older">The input whose duplicates are skipped.</param>
    /// <exception cref="ArgumentNullException">An input is <see langword="null"/>.</exception>
    public TwoMergeIterator(TA newer, TB older)
    {
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(older);
        _a = newer;
        _b = older;
        Choose();
    }

    /// <inheritdoc />
    public ReadOnlyMemory<byte> Key => _onA ? _a.Key : _b.Key;

    /// <inheritdoc />
    public ReadOnlyMemory<byte> Value => _onA ? _a.Value : _b.Value;

    /// <inheritdoc />
    public bool IsValid => _onA ? _a.IsValid : _b.IsValid;

    /// <inheritdoc />
    public int NumActiveIterators => _a.NumActiveIterators + _b.NumActiveIterators;

    /// <inheritdoc />
    public void Next()
    {
        if (_onA)
        {
            _a.Next();
        }
        else
        {
            _b.Next();
        }

        Choose();
    }

    #region two-merge-choose
    private void Choose()
    {
        if (_a.IsValid && _b.IsValid && ByteOrder.CompareSpans(_a.Key.Span, _b.Key.Span) == 0)
        {
            _b.Next();
        }

        _onA = _a.IsValid && (!_b.IsValid || ByteOrder.CompareSpans(_a.Key.Span, _b.Key.Span) < 0);
    }
    #endregion
}
