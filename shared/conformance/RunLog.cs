using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Traces.Conformance;

/// <summary>
/// The operations of a model-based run written as C# statements, so that a failing run, once shrunk, prints as a test
/// the reader can paste.
/// </summary>
/// <remarks>
/// A run writes a statement for each operation just before it performs it, so the log of a failing run ends with
/// the statement that failed. <see cref="Off"/> discards everything, for the many runs that pass; an interpolated
/// statement written to it is not even formatted (<see cref="RunLogStatement"/>), so a run writes its statements
/// unconditionally and pays for them only when it is replayed to be printed.
/// </remarks>
public sealed class RunLog
{
    // Null for the discarding log, so that passing runs build no text.
    private readonly StringBuilder? _text;

    private RunLog(StringBuilder? text) => _text = text;

    /// <summary>Gets a log that keeps nothing.</summary>
    public static RunLog Off { get; } = new(null);

    /// <summary>Gets a value indicating whether this log keeps what is written.</summary>
    public bool IsOn => _text is not null;

    /// <summary>Gets how many statements were written.</summary>
    public int Statements { get; private set; }

    /// <summary>Creates a log that keeps every statement.</summary>
    public static RunLog Recording() => new(new StringBuilder());

    /// <summary>Writes one statement (or a comment) on its own line.</summary>
    /// <param name="statement">The statement, without indentation.</param>
    public void Write(string statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (_text is null)
        {
            return;
        }

        _text.Append("    ").AppendLine(statement);
        Statements++;
    }

    /// <summary>Writes one interpolated statement on its own line; when the log is off, nothing is formatted.</summary>
    /// <param name="statement">The statement, without indentation; numbers format with the invariant culture.</param>
    public void Write([InterpolatedStringHandlerArgument("")] ref RunLogStatement statement)
    {
        if (_text is null)
        {
            return;
        }

        _text.Append("    ").AppendLine(statement.ToStringAndClear());
        Statements++;
    }

    /// <summary>Returns the statements, one per line, indented for a test method's body.</summary>
    public override string ToString() => _text?.ToString() ?? "";
}

/// <summary>
/// Builds an interpolated statement for <see cref="RunLog.Write(ref RunLogStatement)"/> only if the log keeps it: the
/// holes of a statement written to <see cref="RunLog.Off"/> are never evaluated into text.
/// </summary>
[InterpolatedStringHandler]
public ref struct RunLogStatement
{
    // Formats with the invariant culture; default (and unused) when the log is off.
    private DefaultInterpolatedStringHandler _text;

    /// <summary>Initializes a statement for <paramref name="log"/>.</summary>
    /// <param name="literalLength">The length of the literal parts.</param>
    /// <param name="formattedCount">The number of holes.</param>
    /// <param name="log">The log written to.</param>
    /// <param name="isEnabled">Whether the holes are formatted: whether the log is on.</param>
    public RunLogStatement(int literalLength, int formattedCount, RunLog log, out bool isEnabled)
    {
        ArgumentNullException.ThrowIfNull(log);
        isEnabled = log.IsOn;
        _text = isEnabled ? new(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
    }

    /// <summary>Appends a literal part.</summary>
    /// <param name="value">The literal.</param>
    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    /// <summary>Appends a hole.</summary>
    /// <typeparam name="T">The hole's type.</typeparam>
    /// <param name="value">The hole's value.</param>
    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    /// <summary>Returns the statement.</summary>
    internal string ToStringAndClear() => _text.ToStringAndClear();
}
