using Traces.Junctions;

namespace Traces.Junctions.Tests;

/// <summary>The simplest correct relation: a sorted set of pairs, with the evictions spelled out.</summary>
internal sealed class RelationModel(bool fwdToOne, bool bwdToOne)
{
    public SortedSet<(int Left, int Right)> Pairs { get; } = [];

    /// <summary>The pairs of one side, as that side orders them.</summary>
    public List<(int Key, int Value)> Side(bool forward) =>
        forward ? [.. Pairs] : [.. Pairs.Select(p => (p.Right, p.Left)).Order()];

    public string Insert(bool forward, int key, int value)
    {
        var (left, right) = forward ? (key, value) : (value, key);
        bool toOne = forward ? fwdToOne : bwdToOne;
        var old = Side(forward).Where(p => p.Key == key).Select(p => p.Value).ToList();
        string result = toOne
            ? (old.Count == 0 ? Optional<int>.None : Optional<int>.Some(old[0])).ToString()
            : (!Pairs.Contains((left, right))).ToString();
        if (Pairs.Contains((left, right)))
        {
            return result;
        }

        if (fwdToOne)
        {
            Pairs.RemoveWhere(p => p.Left == left);
        }

        if (bwdToOne)
        {
            Pairs.RemoveWhere(p => p.Right == right);
        }

        Pairs.Add((left, right));
        return result;
    }

    public bool Remove(bool forward, int key, int value) => Pairs.Remove(forward ? (key, value) : (value, key));

    public string Expunge(bool forward, int key)
    {
        var removed = Side(forward).Where(p => p.Key == key).Select(p => p.Value).ToList();
        Pairs.RemoveWhere(p => (forward ? p.Left : p.Right) == key);
        bool toOne = forward ? fwdToOne : bwdToOne;
        return toOne
            ? (removed.Count == 0 ? Optional<int>.None : Optional<int>.Some(removed[0])).ToString()
            : string.Join(",", removed);
    }
}

/// <summary>
/// The passage rule stated on the model, independently of probes: an iterator remembers the positions its ends
/// last returned and steps to the nearest position strictly between them in the current contents.
/// </summary>
internal sealed class ModelWalk(Func<List<((int, int) Position, string Item)>> contents, bool reversed)
{
    private (int, int)? _low;
    private (int, int)? _high;
    private bool _exhausted;

    public (bool Found, string Item) Next() => reversed ? StepDown() : StepUp();

    public (bool Found, string Item) Back() => reversed ? StepUp() : StepDown();

    private (bool, string) StepUp()
    {
        var candidates = Between();
        if (_exhausted || candidates.Count == 0)
        {
            _exhausted = true;
            return (false, "");
        }

        _low = candidates[0].Position;
        return (true, candidates[0].Item);
    }

    private (bool, string) StepDown()
    {
        var candidates = Between();
        if (_exhausted || candidates.Count == 0)
        {
            _exhausted = true;
            return (false, "");
        }

        _high = candidates[^1].Position;
        return (true, candidates[^1].Item);
    }

    private List<((int, int) Position, string Item)> Between() =>
        [.. contents()
            .Where(c => (_low is null || c.Position.CompareTo(_low.Value) > 0) && (_high is null || c.Position.CompareTo(_high.Value) < 0))
            .OrderBy(c => c.Position)];
}
