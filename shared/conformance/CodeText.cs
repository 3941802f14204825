using System.Globalization;
using System.Text;

namespace Traces.Conformance;

/// <summary>Writes values and types as C# source, for runs printed as tests (see <see cref="RunLog"/>).</summary>
/// <remarks>
/// Times and keys of the series' own types print as target-typed <c>new(…)</c> expressions, which compile wherever the
/// printed code passes them to an <see cref="Update{TKey, TVal, TTime, TDiff}"/> or an <see cref="Antichain{T}"/>.
/// </remarks>
public static class CodeText
{
    /// <summary>Returns <paramref name="value"/> as a C# expression.</summary>
    /// <param name="value">A number, string, time, <see cref="Unit"/> or <see cref="CollidingKey"/>; anything else prints by <see cref="object.ToString"/>.</param>
    public static string Literal(object? value) => value switch
    {
        null => "null!",
        string text => Quoted(text),
        IFormattable number when value.GetType().IsPrimitive => number.ToString(null, CultureInfo.InvariantCulture),
        Timestamp time => time.Value.ToString(CultureInfo.InvariantCulture),
        Unit => "Unit.Value",
        CollidingKey key => "new(" + key.Value.ToString(CultureInfo.InvariantCulture) + ")",
        _ when IsProduct(value.GetType()) => ProductLiteral(value),
        _ => value.ToString() ?? "null!",
    };

    /// <summary>Returns an update as a target-typed <c>new(key, val, time, diff)</c>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="update">The update.</param>
    public static string Of<TKey, TVal, TTime, TDiff>(Update<TKey, TVal, TTime, TDiff> update) =>
        $"new({Literal(update.Key)}, {Literal(update.Val)}, {Literal(update.Time)}, {Literal(update.Diff)})";

    /// <summary>Returns updates as a collection expression, <c>[new(…), new(…)]</c>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="updates">The updates.</param>
    public static string List<TKey, TVal, TTime, TDiff>(IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var text = new StringBuilder("[");
        foreach (var update in updates)
        {
            text.Append(text.Length > 1 ? ", " : "").Append(Of(update));
        }

        return text.Append(']').ToString();
    }

    /// <summary>Returns the elements of a frontier (or any times) as a collection expression.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements.</param>
    public static string Items<T>(ReadOnlySpan<T> items)
    {
        var text = new StringBuilder("[");
        foreach (T item in items)
        {
            text.Append(text.Length > 1 ? ", " : "").Append(Literal(item));
        }

        return text.Append(']').ToString();
    }

    /// <summary>Returns a type's C# name: keywords for the built-in types, type arguments spelled out.</summary>
    /// <param name="type">The type.</param>
    public static string TypeName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type == typeof(long))
        {
            return "long";
        }

        if (type == typeof(int))
        {
            return "int";
        }

        if (type == typeof(ulong))
        {
            return "ulong";
        }

        if (type == typeof(string))
        {
            return "string";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        string name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return name + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
    }

    private static bool IsProduct(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Product<,>);

    private static string ProductLiteral(object product)
    {
        Type type = product.GetType();
        object? outer = type.GetProperty(nameof(Product<Timestamp, Timestamp>.Outer))!.GetValue(product);
        object? inner = type.GetProperty(nameof(Product<Timestamp, Timestamp>.Inner))!.GetValue(product);
        return $"new({Literal(outer)}, {Literal(inner)})";
    }

    private static string Quoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (char c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when c < ' ' || c > '~' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
