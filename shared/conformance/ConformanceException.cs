namespace Traces.Conformance;

/// <summary>A trace disagreed with the contract or with the reference model.</summary>
public sealed class ConformanceException : Exception
{
    /// <summary>Initializes an exception with no message.</summary>
    public ConformanceException()
    {
    }

    /// <summary>Initializes an exception with a message.</summary>
    /// <param name="message">What disagreed.</param>
    public ConformanceException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes an exception with a message and the exception behind it.</summary>
    /// <param name="message">What disagreed.</param>
    /// <param name="innerException">The exception behind it.</param>
    public ConformanceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
