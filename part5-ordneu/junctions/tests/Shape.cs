using Traces.Junctions;

namespace Traces.Junctions.Tests;

/// <summary>Which of the four junctions a test drives, and a uniform handle on it.</summary>
public enum JunctionKind
{
    OneToOne,
    OneToMany,
    ManyToOne,
    ManyToMany,
}

/// <summary>Any junction over <c>int</c>s, seen through its two sides and its cardinalities.</summary>
internal sealed class AnyJunction
{
    public AnyJunction(JunctionKind kind, IPairStoreFactory backing)
    {
        Kind = kind;
        (Fwd, Bwd) = kind switch
        {
            JunctionKind.OneToOne => Sides(new OneToOne<int, int>(backing)),
            JunctionKind.OneToMany => Sides(new OneToMany<int, int>(backing)),
            JunctionKind.ManyToOne => Sides(new ManyToOne<int, int>(backing)),
            _ => Sides(new ManyToMany<int, int>(backing)),
        };
    }

    public JunctionKind Kind { get; }

    public PairMap<int, int> Fwd { get; }

    public PairMap<int, int> Bwd { get; }

    public bool FwdToOne => Fwd is ToOne<int, int>;

    public bool BwdToOne => Bwd is ToOne<int, int>;

    public PairMap<int, int> Side(bool forward) => forward ? Fwd : Bwd;

    /// <summary>Inserts through a side; the result says what the side's own API returned.</summary>
    public string Insert(bool forward, int key, int value) => Side(forward) switch
    {
        ToOne<int, int> one => one.Insert(key, value).ToString(),
        ToMany<int, int> many => many.Insert(key, value).ToString(),
        _ => throw new InvalidOperationException(),
    };

    public string Expunge(bool forward, int key) => Side(forward) switch
    {
        ToOne<int, int> one => one.Expunge(key).ToString(),
        ToMany<int, int> many => string.Join(",", many.Expunge(key)),
        _ => throw new InvalidOperationException(),
    };

    private static (PairMap<int, int>, PairMap<int, int>) Sides<TFwd, TBwd>(Junction<int, int, TFwd, TBwd> junction)
        where TFwd : PairMap<int, int>
        where TBwd : PairMap<int, int> => (junction.Fwd, junction.Bwd);
}
