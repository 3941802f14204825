using System.Runtime.InteropServices;

namespace Traces.Tests.Drafts;

// Earlier drafts of the contract, kept compiling and tested so the chapter can show the road to ITrace.

#region draft-lists
/// <summary>
/// First draft: batches in and results out as lists the caller and the trace each own.
/// </summary>
public interface IListTrace<TKey, TVal, TTime>
{
    void Add(List<(TKey Key, TVal Val, TTime Time, long Diff)> updates);

    List<(TKey Key, TVal Val, TTime Time, long Diff)> Get(TKey key);
}
#endregion

#region draft-iterators
/// <summary>Second draft: any sequence in, a lazily produced sequence out.</summary>
public interface IEnumerableTrace<TKey, TVal, TTime>
{
    void Add(IEnumerable<(TKey Key, TVal Val, TTime Time, long Diff)> updates);

    IEnumerable<(TKey Key, TVal Val, TTime Time, long Diff)> Get(TKey key);
}
#endregion

#region draft-spans
/// <summary>
/// Third draft: a view of the trace's own storage, valid until the trace next changes.
/// </summary>
public interface ISpanTrace<TKey, TVal, TTime>
{
    void Add(ReadOnlySpan<(TKey Key, TVal Val, TTime Time, long Diff)> updates);

    ReadOnlySpan<(TVal Val, TTime Time, long Diff)> Get(TKey key);
}
#endregion

/// <summary>One small dictionary-backed store implementing all three drafts.</summary>
public sealed class DraftStore<TKey, TVal, TTime> : IListTrace<TKey, TVal, TTime>, IEnumerableTrace<TKey, TVal, TTime>, ISpanTrace<TKey, TVal, TTime>
    where TKey : notnull
{
    private readonly Dictionary<TKey, List<(TVal Val, TTime Time, long Diff)>> _byKey = [];

    public void Add(List<(TKey Key, TVal Val, TTime Time, long Diff)> updates) => Add(CollectionsMarshal.AsSpan(updates));

    public void Add(IEnumerable<(TKey Key, TVal Val, TTime Time, long Diff)> updates)
    {
        foreach (var (key, val, time, diff) in updates)
        {
            Append(key, val, time, diff);
        }
    }

    public void Add(ReadOnlySpan<(TKey Key, TVal Val, TTime Time, long Diff)> updates)
    {
        foreach (var (key, val, time, diff) in updates)
        {
            Append(key, val, time, diff);
        }
    }

    List<(TKey Key, TVal Val, TTime Time, long Diff)> IListTrace<TKey, TVal, TTime>.Get(TKey key) =>
        [.. ((IEnumerableTrace<TKey, TVal, TTime>)this).Get(key)];

    #region draft-iterator-get
    IEnumerable<(TKey Key, TVal Val, TTime Time, long Diff)>
        IEnumerableTrace<TKey, TVal, TTime>.Get(TKey key)
    {
        // The compiler turns this method into a class: one allocation per call,
        // one interface call per item.
        if (_byKey.TryGetValue(key, out var history))
        {
            foreach (var (val, time, diff) in history)
            {
                yield return (key, val, time, diff);
            }
        }
    }
    #endregion

    #region draft-span-get
    ReadOnlySpan<(TVal Val, TTime Time, long Diff)> ISpanTrace<TKey, TVal, TTime>.Get(TKey key) =>
        // No copy and no allocation: the caller reads the list's own array, and must not
        // hold on past the next Add.
        _byKey.TryGetValue(key, out var history) ? CollectionsMarshal.AsSpan(history) : [];
    #endregion

    private void Append(TKey key, TVal val, TTime time, long diff)
    {
        ref var history = ref CollectionsMarshal.GetValueRefOrAddDefault(_byKey, key, out _);
        (history ??= []).Add((val, time, diff));
    }
}
