namespace Traces.Benchmarks;

/// <summary>
/// Everything a workload can measure: the registered traces (and their native paths) followed by the baselines,
/// by name.
/// </summary>
/// <param name="registry">The registered traces.</param>
public sealed class SubjectCatalog(TraceRegistry registry)
{
    /// <summary>Gets the catalog of the traces registered in <see cref="Parts"/>.</summary>
    public static SubjectCatalog Default { get; } = new(Parts.Registry);

    /// <summary>Gets the registered traces.</summary>
    public TraceRegistry Registry { get; } = registry ?? throw new ArgumentNullException(nameof(registry));

    /// <summary>
    /// Returns the names of the subjects taking part in <paramref name="workload"/> with keys of type
    /// <typeparamref name="TKey"/>: traces, then their native variants, then the baselines.
    /// </summary>
    /// <typeparam name="TKey">The key type: <see cref="long"/> or <see cref="string"/>.</typeparam>
    /// <param name="workload">One workload.</param>
    public IReadOnlyList<string> Names<TKey>(TraceWorkloads workload)
    {
        bool stringKeys = typeof(TKey) == typeof(string);
        var names = new List<string>();
        foreach (var entry in Registry.Entries)
        {
            if ((entry.Workloads & workload) != 0 && (!stringKeys || entry.CreateString is not null))
            {
                names.Add(entry.Name);
            }
        }

        if (!stringKeys && workload == TraceWorkloads.Lookup)
        {
            names.AddRange(CursorLookupNames());
            names.AddRange(Registry.NativeLookups.Keys.Select(SubjectNames.NativeLookup));
            names.AddRange(Registry.LookupSubjects.Keys);
        }

        if (!stringKeys && workload == TraceWorkloads.Merge)
        {
            names.AddRange(Registry.NativeMerges.Keys.Select(SubjectNames.NativeMerge));
        }

        names.AddRange(SubjectNames.Baselines);
        return names;
    }

    /// <summary>Creates an empty subject by name.</summary>
    /// <typeparam name="TKey">The key type: <see cref="long"/> or <see cref="string"/>.</typeparam>
    /// <param name="name">A trace, native look-up or baseline name.</param>
    /// <exception cref="ArgumentException">No such subject exists for <typeparamref name="TKey"/>.</exception>
    public IndexSubject<TKey> Create<TKey>(string name)
        where TKey : notnull, IComparable<TKey>
    {
        switch (name)
        {
            case SubjectNames.Dictionary:
                return new DictionaryOfListsSubject<TKey>();
            case SubjectNames.NestedSortedDictionary:
                return new NestedSortedDictionarySubject<TKey>();
            case SubjectNames.ImmutableSortedDictionary:
                return new ImmutableSortedDictionarySubject<TKey>();
        }

        if (Registry.Find(name) is { } entry)
        {
            return CreateTrace<TKey>(entry);
        }

        if (typeof(TKey) == typeof(long) && FindCursorLookup(name) is { } navigable)
        {
            return (IndexSubject<TKey>)(object)new CursorLookupSubject(navigable);
        }

        foreach (var (part, lookup) in Registry.NativeLookups)
        {
            if (name == SubjectNames.NativeLookup(part) && typeof(TKey) == typeof(long))
            {
                var subject = new NativeLookupSubject(Registry.Find(part)!.CreateLong(), lookup);
                return (IndexSubject<TKey>)(object)subject;
            }
        }

        if (typeof(TKey) == typeof(long) && Registry.LookupSubjects.TryGetValue(name, out var create))
        {
            return (IndexSubject<TKey>)(object)create();
        }

        throw new ArgumentException($"No subject named '{name}' with {typeof(TKey).Name} keys.", nameof(name));
    }

    /// <summary>
    /// Returns the names of the look-up subjects that read a registered trace through its cursor
    /// (<c>part-cursor</c>): one for every trace in the look-up workload that is an
    /// <see cref="INavigableTrace{TKey, TVal, TTime, TDiff}"/>.
    /// </summary>
    public IReadOnlyList<string> CursorLookupNames()
    {
        var names = new List<string>();
        foreach (var entry in Registry.Entries)
        {
            if ((entry.Workloads & TraceWorkloads.Lookup) != 0 && entry.CreateLong() is INavigableTrace<long, long, Timestamp, long>)
            {
                names.Add(SubjectNames.CursorLookup(entry.Name));
            }
        }

        return names;
    }

