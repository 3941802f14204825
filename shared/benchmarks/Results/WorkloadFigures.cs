namespace Traces.Benchmarks;

/// <summary>Turns one BenchmarkDotNet measurement (time per invocation of a benchmark case) into a figure per update or per look-up.</summary>
public static class WorkloadFigures
{
    /// <summary>Files the figure of one benchmark case.</summary>
    /// <param name="benchmarkType">The benchmark class (a closed generic type for the insert and sort workloads).</param>
    /// <param name="parameter">Returns the case's value of a parameter, by name.</param>
    /// <param name="nanosecondsPerInvocation">The mean time of one invocation of the benchmark method.</param>
    /// <param name="sizes">The run's sizes.</param>
    /// <param name="figures">Receives the figure.</param>
    /// <returns><see langword="false"/> if the class is not one of the workloads.</returns>
    public static bool TryRecord(
        Type benchmarkType, Func<string, object> parameter, double nanosecondsPerInvocation, WorkloadSizes sizes, Figures figures)
    {
        ArgumentNullException.ThrowIfNull(benchmarkType);
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(figures);
        var definition = benchmarkType.IsGenericType ? benchmarkType.GetGenericTypeDefinition() : benchmarkType;
        bool stringKeys = benchmarkType.IsGenericType && benchmarkType.GetGenericArguments()[0] == typeof(string);
        string insert = stringKeys ? WorkloadIds.InsertString : WorkloadIds.Insert;
        double ns = nanosecondsPerInvocation;

        if (definition == typeof(InsertBenchmarks<>))
        {
            var shape = (Shape)parameter("Shape");
            figures.Set(insert, (string)parameter("Subject"), WorkloadIds.InsertVariant(shape, (int)parameter("BatchSize")), ns / shape.Updates);
        }
        else if (definition == typeof(SortFloorBenchmarks<>))
        {
            // The floor sorts everything at once, so it stands next to every batch size.
            var shape = (Shape)parameter("Shape");
            foreach (int batchSize in stringKeys ? sizes.InsertBatchSizes<string>() : sizes.InsertBatchSizes<long>())
            {
                figures.Set(insert, SubjectNames.ArraySort, WorkloadIds.InsertVariant(shape, batchSize), ns / shape.Updates);
            }
        }
        else if (definition == typeof(LookupBenchmarks))
        {
            double lookups = (int)parameter("Batches") * (double)WorkloadSizes.LookupBatchSize;
            figures.Set(WorkloadIds.Lookup, (string)parameter("Subject"), WorkloadIds.LookupVariant((KeyOrder)parameter("Order")), ns / lookups);
        }
        else if (definition == typeof(FingerLookupBenchmarks))
        {
            string variant = WorkloadIds.FingerVariant((KeyOrder)parameter("Order"), (int)parameter("BatchSize"));
            figures.Set(WorkloadIds.FingerLookup, (string)parameter("Subject"), variant, ns / sizes.FingerBatchSizes.Max());
        }
        else if (definition == typeof(MergeBenchmarks))
        {
            string variant = WorkloadIds.MergeVariant((bool)parameter("Compacting"));
            figures.Set(WorkloadIds.Merge, (string)parameter("Subject"), variant, ns / (2.0 * (int)parameter("Keys")));
        }
        else if (definition == typeof(MergeFloorBenchmarks))
        {
            figures.Set(WorkloadIds.Merge, SubjectNames.MergeFloor, WorkloadIds.MergeVariant(false), ns / (2.0 * (int)parameter("Keys")));
        }
        else if (definition == typeof(ScanBenchmarks))
        {
            figures.Set(WorkloadIds.Scan, (string)parameter("Subject"), "range", ns / ScanBenchmarks.EntriesPerOperation);
        }
        else if (definition == typeof(LsmPeerBenchmarks))
        {
            var benchmark = new LsmPeerBenchmarks { Operation = (StoreOperation)parameter("Operation"), Entries = (int)parameter("Entries") };
            figures.Set(WorkloadIds.Store, (string)parameter("Subject"), WorkloadIds.StoreVariant(benchmark.Operation), ns / benchmark.ItemsPerOperation);
        }
        else if (definition == typeof(JunctionBenchmarks))
        {
            var benchmark = new JunctionBenchmarks { Operation = (RelationOperation)parameter("Operation"), Lefts = (int)parameter("Lefts") };
            figures.Set(WorkloadIds.Junction, (string)parameter("Subject"), benchmark.Operation.ToString().ToLowerInvariant(), ns / benchmark.ItemsPerOperation);
        }
        else
        {
            return false;
        }

        return true;
    }
}
