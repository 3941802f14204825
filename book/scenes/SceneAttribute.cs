namespace Book.Scenes;

/// <summary>
/// Marks a public static method as a scene the book can show by name: <c>[!figure[caption](name)]</c> for a method
/// returning <see cref="Figure"/>, <c>[!player[caption](name)]</c> for one returning <see cref="Player"/>, and
/// <c>[!output[caption](name)]</c> for a sample, a method taking a <see cref="TextWriter"/> and returning nothing.
/// </summary>
/// <remarks>
/// A scene drives the real types of a part on a tiny input and draws what they hold, so a figure changes when the
/// code does. Scenes take no other arguments and must give the same result on every run: fixed inputs, fixed seeds.
/// </remarks>
/// <param name="name">The name chapters use, lowercase with dashes, unique across all scenes.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SceneAttribute(string name) : Attribute
{
    /// <summary>Gets the name chapters use.</summary>
    public string Name { get; } = name;
}
