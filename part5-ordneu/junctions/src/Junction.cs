namespace Traces.Junctions;

/// <summary>
/// A relation between two sets kept as two indexes of the same pairs: <see cref="Fwd"/> by the left element,
/// <see cref="Bwd"/> by the right. Whatever is written through either side shows, flipped, in the other.
/// </summary>
/// <typeparam name="TLeft">The left element type.</typeparam>
/// <typeparam name="TRight">The right element type.</typeparam>
/// <typeparam name="TFwd">The forward side's map type.</typeparam>
/// <typeparam name="TBwd">The backward side's map type.</typeparam>
/// <remarks>Enumerating the junction enumerates <see cref="Fwd"/>: the pairs in <c>(left, right)</c> order.</remarks>
public abstract class Junction<TLeft, TRight, TFwd, TBwd> : Sequence<(TLeft Left, TRight Right)>
    where TLeft : IComparable<TLeft>
    where TRight : IComparable<TRight>
    where TFwd : PairMap<TLeft, TRight>
    where TBwd : PairMap<TRight, TLeft>
{
    private protected Junction(TFwd fwd, TBwd bwd)
    {
        Fwd = fwd;
        Bwd = bwd;
    }

    /// <summary>Gets the side indexed by the left element.</summary>
    public TFwd Fwd { get; }

    /// <summary>Gets the side indexed by the right element.</summary>
    public TBwd Bwd { get; }

    /// <summary>Gets the number of pairs.</summary>
    public int Count => Fwd.Count;

    /// <summary>Returns whether <c>(left, right)</c> is related.</summary>
    /// <param name="left">The left element.</param>
    /// <param name="right">The right element.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public bool Contains(TLeft left, TRight right) => Fwd.Contains(left, right);

    /// <inheritdoc />
    public override Passage<(TLeft Left, TRight Right)> Iterate() => Fwd.Iterate();

    /// <summary>The two stores of a new junction, one per side.</summary>
    private protected readonly record struct Stores(PairStore<TLeft, TRight> Forward, PairStore<TRight, TLeft> Backward)
    {
        public static Stores Create(IPairStoreFactory backing)
        {
            ArgumentNullException.ThrowIfNull(backing);
            return new(backing.Create<TLeft, TRight>(), backing.Create<TRight, TLeft>());
        }
    }
}

/// <summary>A one-to-one relation: each left element has at most one right element and vice versa.</summary>
/// <typeparam name="TLeft">The left element type.</typeparam>
/// <typeparam name="TRight">The right element type.</typeparam>
/// <remarks>An insert evicts in both directions: the left's old partner and the right's old partner lose their pairs.</remarks>
public sealed class OneToOne<TLeft, TRight> : Junction<TLeft, TRight, ToOne<TLeft, TRight>, ToOne<TRight, TLeft>>
    where TLeft : IComparable<TLeft>
    where TRight : IComparable<TRight>
{
    /// <summary>Initializes an empty relation held in memory.</summary>
    public OneToOne()
        : this(Backings.InMemory)
    {
    }

    /// <summary>Initializes an empty relation on the given backing.</summary>
    /// <param name="backing">Creates the two stores.</param>
    /// <exception cref="ArgumentNullException"><paramref name="backing"/> is <see langword="null"/>.</exception>
    public OneToOne(IPairStoreFactory backing)
        : this(Stores.Create(backing))
    {
    }

    private OneToOne(Stores stores)
        : base(new(stores.Forward, stores.Backward, mirrorIsToOne: true), new(stores.Backward, stores.Forward, mirrorIsToOne: true))
    {
    }
}

/// <summary>A one-to-many relation: a left element has many right elements; a right element has at most one left.</summary>
/// <typeparam name="TLeft">The left element type.</typeparam>
/// <typeparam name="TRight">The right element type.</typeparam>
/// <remarks>Relating a right element to a new left element steals it from its previous owner.</remarks>
public sealed class OneToMany<TLeft, TRight> : Junction<TLeft, TRight, ToMany<TLeft, TRight>, ToOne<TRight, TLeft>>
    where TLeft : IComparable<TLeft>
    where TRight : IComparable<TRight>
{
    /// <summary>Initializes an empty relation held in memory.</summary>
    public OneToMany()
        : this(Backings.InMemory)
    {
    }

    /// <summary>Initializes an empty relation on the given backing.</summary>
    /// <param name="backing">Creates the two stores.</param>
    /// <exception cref="ArgumentNullException"><paramref name="backing"/> is <see langword="null"/>.</exception>
    public OneToMany(IPairStoreFactory backing)
        : this(Stores.Create(backing))
    {
    }

    private OneToMany(Stores stores)
        : base(new(stores.Forward, stores.Backward, mirrorIsToOne: true), new(stores.Backward, stores.Forward, mirrorIsToOne: false))
    {
    }
}

/// <summary>A many-to-one relation: a left element has at most one right element; a right element has many lefts.</summary>
/// <typeparam name="TLeft">The left element type.</typeparam>
/// <typeparam name="TRight">The right element type.</typeparam>
/// <remarks>Relating a left element to a new right element moves it there.</remarks>
public sealed class ManyToOne<TLeft, TRight> : Junction<TLeft, TRight, ToOne<TLeft, TRight>, ToMany<TRight, TLeft>>
    where TLeft : IComparable<TLeft>
    where TRight : IComparable<TRight>
{
    /// <summary>Initializes an empty relation held in memory.</summary>
    public ManyToOne()
        : this(Backings.InMemory)
    {
    }

    /// <summary>Initializes an empty relation on the given backing.</summary>
    /// <param name="backing">Creates the two stores.</param>
    /// <exception cref="ArgumentNullException"><paramref name="backing"/> is <see langword="null"/>.</exception>
    public ManyToOne(IPairStoreFactory backing)
        : this(Stores.Create(backing))
    {
    }

    private ManyToOne(Stores stores)
        : base(new(stores.Forward, stores.Backward, mirrorIsToOne: false), new(stores.Backward, stores.Forward, mirrorIsToOne: true))
    {
    }
}

/// <summary>A many-to-many relation: any pair may be related; nothing is ever evicted.</summary>
/// <typeparam name="TLeft">The left element type.</typeparam>
/// <typeparam name="TRight">The right element type.</typeparam>
public sealed class ManyToMany<TLeft, TRight> : Junction<TLeft, TRight, ToMany<TLeft, TRight>, ToMany<TRight, TLeft>>
    where TLeft : IComparable<TLeft>
    where TRight : IComparable<TRight>
{
    /// <summary>Initializes an empty relation held in memory.</summary>
    public ManyToMany()
        : this(Backings.InMemory)
    {
    }

    /// <summary>Initializes an empty relation on the given backing.</summary>
    /// <param name="backing">Creates the two stores.</param>
    /// <exception cref="ArgumentNullException"><paramref name="backing"/> is <see langword="null"/>.</exception>
    public ManyToMany(IPairStoreFactory backing)
        : this(Stores.Create(backing))
    {
    }

    private ManyToMany(Stores stores)
        : base(new(stores.Forward, stores.Backward, mirrorIsToOne: false), new(stores.Backward, stores.Forward, mirrorIsToOne: false))
    {
    }
}
