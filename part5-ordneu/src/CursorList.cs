namespace Traces.OrdNeu;

/// <summary>
/// One cursor over several batches at once: it presents the union of their keys in order and, for the current
/// key, the union of their values in order.
/// </summary>
/// <typeparam name="TCursor">The cursor type of the batches.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TVal">The value type.</typeparam>
/// <typeparam name="TTime">The time type.</typeparam>
/// <typeparam name="TDiff">The diff type.</typeparam>
/// <remarks>
/// <para>
/// The list keeps one cursor per batch and remembers which of them sit at the smallest key and, among those,
/// which sit at the smallest value. Stepping moves only those cursors and finds the new minimum; seeking moves
/// every cursor forward with its own galloping search. <see cref="MapTimes{TVisitor}"/> visits the updates of
/// the current <c>(key, value)</c> in every batch holding it, batch by batch: the same time may appear more than
/// once, and updates from different batches may cancel, so callers consolidate what they collect.
/// </para>
/// <para>Create one with a batch type's <c>CreateCursorList(batches)</c>. Reading everything held for one key:</para>
/// <code>
/// var cursor = OrdValBatch&lt;long, long, Timestamp, long&gt;.CreateCursorList(batches);
/// cursor.SeekKey(key);
/// if (cursor.KeyValid &amp;&amp; Ordering.Compare(cursor.Key, key) == 0)
/// {
///     for (; cursor.ValValid; cursor.StepVal())
///     {
///         long val = cursor.Val;
///         history.Clear();
///         cursor.MapTimes((time, diff) =&gt; history.Add((time, diff)));
///         Consolidation.ConsolidateTimes(history);   // now sorted by time, no zeros
///     }
/// }
/// </code>
/// <para>Enumerating keys is <c>for (cursor.RewindKeys(); cursor.KeyValid; cursor.StepKey())</c>; a key whose
/// updates cancel across batches still appears, so check that some value's consolidated history is non-empty.</para>
/// </remarks>
public sealed class CursorList<TCursor, TKey, TVal, TTime, TDiff>
    where TCursor : struct, ICursor<TCursor, TKey, TVal, TTime, TDiff>
{
    private readonly TCursor[] _cursors;
    // In [0, _minKeyCount): indexes, ascending, of the valid cursors at the smallest key.
    private readonly int[] _minKey;
    // In [0, _minValCount): those of _minKey whose cursors are at the smallest value of that key.
    private readonly int[] _minVal;
    private int _minKeyCount;
    private int _minValCount;

    /// <summary>Initializes a cursor list over <paramref name="cursors"/>, each at its first key.</summary>
    /// <param name="cursors">One cursor per batch; the list keeps copies.</param>
    public CursorList(ReadOnlySpan<TCursor> cursors)
    {
        _cursors = cursors.ToArray();
        _minKey = new int[_cursors.Length];
        _minVal = new int[_cursors.Length];
        RewindKeys();
    }

    /// <summary>Gets the number of batches.</summary>
    public int CursorCount => _cursors.Length;

    /// <summary>
    /// Gets how many batches hold the current <c>(key, value)</c>: the cursors <see cref="MapTimes{TVisitor}"/>
    /// visits. When it is one, what they visit is already sorted by time and consolidated.
    /// </summary>
    public int ValCursorCount => _minValCount;

    /// <summary>Gets whether the cursor is at a key (some batch's cursor is).</summary>
    public bool KeyValid => _minKeyCount > 0;

    /// <summary>Gets whether the cursor is at a value of the current key.</summary>
    public bool ValValid => _minValCount > 0;

    /// <summary>Gets the smallest current key. Valid only when <see cref="KeyValid"/>.</summary>
    public TKey Key => KeyValid ? _cursors[_minKey[0]].Key : throw new InvalidOperationException("The cursor is not at a key.");

    /// <summary>Gets the smallest current value of the current key. Valid only when <see cref="ValValid"/>.</summary>
    public TVal Val => ValValid ? _cursors[_minVal[0]].Val : throw new InvalidOperationException("The cursor is not at a value.");

    #region map-times
    /// <summary>
    /// Visits the updates of the current <c>(key, value)</c> in every batch that holds it.
    /// </summary>
    /// <typeparam name="TVisitor">The visitor, a struct so the calls are direct.</typeparam>
    /// <param name="visitor">The visitor.</param>
    public void MapTimes<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IUpdateVisitor<TTime, TDiff>
    {
        for (int i = 0; i < _minValCount; i++)
        {
            _cursors[_minVal[i]].MapTimes(ref visitor);
        }
    }
    #endregion

    /// <summary>Calls <paramref name="action"/> for the updates of the current <c>(key, value)</c> in every batch; callers consolidate.</summary>
    /// <param name="action">The action.</param>
    public void MapTimes(Action<TTime, TDiff> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var visitor = new DelegateVisitor<TTime, TDiff>(action);
        MapTimes(ref visitor);
    }

    #region navigate
    /// <summary>Moves to the next key.</summary>
    public void StepKey()
    {
        for (int i = 0; i < _minKeyCount; i++)
        {
            _cursors[_minKey[i]].StepKey();
        }

        MinimizeKeys();
    }

    /// <summary>
    /// Moves forward to the first key greater than or equal to <paramref name="key"/>.
    /// </summary>
    /// <param name="key">The key sought.</param>
    public void SeekKey(TKey key)
    {
        for (int i = 0; i < _cursors.Length; i++)
        {
            _cursors[i].SeekKey(key);
        }

        MinimizeKeys();
    }

    /// <summary>Moves to the next value of the current key.</summary>
    public void StepVal()
    {
        for (int i = 0; i < _minValCount; i++)
        {
            _cursors[_minVal[i]].StepVal();
        }

        MinimizeVals();
    }

    /// <summary>
    /// Moves forward to the first value greater than or equal to <paramref name="val"/>.
    /// </summary>
    /// <param name="val">The value sought.</param>
    public void SeekVal(TVal val)
    {
        for (int i = 0; i < _minKeyCount; i++)
        {
            _cursors[_minKey[i]].SeekVal(val);
        }

        MinimizeVals();
    }

    /// <summary>Moves back to the first key.</summary>
    public void RewindKeys()
    {
        for (int i = 0; i < _cursors.Length; i++)
        {
            _cursors[i].RewindKeys();
        }

        MinimizeKeys();
    }

    /// <summary>Moves back to the first value of the current key.</summary>
    public void RewindVals()
    {
        for (int i = 0; i < _minKeyCount; i++)
        {
            _cursors[_minKey[i]].RewindVals();
        }

        MinimizeVals();
    }
    #endregion

    #region minimize
    // Finds the cursors at the smallest key, then among them those at the smallest value.
    private void MinimizeKeys()
    {
        _minKeyCount = 0;
        for (int i = 0; i < _cursors.Length; i++)
        {
            if (!_cursors[i].KeyValid)
            {
                continue;
            }

            int order = _minKeyCount == 0 ? -1 : _cursors[i].CompareKey(in _cursors[_minKey[0]]);
            if (order < 0)
            {
                _minKeyCount = 0;
            }

            if (order <= 0)
            {
                _minKey[_minKeyCount++] = i;
            }
        }

        MinimizeVals();
    }

    private void MinimizeVals()
    {
        _minValCount = 0;
        for (int i = 0; i < _minKeyCount; i++)
        {
            int index = _minKey[i];
            if (!_cursors[index].ValValid)
            {
                continue;
            }

            int order = _minValCount == 0 ? -1 : _cursors[index].CompareVal(in _cursors[_minVal[0]]);
            if (order < 0)
            {
                _minValCount = 0;
            }

            if (order <= 0)
            {
                _minVal[_minValCount++] = index;
            }
        }
    }
    #endregion
}
