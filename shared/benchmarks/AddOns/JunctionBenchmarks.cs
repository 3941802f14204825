using BenchmarkDotNet.Attributes;

namespace Traces.Benchmarks;

/// <summary>
/// Junction throughput (the junction add-on): a relation in which every left meets <see cref="AddOnData.Fanout"/>
/// rights and every right as many lefts, built pair by pair, looked up from both sides, and iterated.
/// </summary>
public class JunctionBenchmarks
{
    private (int Left, int Right)[] _pairs = [];
    private int[] _lookups = [];
    private IRelationSubject? _loaded;

    /// <summary>Gets or sets the subject's name.</summary>
    [ParamsSource(nameof(Subjects))]
    public string Subject { get; set; } = "";

    /// <summary>Gets or sets what is measured.</summary>
    [Params(RelationOperation.Insert, RelationOperation.Lookup, RelationOperation.Iterate)]
    public RelationOperation Operation { get; set; }

    /// <summary>Gets or sets the number of lefts (and rights).</summary>
    [ParamsSource(nameof(LeftCounts))]
    public int Lefts { get; set; }

    /// <summary>Gets the subjects that take part.</summary>
    public static IEnumerable<string> Subjects => SubjectCatalog.Default.RelationNames();

    /// <summary>Gets the number of lefts to relate.</summary>
    public static IEnumerable<int> LeftCounts => [WorkloadSizes.Current.RelationLefts];

    /// <summary>Gets the number of pairs, or of look-ups, one operation handles.</summary>
    public int ItemsPerOperation => Operation == RelationOperation.Lookup ? 2 * AddOnData.RelationLookups : Lefts * AddOnData.Fanout;

    /// <summary>Gets what <see cref="Run"/> returns: the number of pairs, or of pairs found by the look-ups.</summary>
    public long ExpectedResult => Operation == RelationOperation.Lookup ? 2L * AddOnData.RelationLookups * AddOnData.Fanout : (long)Lefts * AddOnData.Fanout;

    /// <summary>Builds the pairs (and, unless inserting is measured, the loaded relation), outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pairs = AddOnData.Pairs(Lefts);
        var random = new Random(WorkloadData.Seed);
        _lookups = new int[AddOnData.RelationLookups];
        for (int i = 0; i < _lookups.Length; i++)
        {
            _lookups[i] = random.Next(Lefts);
        }

        _loaded = Operation == RelationOperation.Insert ? null : Load();
    }

    /// <summary>Runs the operation.</summary>
    /// <returns>See <see cref="ExpectedResult"/>.</returns>
    [Benchmark]
    public long Run()
    {
        switch (Operation)
        {
            case RelationOperation.Insert:
                return Load().Count;
            case RelationOperation.Lookup:
                long found = 0;
                foreach (int id in _lookups)
                {
                    found += _loaded!.CountRights(id) + _loaded.CountLefts(id);
                }

                return found;
            default:
                return _loaded!.Iterate();
        }
    }

    private IRelationSubject Load()
    {
        var relation = SubjectCatalog.Default.CreateRelation(Subject);
        foreach (var (left, right) in _pairs)
        {
            relation.Insert(left, right);
        }

        return relation;
    }
}
