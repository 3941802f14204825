using BenchmarkDotNet.Loggers;

namespace Traces.Benchmarks;

/// <summary>A BenchmarkDotNet logger that prints nothing, so the quick run's output is its summary lines alone.</summary>
public sealed class SilentLogger : ILogger
{
    /// <summary>Gets the logger.</summary>
    public static SilentLogger Instance { get; } = new();

    /// <inheritdoc />
    public string Id => nameof(SilentLogger);

    /// <inheritdoc />
    public int Priority => 0;

    /// <inheritdoc />
    public void Write(LogKind logKind, string text)
    {
    }

    /// <inheritdoc />
    public void WriteLine()
    {
    }

    /// <inheritdoc />
    public void WriteLine(LogKind logKind, string text)
    {
    }

    /// <inheritdoc />
    public void Flush()
    {
    }
}