    /// <summary>Creates the empty trace behind the cursor subject <paramref name="name"/>, or returns <see langword="null"/>.</summary>
    private INavigableTrace<long, long, Timestamp, long>? FindCursorLookup(string name)
    {
        foreach (var entry in Registry.Entries)
        {
            if (name == SubjectNames.CursorLookup(entry.Name) && (entry.Workloads & TraceWorkloads.Lookup) != 0)
            {
                return entry.CreateLong() as INavigableTrace<long, long, Timestamp, long>;
            }
        }

        return null;
    }

    /// <summary>Returns the native merge named <paramref name="name"/> (<c>part-merger</c>), or <see langword="null"/>.</summary>
    /// <param name="name">The subject's name.</param>
    public NativeMerge? FindNativeMerge(string name)
    {
        foreach (var (part, merge) in Registry.NativeMerges)
        {
            if (name == SubjectNames.NativeMerge(part))
            {
                return merge;
            }
        }

        return null;
    }

    /// <summary>Returns the names of the scan workload's subjects: registered stores, then the baselines.</summary>
    public IReadOnlyList<string> ScanNames() => [.. Registry.Scans.Keys, .. RangeScanBaselines.Names];

    /// <summary>Builds the store named <paramref name="name"/> from <paramref name="entries"/> and returns its scan.</summary>
    /// <param name="name">A registered store or a baseline.</param>
    /// <param name="entries">The entries.</param>
    /// <exception cref="ArgumentException">No such subject exists.</exception>
    public Func<string, string, long> CreateScan(string name, KeyValuePair<string, string>[] entries) => name switch
    {
        RangeScanBaselines.SortedSetView => RangeScanBaselines.SortedSetViewScan(entries),
        RangeScanBaselines.SortedArray => RangeScanBaselines.SortedArraySearch(entries),
        _ when Registry.Scans.TryGetValue(name, out var scan) => scan(entries),
        _ => throw new ArgumentException($"No scan subject named '{name}'.", nameof(name)),
    };

    /// <summary>Returns the names of the store workload's subjects: registered stores, then the peers.</summary>
    public IReadOnlyList<string> StoreNames() => [.. Registry.Stores.Keys, .. StorePeers.Names];

    /// <summary>Opens the empty store named <paramref name="name"/>.</summary>
    /// <param name="name">A registered store or a peer.</param>
    /// <exception cref="ArgumentException">No such subject exists.</exception>
    public IStoreSubject CreateStore(string name) =>
        Registry.Stores.TryGetValue(name, out var create) ? create()
        : StorePeers.Create(name) ?? throw new ArgumentException($"No store subject named '{name}'.", nameof(name));

    /// <summary>Returns the names of the junction workload's subjects: registered relations, then the baseline.</summary>
    public IReadOnlyList<string> RelationNames() => [.. Registry.Relations.Keys, HandKeptRelation.Name];

    /// <summary>Creates the empty relation named <paramref name="name"/>.</summary>
    /// <param name="name">A registered relation or the baseline.</param>
    /// <exception cref="ArgumentException">No such subject exists.</exception>
    public IRelationSubject CreateRelation(string name) => name switch
    {
        HandKeptRelation.Name => new HandKeptRelation(),
        _ when Registry.Relations.TryGetValue(name, out var create) => create(),
        _ => throw new ArgumentException($"No relation subject named '{name}'.", nameof(name)),
    };

    private static IndexSubject<TKey> CreateTrace<TKey>(TraceEntry entry)
        where TKey : notnull, IComparable<TKey>
    {
        if (typeof(TKey) == typeof(long))
        {
            return (IndexSubject<TKey>)(object)new TraceSubject<long>(entry.CreateLong());
        }

        if (typeof(TKey) == typeof(string) && entry.CreateString is not null)
        {
            return (IndexSubject<TKey>)(object)new TraceSubject<string>(entry.CreateString());
        }

        throw new ArgumentException($"The trace '{entry.Name}' has no {typeof(TKey).Name}-keyed factory.", nameof(entry));
    }
}
