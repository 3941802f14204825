namespace Traces.Benchmarks;

/// <summary>A trace registered for benchmarking: its name in every table and the factories for its key types.</summary>
/// <param name="Name">The name shown in tables and used in ratio names, e.g. <c>part1</c>.</param>
/// <param name="CreateLong">Creates an empty trace with <see cref="long"/> keys.</param>
/// <param name="CreateString">Creates an empty trace with <see cref="string"/> keys, or <see langword="null"/> if none.</param>
/// <param name="Workloads">The workloads the trace takes part in.</param>
public sealed record TraceEntry(
    string Name,
    Func<ITrace<long, long, Timestamp, long>> CreateLong,
    Func<ITrace<string, long, Timestamp, long>>? CreateString,
    TraceWorkloads Workloads);
