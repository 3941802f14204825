using System.Reflection;

namespace Book.Scenes;

/// <summary>What a scene produces, which decides the directive that shows it.</summary>
public enum SceneKind
{
    /// <summary>A <see cref="Scenes.Figure"/>, shown by <c>[!figure[caption](name)]</c>.</summary>
    Figure,

    /// <summary>A <see cref="Scenes.Player"/>, shown by <c>[!player[caption](name)]</c>.</summary>
    Player,

    /// <summary>A sample whose printed text is shown by <c>[!output[caption](name)]</c>.</summary>
    Output,
}

/// <summary>A scene found in this assembly: its name, its kind and the method that runs it.</summary>
/// <param name="Name">The name chapters use.</param>
/// <param name="Kind">What it produces.</param>
/// <param name="Method">The static method marked with <see cref="SceneAttribute"/>.</param>
public sealed record SceneInfo(string Name, SceneKind Kind, MethodInfo Method);

/// <summary>The exception a scene threw, with the scene's name and the place in its source that threw.</summary>
public sealed class SceneFailedException : Exception
{
    /// <summary>Creates the exception for the scene <paramref name="scene"/>.</summary>
    public SceneFailedException(string scene, Exception inner)
        : base($"scene '{scene}' threw {inner?.GetType().Name}: {inner?.Message}{Where(inner)}", inner)
    {
        Scene = scene;
    }

    /// <summary>Creates an exception with a message.</summary>
    public SceneFailedException() => Scene = "";

    /// <summary>Creates an exception with a message.</summary>
    public SceneFailedException(string message) : base(message) => Scene = "";

    /// <summary>Gets the scene's name.</summary>
    public string Scene { get; }

    private static string Where(Exception? exception)
    {
        if (exception is null)
        {
            return "";
        }

        var frames = new System.Diagnostics.StackTrace(exception, fNeedFileInfo: true).GetFrames();
        var frame = frames.FirstOrDefault(static f => f.GetFileName() is not null);
        return frame is null ? "" : $" (at {Path.GetFileName(frame.GetFileName())}:{frame.GetFileLineNumber()})";
    }
}

/// <summary>Finds scenes by their <see cref="SceneAttribute"/> and runs them by name.</summary>
/// <remarks>
/// Scenes are found once, by reflection over the public static methods of the assemblies' public types. The catalog
/// checks every scene's shape when it is built (a figure returns <see cref="Figure"/>, a player <see cref="Player"/>,
/// a sample takes one <see cref="TextWriter"/> and returns nothing; no two scenes share a name), so a mistake in a
/// scene fails the first build that looks at any scene.
/// </remarks>
public sealed class SceneCatalog
{
    private static readonly Lazy<SceneCatalog> DefaultCatalog = new(static () => new SceneCatalog(typeof(SceneCatalog).Assembly));

    /// <summary>Creates the catalog of the scenes in <paramref name="assemblies"/>.</summary>
    /// <exception cref="InvalidOperationException">A scene has the wrong shape, or two share a name.</exception>
    public SceneCatalog(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        All = Find(assemblies);
    }

    /// <summary>Gets the catalog of the book's own scenes, those of this assembly.</summary>
    public static SceneCatalog Default => DefaultCatalog.Value;

    /// <summary>Gets every scene, by name.</summary>
    public IReadOnlyDictionary<string, SceneInfo> All { get; }

    /// <summary>Draws the figure named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No figure has that name.</exception>
    /// <exception cref="SceneFailedException">The scene threw.</exception>
    public Figure DrawFigure(string name) => (Figure)Invoke(name, SceneKind.Figure, [])!;

    /// <summary>Records the player named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No player has that name.</exception>
    /// <exception cref="SceneFailedException">The scene threw, or recorded no frame.</exception>
    public Player RecordPlayer(string name)
    {
        var player = (Player)Invoke(name, SceneKind.Player, [])!;
        return player.Frames.Count > 0 ? player : throw new SceneFailedException(name, new InvalidOperationException("the player recorded no frame"));
    }

    /// <summary>Runs the sample named <paramref name="name"/> and returns what it printed, line ends as <c>\n</c>.</summary>
    /// <exception cref="KeyNotFoundException">No sample has that name.</exception>
    /// <exception cref="SceneFailedException">The sample threw.</exception>
    public string RunSample(string name)
    {
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        Invoke(name, SceneKind.Output, [output]);
        return output.ToString().TrimEnd('\n');
    }

    private object? Invoke(string name, SceneKind kind, object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!All.TryGetValue(name, out var scene) || scene.Kind != kind)
        {
            var known = string.Join(", ", All.Values.Where(s => s.Kind == kind).Select(static s => s.Name).Order(StringComparer.Ordinal));
            throw new KeyNotFoundException($"no {kind.ToString().ToLowerInvariant()} scene named '{name}' (known: {known})");
        }

        try
        {
            return scene.Method.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new SceneFailedException(name, e.InnerException);
        }
    }

    private static Dictionary<string, SceneInfo> Find(Assembly[] assemblies)
    {
        var scenes = new Dictionary<string, SceneInfo>(StringComparer.Ordinal);
        var methods = assemblies.SelectMany(static a => a.GetExportedTypes())
            .SelectMany(static t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly));
        foreach (var method in methods)
        {
            if (method.GetCustomAttribute<SceneAttribute>() is not { } attribute)
            {
                continue;
            }

            var parameters = method.GetParameters();
            var kind = method.ReturnType == typeof(Figure) && parameters.Length == 0 ? SceneKind.Figure
                : method.ReturnType == typeof(Player) && parameters.Length == 0 ? SceneKind.Player
                : method.ReturnType == typeof(void) && parameters.Length == 1 && parameters[0].ParameterType == typeof(TextWriter) ? SceneKind.Output
                : throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name}: a scene returns Figure or Player and takes nothing, or takes a TextWriter and returns nothing");
            if (!scenes.TryAdd(attribute.Name, new SceneInfo(attribute.Name, kind, method)))
            {
                throw new InvalidOperationException($"two scenes are named '{attribute.Name}': {scenes[attribute.Name].Method.DeclaringType!.Name}.{scenes[attribute.Name].Method.Name} and {method.DeclaringType!.Name}.{method.Name}");
            }
        }

        return scenes;
    }
}
