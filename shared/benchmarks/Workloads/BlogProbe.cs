using System.Diagnostics;

namespace Traces.Benchmarks;

/// <summary>
/// One of the blog's experiment shapes: update <c>i</c> is <c>(i mod Keys, i mod Values)</c> at time
/// <c>i / 1 000 000</c> with diff +1, added in batches of 1 000, for <see cref="Updates"/> updates.
/// </summary>
/// <param name="Keys">The number of distinct keys.</param>
/// <param name="Values">The number of distinct values (drawn by the same counter, so keys and values move together).</param>
/// <param name="Updates">The number of updates added.</param>
public readonly record struct BlogShape(int Keys, int Values, int Updates)
{
    /// <summary>Returns the shape as the tables name it, e.g. <c>1Kx1K</c>.</summary>
    public override string ToString() => $"{Shape.Abbreviate(Keys)}x{Shape.Abbreviate(Values)}";
}

/// <summary>
/// The blog's own experiments, re-run on every part and baseline: its insert profile (a counter's keys and values in
/// batches of 1 000, time moving every million updates) on its two shapes, then batches of 1 000 and 10 000 random
/// and sorted look-ups of present keys.
/// </summary>
/// <remarks>
/// Each subject loads a shape once, timed as a whole (one run, not BenchmarkDotNet's repetitions: at 16 M updates a
/// load takes seconds to minutes), then answers the look-ups. The parts are read through their cursors, except part
/// 1, whose <c>Get</c> is its hash look-up; the baselines as a C# programmer would read them. A load that runs past
/// <see cref="LoadLimit"/> is stopped and filed as such, not dropped.
/// </remarks>
public static class BlogProbe
{
    /// <summary>The batch size of every load, the blog's.</summary>
    public const int BatchSize = 1_000;

    /// <summary>The look-up batch sizes, the blog's.</summary>
    public static IReadOnlyList<int> LookupBatchSizes { get; } = [1_000, 10_000];

    /// <summary>How many keys each look-up figure looks up.</summary>
    public const int LookupsPerFigure = 10_000;

    /// <summary>The longest a load may run before it is stopped.</summary>
    public static TimeSpan LoadLimit { get; } = TimeSpan.FromMinutes(10);

    /// <summary>The subjects, in table order: the parts, then the baselines.</summary>
    public static IReadOnlyList<string> Subjects { get; } =
        ["part1", "part2", "part3", "part4", "part5", .. SubjectNames.Baselines];

    /// <summary>Returns the variant of an insert figure.</summary>
    /// <param name="shape">The shape.</param>
    public static string InsertVariant(BlogShape shape) => $"insert/{shape}";

    /// <summary>Returns the variant that says how many updates a stopped load had added.</summary>
    /// <param name="shape">The shape.</param>
    public static string StoppedVariant(BlogShape shape) => $"stopped/{shape}";

    /// <summary>Returns the variant of a look-up figure.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="order">The key order within each batch.</param>
    /// <param name="batchSize">The batch size.</param>
    public static string LookupVariant(BlogShape shape, KeyOrder order, int batchSize) =>
        $"lookup/{shape}/{WorkloadIds.LookupVariant(order)}/{batchSize}";

    /// <summary>Runs every shape on every subject, filing nanoseconds per update and per look-up under <see cref="WorkloadIds.Blog"/>.</summary>
    /// <param name="catalog">The subjects.</param>
    /// <param name="sizes">The sizes.</param>
    /// <param name="figures">Receives the figures.</param>
    /// <param name="failures">Receives one line per subject and shape that threw.</param>
    public static void Run(SubjectCatalog catalog, WorkloadSizes sizes, Figures figures, ICollection<string> failures)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(failures);
        foreach (var shape in sizes.BlogShapes)
        {
            foreach (string name in Subjects)
            {
                try
                {
                    RunOne(catalog, name, shape, figures);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    failures.Add($"blog {name} {shape}: {exception.GetType().Name}: {exception.Message}");
                }
                finally
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                }
            }
        }
    }

    private static void RunOne(SubjectCatalog catalog, string name, BlogShape shape, Figures figures)
    {
        var subject = catalog.Create<long>(name);
        var batch = new LongUpdate[BatchSize];
        var clock = Stopwatch.StartNew();
        int added = 0;
        while (added < shape.Updates)
        {
            int count = Math.Min(BatchSize, shape.Updates - added);
            if (count < batch.Length)
            {
                batch = new LongUpdate[count];
            }

            for (int j = 0; j < count; j++)
            {
                int i = added + j;
                batch[j] = new(i % shape.Keys, i % shape.Values, (ulong)(i / 1_000_000), 1);
            }

            subject.Add(batch);
            added += count;
            if (clock.Elapsed > LoadLimit)
            {
                figures.Set(WorkloadIds.Blog, name, StoppedVariant(shape), added);
                return;
            }
        }

        subject.CompleteLoad();
        figures.Set(WorkloadIds.Blog, name, InsertVariant(shape), clock.Elapsed.TotalNanoseconds / shape.Updates);

        // Every key present holds the same total: its share of the updates.
        var reader = CursorLookupSubject.Reader(name, subject);
        foreach (int batchSize in LookupBatchSizes)
        {
            foreach (var order in (ReadOnlySpan<KeyOrder>)[KeyOrder.Random, KeyOrder.Sorted])
            {
                int seed = unchecked(shape.Keys * 31 + batchSize);
                var keys = LookupBatches.Draw(
                    Math.Min(shape.Keys, shape.Updates), batchSize, LookupsPerFigure, seed, order == KeyOrder.Sorted);
                long found = 0;
                clock.Restart();
                foreach (var lookup in keys)
                {
                    found += reader.LookupBatch(lookup);
                }

                double ns = clock.Elapsed.TotalNanoseconds / LookupsPerFigure;
                long expected = ExpectedTotal(shape, keys);
                if (found != expected)
                {
                    throw new InvalidOperationException($"The look-ups found {found}, not {expected}.");
                }

                figures.Set(WorkloadIds.Blog, name, LookupVariant(shape, order, batchSize), ns);
            }
        }
    }

    /// <summary>The sum of the diffs the look-ups must find: key <c>k</c> was added once for every <c>i ≡ k</c>.</summary>
    private static long ExpectedTotal(BlogShape shape, long[][] batches)
    {
        long total = 0;
        foreach (var keys in batches)
        {
            foreach (long key in keys)
            {
                total += (shape.Updates - key + shape.Keys - 1) / shape.Keys;
            }
        }

        return total;
    }
}
