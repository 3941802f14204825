using BenchmarkDotNet.Attributes;

namespace Traces.Benchmarks;

/// <summary>
/// Junction iteration under interleaved writes (the junction add-on): a loaded relation walked from one end to the
/// other, forward or in reverse, with one write after every step, so that every step reads a store written since the
/// step before. The baseline takes no part: a <see cref="SortedSet{T}"/> throws when written while enumerated.
/// </summary>
public class JunctionWalkBenchmarks
{
    private JunctionRelation? _loaded;

    /// <summary>Gets or sets the subject's name.</summary>
    [ParamsSource(nameof(Subjects))]
    public string Subject { get; set; } = "";

    /// <summary>Gets or sets which way the walk goes.</summary>
    [Params(WalkDirection.Forward, WalkDirection.Reverse)]
    public WalkDirection Direction { get; set; }

    /// <summary>Gets or sets the number of lefts (and rights).</summary>
    [ParamsSource(nameof(LeftCounts))]
    public int Lefts { get; set; }

    /// <summary>Gets the subjects that take part: the registered relations that are junctions.</summary>
    public static IEnumerable<string> Subjects =>
        SubjectCatalog.Default.RelationNames().Where(name => SubjectCatalog.Default.CreateRelation(name) is JunctionRelation);

    /// <summary>Gets the number of lefts to relate.</summary>
    public static IEnumerable<int> LeftCounts => [WorkloadSizes.Current.WalkLefts];

    /// <summary>Gets the number of steps (and of writes) one operation makes: one per loaded pair.</summary>
    public int StepsPerOperation => Lefts * AddOnData.Fanout;

    /// <summary>Gets what <see cref="Run"/> returns: every loaded pair, visited once.</summary>
    public long ExpectedResult => (long)Lefts * AddOnData.Fanout;

    /// <summary>Builds the loaded relation, outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _loaded = (JunctionRelation)SubjectCatalog.Default.CreateRelation(Subject);
        foreach (var (left, right) in AddOnData.Pairs(Lefts))
        {
            _loaded.Insert(left, right);
        }
    }

    /// <summary>Walks the relation once, writing after every step.</summary>
    /// <returns>See <see cref="ExpectedResult"/>.</returns>
    [Benchmark]
    public long Run() => _loaded!.IterateWhileWriting(Direction == WalkDirection.Reverse);
}
