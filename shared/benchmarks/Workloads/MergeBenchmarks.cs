using BenchmarkDotNet.Attributes;

namespace Traces.Benchmarks;

/// <summary>
/// Merge throughput: two batches of <see cref="Keys"/> updates each (see <see cref="MergeInput"/>). A part's native
/// merge merges the two built batches; any other subject, holding the older batch, adds the newer one (and, when
/// compacting, advances its frontier to 2), which is what makes a trace merge. One operation is one merge.
/// </summary>
public class MergeBenchmarks
{
    private MergeInput? _input;
    private Func<long>? _nativeMerge;
    private IndexSubject<long>? _subject;

    /// <summary>Gets or sets the subject's name.</summary>
    [ParamsSource(nameof(Subjects))]
    public string Subject { get; set; } = "";

    /// <summary>Gets or sets whether the merge compacts: times advanced to 2, retractions cancelled.</summary>
    [Params(false, true)]
    public bool Compacting { get; set; }

    /// <summary>Gets or sets the number of updates in each batch.</summary>
    [ParamsSource(nameof(KeyCounts))]
    public int Keys { get; set; }

    /// <summary>Gets the subjects that take part.</summary>
    public static IEnumerable<string> Subjects => SubjectCatalog.Default.Names<long>(TraceWorkloads.Merge);

    /// <summary>Gets the batch sizes to run.</summary>
    public static IEnumerable<int> KeyCounts => [WorkloadSizes.Current.MergeKeys];

    /// <summary>Gets the number of input updates one operation merges.</summary>
    public int UpdatesPerOperation => 2 * Keys;

    /// <summary>Gets what <see cref="Merge"/> returns when it works: the merged batch's size for a native merge,
    /// otherwise the diffs held for one odd and one even key (2 and 0).</summary>
    public long ExpectedResult => _nativeMerge is not null ? _input!.ExpectedOutput : 2;

    /// <summary>Builds the inputs (and a native merge's batches), outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _input = MergeInput.Create(Keys, Compacting);
        _nativeMerge = SubjectCatalog.Default.FindNativeMerge(Subject)?.Invoke(_input);
    }

    /// <summary>Gives a subject the older batch before each measured merge.</summary>
    [IterationSetup]
    public void LoadOlder()
    {
        if (_nativeMerge is null)
        {
            _subject = SubjectCatalog.Default.Create<long>(Subject);
            _subject.Add(_input!.Older);
        }
    }

    /// <summary>Merges the newer batch with the older.</summary>
    /// <returns>See <see cref="ExpectedResult"/>.</returns>
    [Benchmark]
    public long Merge()
    {
        if (_nativeMerge is not null)
        {
            return _nativeMerge();
        }

        var input = _input!;
        _subject!.Add(input.Newer);
        if (input.Compacting)
        {
            _subject.AdvanceBy(input.Frontier);
        }

        return _subject.Lookup(input.Older[1].Key) + _subject.Lookup(input.Older[0].Key);
    }
}
