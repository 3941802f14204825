namespace Traces.Junctions;

/// <summary>A value that may be absent, for any <typeparamref name="T"/> (value or reference type).</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <remarks>
/// <see cref="Nullable{T}"/> only wraps value types and <c>T?</c> on an unconstrained type parameter cannot tell
/// "absent" from <c>default</c>; a to-one look-up of an <see cref="int"/> must distinguish "no value" from 0.
/// </remarks>
public readonly record struct Optional<T>
{
    // The value when HasValue; default otherwise, and never read then.
    private readonly T _value;

    private Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>Gets the absent value.</summary>
    public static Optional<T> None => default;

    /// <summary>Gets whether a value is present.</summary>
    public bool HasValue { get; }

    /// <summary>Gets the value.</summary>
    /// <exception cref="InvalidOperationException">No value is present.</exception>
    public T Value => HasValue ? _value : throw new InvalidOperationException("The optional value is absent.");

    /// <summary>Creates a present value.</summary>
    /// <param name="value">The value.</param>
    public static Optional<T> Some(T value) => new(value);

    /// <summary>Returns the value, or <paramref name="fallback"/> when absent.</summary>
    /// <param name="fallback">The value to return when absent.</param>
    public T GetValueOrDefault(T fallback) => HasValue ? _value : fallback;

    /// <inheritdoc />
    public override string ToString() => HasValue ? $"Some({_value})" : "None";
}
