using Traces.OrdNeu;

namespace Traces.OrdNeu.Tests.SpineTestBatch;

/// <summary>
/// The smallest batch a spine can hold: a sorted, consolidated array of updates with a description, merged by a
/// fueled two-way merger. Lets the spine be tested without the real layouts.
/// </summary>
public sealed class TestBatch : IBatch<TestBatch, Timestamp>
{
    public TestBatch(Update<ulong, ulong, Timestamp, long>[] updates, Description<Timestamp> description)
    {
        Updates = updates;
        Description = description;
    }

    public Update<ulong, ulong, Timestamp, long>[] Updates { get; }

    public Description<Timestamp> Description { get; }

    public long Count => Updates.Length;

    public static TestBatch CreateEmpty(Description<Timestamp> description) => new([], description);

    public static IMerger<TestBatch, Timestamp> BeginMerge(TestBatch older, TestBatch newer, Antichain<Timestamp> frontier)
    {
        if (!older.Description.Upper.SetEquals(newer.Description.Lower))
        {
            throw new ArgumentException("The batches are not adjacent.", nameof(newer));
        }

        var since = Antichain<Timestamp>.Join(Antichain<Timestamp>.Join(older.Description.Since, newer.Description.Since), frontier);
        return new TestBatchMerger(new Description<Timestamp>(older.Description.Lower, newer.Description.Upper, since));
    }

    /// <summary>Builds a batch from unsorted updates (sorted and consolidated here).</summary>
    public static TestBatch From(IEnumerable<Update<ulong, ulong, Timestamp, long>> updates, ulong lower, ulong upper)
    {
        var list = updates.ToList();
        Consolidation.Consolidate(list);
        return new TestBatch([.. list], new Description<Timestamp>([lower], [upper], Antichain<Timestamp>.AtMinimum()));
    }
}

/// <summary>A fueled merge of two test batches, one key at a time, advancing times by the merged <c>since</c>.</summary>
public sealed class TestBatchMerger(Description<Timestamp> description) : IMerger<TestBatch, Timestamp>
{
    private readonly List<Update<ulong, ulong, Timestamp, long>> _output = [];
    private readonly List<Update<ulong, ulong, Timestamp, long>> _stash = [];
    private int _older;
    private int _newer;
    private bool _complete;

    public void Work(TestBatch older, TestBatch newer, ref long fuel)
    {
        var a = older.Updates;
        var b = newer.Updates;
        long effort = 0;
        while (_older < a.Length && _newer < b.Length && effort < fuel)
        {
            int order = a[_older].Key.CompareTo(b[_newer].Key);
            if (order <= 0)
            {
                Stage(a, ref _older);
            }

            if (order >= 0)
            {
                Stage(b, ref _newer);
            }

            effort += Flush();
        }

        while (_older < a.Length && effort < fuel)
        {
            Stage(a, ref _older);
            effort += Flush();
        }

        while (_newer < b.Length && effort < fuel)
        {
            Stage(b, ref _newer);
            effort += Flush();
        }

        fuel -= effort;
        _complete = _older == a.Length && _newer == b.Length && fuel > 0;
    }

    public TestBatch Done() =>
        _complete ? new TestBatch([.. _output], description) : throw new InvalidOperationException("The merge is not complete.");

    private void Stage(Update<ulong, ulong, Timestamp, long>[] updates, ref int index)
    {
        ulong key = updates[index].Key;
        while (index < updates.Length && updates[index].Key == key)
        {
            var update = updates[index++];
            _stash.Add(update with { Time = update.Time.AdvanceBy(description.Since) });
        }
    }

    private int Flush()
    {
        Consolidation.Consolidate(_stash);
        _output.AddRange(_stash);
        int written = _stash.Count;
        _stash.Clear();
        return written;
    }
}

/// <summary>Collects pushed updates into a test batch.</summary>
public sealed class TestBatchBuilder : IBatchBuilder<TestBatch, ulong, ulong, Timestamp, long>
{
    private readonly List<Update<ulong, ulong, Timestamp, long>> _updates = [];

    public void Push(in Update<ulong, ulong, Timestamp, long> update) => _updates.Add(update);

    public TestBatch Done(Description<Timestamp> description) => new([.. _updates], description);
}
