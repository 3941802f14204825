using Traces.Benchmarks;
using LongUpdate = Traces.Update<long, long, Traces.Timestamp, long>;

namespace Traces.Benchmarks.Tests;

/// <summary>The read-path workloads: cursor look-ups, look-ups in batches of growing size, and the blog's experiments.</summary>
[Trait("Part", "benchmarks")]
public sealed class ReadPathWorkloadTests
{
    public static TheoryData<string> FingerSubjects => AtTinySizes(() => new TheoryData<string>(FingerLookupBenchmarks.Subjects));

    [Fact]
    public void Every_navigable_part_has_a_cursor_subject_in_the_lookup_workload()
    {
        var names = SubjectCatalog.Default.Names<long>(TraceWorkloads.Lookup);
        foreach (var entry in Parts.Registry.Entries)
        {
            bool navigable = entry.CreateLong() is INavigableTrace<long, long, Timestamp, long>;
            bool inLookup = (entry.Workloads & TraceWorkloads.Lookup) != 0;
            names.Contains(SubjectNames.CursorLookup(entry.Name)).Should().Be(navigable && inLookup, entry.Name);
        }

        names.Should().Contain(SubjectNames.CursorLookup("part1"));
    }

    [Fact]
    public void A_cursor_subject_answers_repeated_and_missing_keys_as_the_dictionary_does()
    {
        var cursor = SubjectCatalog.Default.Create<long>(SubjectNames.CursorLookup("part1"));
        var dictionary = SubjectCatalog.Default.Create<long>(SubjectNames.Dictionary);
        LongUpdate[] batch = [new(5, 1, 0, 2), new(5, 2, 1, 3), new(9, 1, 0, 1), new(2, 1, 0, -4), new(9, 1, 0, -1)];
        foreach (var subject in new[] { cursor, dictionary })
        {
            subject.Add(batch);
            subject.CompleteLoad();
        }

        long[][] batches = [[2, 5, 5, 7, 9, 11], [11, 5, 2, 5, -3], []];
        foreach (var keys in batches)
        {
            cursor.LookupBatch(keys).Should().Be(dictionary.LookupBatch(keys), string.Join(",", keys));
        }

        // A cursor made before an Add is not read after it: the subject makes a new one.
        cursor.Add([new(7, 1, 2, 10)]);
        dictionary.Add([new(7, 1, 2, 10)]);
        cursor.Lookup(7).Should().Be(10);
        cursor.LookupBatch([5, 7]).Should().Be(dictionary.LookupBatch([5, 7]));
    }

    [Theory]
    [MemberData(nameof(FingerSubjects))]
    public void Finger_lookups_find_one_update_per_key_at_every_batch_size(string subject) => AtTinySizes(() =>
    {
        foreach (int batchSize in WorkloadSizes.Tiny.FingerBatchSizes)
        {
            foreach (var order in (KeyOrder[])[KeyOrder.Random, KeyOrder.Sorted])
            {
                var benchmark = new FingerLookupBenchmarks { Subject = subject, Order = order, BatchSize = batchSize };
                benchmark.Setup();
                benchmark.Lookup().Should().Be(FingerLookupBenchmarks.LookupsPerOperation, $"{subject} {order} {batchSize}");
            }
        }

        return true;
    });

    /// <summary>Runs <paramref name="body"/> with the benchmark classes offering the tiny sizes, then restores them.</summary>
    private static T AtTinySizes<T>(Func<T> body)
    {
        var previous = WorkloadSizes.Current;
        WorkloadSizes.Current = WorkloadSizes.Tiny;
        try
        {
            return body();
        }
        finally
        {
            WorkloadSizes.Current = previous;
        }
    }

    [Fact]
    public void The_blog_probe_loads_every_subject_on_both_shapes_and_checks_every_lookup_total()
    {
        var figures = new Figures();
        var failures = new List<string>();

        BlogProbe.Run(SubjectCatalog.Default, WorkloadSizes.Tiny, figures, failures);

        failures.Should().BeEmpty("each look-up figure is checked against the total the counter implies");
        foreach (var shape in WorkloadSizes.Tiny.BlogShapes)
        {
            foreach (string subject in BlogProbe.Subjects)
            {
                figures.Get(WorkloadIds.Blog, subject, BlogProbe.InsertVariant(shape)).Should().BePositive($"{subject} {shape}");
                foreach (int batch in BlogProbe.LookupBatchSizes)
                {
                    figures.Get(WorkloadIds.Blog, subject, BlogProbe.LookupVariant(shape, KeyOrder.Sorted, batch)).Should().BePositive();
                }
            }
        }

        var insert = BlogTables.Insert(figures, WorkloadSizes.Tiny);
        insert.Rows.Should().HaveCount(BlogProbe.Subjects.Count + BlogTables.Published.Count);
        insert.Rows.Single(row => row[0] == SubjectNames.Dictionary)[2].Should().Be("1");
        BlogTables.Lookup(figures, WorkloadSizes.Tiny).Rows.Should().HaveCount(BlogProbe.Subjects.Count);
    }
}
