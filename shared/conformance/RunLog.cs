using System.Text;

namespace Traces.Conformance;

/// <summary>
/// The operations of a model-based run written as C# statements, so that a failing run, once shrunk, prints as a test
/// the reader can paste.
/// </summary>
/// <remarks>
/// A run writes a statement for each operation just before it performs it, so the log of a failing run ends with
/// the statement that failed. <see cref="Off"/> discards everything, for the many runs that pass.
/// </remarks>
public sealed class RunLog
{
    // Null for the discarding log, so that passing runs build no text.
    private readonly StringBuilder? _text;

    private RunLog(StringBuilder? text) => _text = text;

    /// <summary>Gets a log that keeps nothing.</summary>
    public static RunLog Off { get; } = new(null);

    /// <summary>Gets a value indicating whether this log keeps what is written; a run may skip formatting when it does not.</summary>
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

    /// <summary>Returns the statements, one per line, indented for a test method's body.</summary>
    public override string ToString() => _text?.ToString() ?? "";
}
