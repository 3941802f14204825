namespace Traces.Benchmarks;

/// <summary>The traces the benchmarks measure, and the native fast paths some of them offer.</summary>
/// <remarks>
/// Registration is fluent so that <see cref="Parts"/> reads as a list, one line per part. Names are unique across
/// traces; a native look-up appears in the look-up tables as <c>name-native</c>, a native merge in the merge
/// table as <c>name-merger</c>.
/// </remarks>
public sealed class TraceRegistry
{
    private readonly List<TraceEntry> _entries = [];
    private readonly Dictionary<string, NativeLookup> _lookups = [];
    private readonly Dictionary<string, NativeMerge> _merges = [];
    private readonly Dictionary<string, RangeScanFactory> _scans = [];
    private readonly Dictionary<string, Func<IRelationSubject>> _relations = [];
    private readonly Dictionary<string, Func<IStoreSubject>> _stores = [];
    private readonly Dictionary<string, Func<IndexSubject<long>>> _lookupSubjects = [];

    /// <summary>Gets the registered traces, in registration order.</summary>
    public IReadOnlyList<TraceEntry> Entries => _entries;

    /// <summary>Gets the native batched look-ups, by trace name.</summary>
    public IReadOnlyDictionary<string, NativeLookup> NativeLookups => _lookups;

    /// <summary>Gets the native merges, by trace name.</summary>
    public IReadOnlyDictionary<string, NativeMerge> NativeMerges => _merges;

    /// <summary>Gets the look-up-only subjects (a part's native look-up over a structure of its own), by name.</summary>
    public IReadOnlyDictionary<string, Func<IndexSubject<long>>> LookupSubjects => _lookupSubjects;

    /// <summary>Gets the range-scannable stores of the scan workload, by name.</summary>
    public IReadOnlyDictionary<string, RangeScanFactory> Scans => _scans;

    /// <summary>Gets the relations of the junction workload, by name.</summary>
    public IReadOnlyDictionary<string, Func<IRelationSubject>> Relations => _relations;

    /// <summary>Gets the key-value stores of the store workload, by name.</summary>
    public IReadOnlyDictionary<string, Func<IStoreSubject>> Stores => _stores;

    /// <summary>Registers a trace.</summary>
    /// <param name="name">The name shown in tables, e.g. <c>part3</c>.</param>
    /// <param name="createLong">Creates an empty trace with <see cref="long"/> keys.</param>
    /// <param name="createString">Creates an empty trace with <see cref="string"/> keys, if the part has one.</param>
    /// <param name="workloads">The workloads to take part in; every one by default.</param>
    /// <returns>This registry.</returns>
    /// <exception cref="ArgumentException">The name is empty or already taken.</exception>
    public TraceRegistry Add(
        string name,
        Func<ITrace<long, long, Timestamp, long>> createLong,
        Func<ITrace<string, long, Timestamp, long>>? createString = null,
        TraceWorkloads workloads = TraceWorkloads.All)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(createLong);
        if (Find(name) is not null || SubjectNames.IsReserved(name))
        {
            throw new ArgumentException($"A subject named '{name}' is already registered.", nameof(name));
        }

        _entries.Add(new TraceEntry(name, createLong, createString, workloads));
        return this;
    }

    /// <summary>Registers a part's batched look-up, measured next to the part's look-ups through <c>Get</c>.</summary>
    /// <param name="name">The registered trace it applies to.</param>
    /// <param name="lookup">The batched look-up.</param>
    /// <returns>This registry.</returns>
    public TraceRegistry AddNativeLookup(string name, NativeLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        _lookups.Add(RequireEntry(name).Name, lookup);
        return this;
    }

    /// <summary>Registers a part's merge of two batches, measured against the plain merge floor.</summary>
    /// <param name="name">The registered trace it belongs to.</param>
    /// <param name="merge">The merge.</param>
    /// <returns>This registry.</returns>
    public TraceRegistry AddNativeMerge(string name, NativeMerge merge)
    {
        ArgumentNullException.ThrowIfNull(merge);
        _merges.Add(RequireEntry(name).Name, merge);
        return this;
    }

    /// <summary>
    /// Registers a subject that takes part in the look-up workload only, under a name of its own: a part's native
    /// look-up over a structure the part's trace does not expose (e.g. one of its batches, built from the loaded
    /// updates when the load completes).
    /// </summary>
    /// <param name="name">The name shown in the look-up table, e.g. <c>part5-batch-cursor</c>.</param>
    /// <param name="create">Creates the empty subject.</param>
    /// <returns>This registry.</returns>
    /// <exception cref="ArgumentException">The name is empty or already taken.</exception>
    public TraceRegistry AddLookup(string name, Func<IndexSubject<long>> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        if (Find(name) is not null || SubjectNames.IsReserved(name) || _lookupSubjects.ContainsKey(name))
        {
            throw new ArgumentException($"A subject named '{name}' is already registered.", nameof(name));
        }

        _lookupSubjects.Add(name, create);
        return this;
    }

    /// <summary>Registers a store for the scan workload (the LSM add-on), measured against the baselines' range walks.</summary>
    /// <param name="name">The name shown in the scan table.</param>
    /// <param name="scan">Builds the store and returns its scan.</param>
    /// <returns>This registry.</returns>
    public TraceRegistry AddScan(string name, RangeScanFactory scan)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(scan);
        if (RangeScanBaselines.Names.Contains(name))
        {
            throw new ArgumentException($"A subject named '{name}' is already registered.", nameof(name));
        }

        _scans.Add(name, scan);
        return this;
    }

    /// <summary>Registers a relation for the junction workload (the junction add-on), measured against two hand-kept indexes.</summary>
    /// <param name="name">The name shown in the junction table.</param>
    /// <param name="create">Creates an empty relation.</param>
    /// <returns>This registry.</returns>
    public TraceRegistry AddRelation(string name, Func<IRelationSubject> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        if (name == HandKeptRelation.Name)
        {
            throw new ArgumentException($"A subject named '{name}' is already registered.", nameof(name));
        }

        _relations.Add(name, create);
        return this;
    }

    /// <summary>Registers a key-value store for the store workload (the LSM add-on), measured against real LSM stores.</summary>
    /// <param name="name">The name shown in the store table.</param>
    /// <param name="create">Creates an empty store.</param>
    /// <returns>This registry.</returns>
    /// <exception cref="ArgumentException">The name is empty, a peer's, or already taken.</exception>
    public TraceRegistry AddStore(string name, Func<IStoreSubject> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        if (StorePeers.Names.Contains(name) || _stores.ContainsKey(name))
        {
            throw new ArgumentException($"A subject named '{name}' is already registered.", nameof(name));
        }

        _stores.Add(name, create);
        return this;
    }

    /// <summary>Returns the entry named <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">The name.</param>
    public TraceEntry? Find(string name)
    {
        foreach (var entry in _entries)
        {
            if (entry.Name == name)
            {
                return entry;
            }
        }

        return null;
    }

    private TraceEntry RequireEntry(string name) =>
        Find(name) ?? throw new ArgumentException($"No trace named '{name}' is registered.", nameof(name));
}
