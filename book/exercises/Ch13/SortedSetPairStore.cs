using Traces;
using Traces.Junctions;

namespace Exercises.Ch13;

#region sorted-set-store
/// <summary>
/// A third backing: .NET's own <see cref="SortedSet{T}"/> (a red-black tree) of probes, where a
/// pair is a probe at the pair and a seek is a view of the tree starting at the probe.
/// </summary>
public sealed class SortedSetPairStore<TKey, TVal> : PairStore<TKey, TVal>
    where TKey : IComparable<TKey>
    where TVal : IComparable<TVal>
{
    private readonly SortedSet<Probe<TKey, TVal>> _pairs = new(new ProbeOrder());

    public override bool Contains(TKey key, TVal value) =>
        _pairs.Contains(Probe<TKey, TVal>.At(key, value));

    public override bool TrySeekAfter(in Probe<TKey, TVal> probe, out TKey key, out TVal value)
    {
        var order = _pairs.Comparer;
        if (_pairs.Count > 0 && order.Compare(probe, _pairs.Max) < 0)
        {
            // The view holds the probe itself if it is a stored pair; the first element past it is
            // the answer.
            foreach (var pair in _pairs.GetViewBetween(probe, _pairs.Max))
            {
                if (order.Compare(pair, probe) > 0)
                {
                    (key, value) = (pair.Key, pair.Value);
                    return true;
                }
            }
        }

        (key, value) = (default!, default!);
        return false;
    }

    public override bool TrySeekBefore(in Probe<TKey, TVal> probe, out TKey key, out TVal value)
    {
        var order = _pairs.Comparer;
        if (_pairs.Count > 0 && order.Compare(probe, _pairs.Min) > 0)
        {
            foreach (var pair in _pairs.GetViewBetween(_pairs.Min, probe).Reverse())
            {
                if (order.Compare(pair, probe) < 0)
                {
                    (key, value) = (pair.Key, pair.Value);
                    return true;
                }
            }
        }

        (key, value) = (default!, default!);
        return false;
    }

    public override bool TryFirst(out TKey key, out TVal value)
    {
        if (_pairs.Count == 0)
        {
            return Fail(out key, out value);
        }

        (key, value) = (_pairs.Min.Key, _pairs.Min.Value);
        return true;
    }

    public override bool TryLast(out TKey key, out TVal value)
    {
        if (_pairs.Count == 0)
        {
            return Fail(out key, out value);
        }

        (key, value) = (_pairs.Max.Key, _pairs.Max.Value);
        return true;
    }

    protected override bool AddCore(TKey key, TVal value, out bool newKey)
    {
        newKey = !ContainsKey(key);
        return _pairs.Add(Probe<TKey, TVal>.At(key, value));
    }

    protected override bool RemoveCore(TKey key, TVal value, out bool keyGone)
    {
        bool removed = _pairs.Remove(Probe<TKey, TVal>.At(key, value));
        keyGone = removed && !ContainsKey(key);
        return removed;
    }

    private static bool Fail(out TKey key, out TVal value)
    {
        (key, value) = (default!, default!);
        return false;
    }

    /// <summary>Orders probes: by key, then the gap before a key, its pairs by value, the gap after
    /// it.</summary>
    private sealed class ProbeOrder : IComparer<Probe<TKey, TVal>>
    {
        public int Compare(Probe<TKey, TVal> x, Probe<TKey, TVal> y)
        {
            int byKey = Ordering.Compare(x.Key, y.Key);
            if (byKey != 0)
            {
                return byKey;
            }

            int byEdge = x.Edge.CompareTo(y.Edge); // BeforeKey < AtPair < AfterKey
            return byEdge != 0 || x.Edge != ProbeEdge.AtPair
                ? byEdge
                : Ordering.Compare(x.Value, y.Value);
        }
    }
}

/// <summary>Makes sorted-set stores for junctions: <c>new ManyToMany&lt;A,
/// B&gt;(SortedSetBacking.Instance)</c>.</summary>
public sealed class SortedSetBacking : IPairStoreFactory
{
    public static SortedSetBacking Instance { get; } = new();

    public PairStore<TKey, TVal> Create<TKey, TVal>()
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal> => new SortedSetPairStore<TKey, TVal>();
}
#endregion
