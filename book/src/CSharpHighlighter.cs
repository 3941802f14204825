using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Classification;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Book;

/// <summary>Colours C# at build time with Roslyn's classifier: spans with CSS classes, no script needed.</summary>
/// <remarks>
/// A snippet is classified inside its whole source file, and the file inside its project (every <c>.cs</c> file
/// under the nearest directory with a <c>.csproj</c>, and under the projects it references), so names resolve as
/// they do when the code compiles: a type is coloured as a type, a method as a method. Each file is classified once and cached as one CSS class per
/// character; a snippet line is then a slice of its source line, shifted by the dedent.
/// </remarks>
internal sealed partial class CSharpHighlighter : IDisposable
{
    /// <summary>The assemblies snippets are resolved against: enough for the base types, collections and generic math.</summary>
    private static readonly string[] CoreAssemblies =
        ["System.Private.CoreLib", "System.Runtime", "System.Collections", "System.Linq", "System.Memory", "System.Runtime.Intrinsics"];

    /// <summary>The global usings the SDK adds to every project with implicit usings, as the build does.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private readonly string repositoryRoot;
    private readonly AdhocWorkspace workspace = new();
    private readonly MetadataReference[] references;
    private readonly Dictionary<string, ProjectId> projectsByDirectory = [];
    private readonly Dictionary<string, string?[][]> classesByFile = [];

    /// <summary>Creates a highlighter for the files of one repository.</summary>
    public CSharpHighlighter(string repositoryRoot)
    {
        this.repositoryRoot = Path.GetFullPath(repositoryRoot);
        var platform = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "";
        references = platform.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(static p => CoreAssemblies.Contains(Path.GetFileNameWithoutExtension(p)))
            .Select(static p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    }

    /// <summary>Returns the HTML of each line of <paramref name="snippet"/>, coloured, without line wrappers.</summary>
    public IReadOnlyList<string> HighlightLines(Snippet snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var classes = ClassesOf(snippet.FullPath);
        return snippet.Lines
            .Select(l => RenderLine(l.Text, l.SourceLine - 1 < classes.Length ? classes[l.SourceLine - 1] : [], l.Dedent))
            .ToArray();
    }

    /// <summary>Returns the HTML of each line of a piece of C# that has no file (a fenced block in a chapter).</summary>
    public IReadOnlyList<string> HighlightCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var project = NewProject("Fence");
        var document = workspace.CurrentSolution.AddProject(project).GetProject(project.Id)!.AddDocument("Fence.cs", SourceText.From(code));
        var classes = Classify(document, code);
        return code.Split('\n').Select((line, i) => RenderLine(line, classes[i], 0)).ToArray();
    }

    /// <summary>Returns the HTML of a line with no colours: the text, escaped.</summary>
    public static string Plain(string line) => WebUtility.HtmlEncode(line);

    /// <inheritdoc/>
    public void Dispose() => workspace.Dispose();

    private string?[][] ClassesOf(string fullPath)
    {
        if (!classesByFile.TryGetValue(fullPath, out var classes))
        {
            var text = RepositoryPaths.ReadText(fullPath);
            var document = DocumentFor(fullPath, text);
            classes = Classify(document, text);
            classesByFile[fullPath] = classes;
        }

        return classes;
    }

    private Document DocumentFor(string fullPath, string text)
    {
        var directory = ProjectDirectory(fullPath);
        if (!projectsByDirectory.TryGetValue(directory, out var projectId))
        {
            projectId = workspace.AddProject(NewProject(directory)).Id;
            projectsByDirectory[directory] = projectId;
            var files = directory == Path.GetDirectoryName(fullPath) && !HasProjectFile(directory)
                ? [fullPath]
                : ProjectWithReferences(directory).SelectMany(static d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories)).Where(IsSource);
            foreach (var file in files)
            {
                workspace.AddDocument(projectId, file, SourceText.From(RepositoryPaths.ReadText(file)));
            }
        }

        var project = workspace.CurrentSolution.GetProject(projectId)!;
        var existing = project.Documents.FirstOrDefault(d => d.Name == fullPath);
        return existing ?? workspace.AddDocument(projectId, fullPath, SourceText.From(text));
    }

    /// <summary>A project as the series' build rules make it: nullable on, latest language, implicit usings.</summary>
    private ProjectInfo NewProject(string name)
    {
        var id = ProjectId.CreateNewId();
        var implicitUsings = DocumentInfo.Create(DocumentId.CreateNewId(id), "ImplicitUsings.g.cs",
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(ImplicitUsings), VersionStamp.Default)));
        return ProjectInfo.Create(id, VersionStamp.Default, name, name, LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Preview),
            documents: [implicitUsings],
            metadataReferences: references);
    }

    private string ProjectDirectory(string fullPath)
    {
        for (var dir = Path.GetDirectoryName(fullPath); dir is not null && dir.StartsWith(repositoryRoot, StringComparison.Ordinal);
             dir = Path.GetDirectoryName(dir))
        {
            if (HasProjectFile(dir))
            {
                return dir;
            }
        }

        return Path.GetDirectoryName(fullPath)!;
    }

    /// <summary>
    /// The project's directory and those of the projects it references, transitively: a part's code names types
    /// from earlier parts, and they are coloured as types only if their source is in the same compilation.
    /// </summary>
    private static List<string> ProjectWithReferences(string directory)
    {
        var found = new List<string>();
        var pending = new Stack<string>([directory]);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (found.Contains(next) || !Directory.Exists(next))
            {
                continue;
            }

            found.Add(next);
            foreach (var project in Directory.EnumerateFiles(next, "*.csproj"))
            {
                foreach (Match reference in ProjectReference().Matches(File.ReadAllText(project)))
                {
                    var referenced = Path.GetFullPath(Path.Combine(next, reference.Groups["path"].Value.Replace('\\', '/')));
                    pending.Push(Path.GetDirectoryName(referenced)!);
                }
            }
        }

        return found;
    }

    private static bool HasProjectFile(string directory) => Directory.EnumerateFiles(directory, "*.csproj").Any();

    private static bool IsSource(string path)
    {
        var separator = Path.DirectorySeparatorChar;
        return !path.Contains($"{separator}bin{separator}", StringComparison.Ordinal)
            && !path.Contains($"{separator}obj{separator}", StringComparison.Ordinal);
    }

    private static string?[][] Classify(Document document, string text)
    {
        var spans = Classifier.GetClassifiedSpansAsync(document, new TextSpan(0, text.Length)).GetAwaiter().GetResult();
        var perCharacter = new string?[text.Length];
        foreach (var span in spans)
        {
            var css = CssClass(span.ClassificationType);
            if (css is null)
            {
                continue;
            }

            for (var k = span.TextSpan.Start; k < span.TextSpan.End && k < perCharacter.Length; k++)
            {
                perCharacter[k] = css;
            }
        }

        var lines = new List<string?[]>();
        var start = 0;
        for (var k = 0; k <= text.Length; k++)
        {
            if (k == text.Length || text[k] == '\n')
            {
                lines.Add(perCharacter[start..k]);
                start = k + 1;
            }
        }

        return [.. lines];
    }

    private static string RenderLine(string text, string?[] classes, int offset)
    {
        var html = new StringBuilder();
        var k = 0;
        while (k < text.Length)
        {
            var css = offset + k < classes.Length ? classes[offset + k] : null;
            var end = k + 1;
            while (end < text.Length && (offset + end < classes.Length ? classes[offset + end] : null) == css)
            {
                end++;
            }

            var piece = WebUtility.HtmlEncode(text[k..end]);
            html.Append(css is null ? piece : $"<span class=\"{css}\">{piece}</span>");
            k = end;
        }

        return html.ToString();
    }

    /// <summary>Maps a Roslyn classification to one of the stylesheet's token classes, or none.</summary>
    [GeneratedRegex("<ProjectReference\\s+Include=\"(?<path>[^\"]+)\"")]
    private static partial Regex ProjectReference();

    private static string? CssClass(string classification) => classification switch
    {
        ClassificationTypeNames.Keyword or ClassificationTypeNames.ControlKeyword => "tk-keyword",
        ClassificationTypeNames.PreprocessorKeyword or ClassificationTypeNames.PreprocessorText => "tk-preprocessor",
        ClassificationTypeNames.StringLiteral or ClassificationTypeNames.VerbatimStringLiteral
            or ClassificationTypeNames.StringEscapeCharacter => "tk-string",
        ClassificationTypeNames.NumericLiteral => "tk-number",
        ClassificationTypeNames.Comment => "tk-comment",
        ClassificationTypeNames.ClassName or ClassificationTypeNames.RecordClassName or ClassificationTypeNames.StructName
            or ClassificationTypeNames.RecordStructName or ClassificationTypeNames.InterfaceName
            or ClassificationTypeNames.EnumName or ClassificationTypeNames.DelegateName
            or ClassificationTypeNames.TypeParameterName or ClassificationTypeNames.NamespaceName => "tk-type",
        ClassificationTypeNames.MethodName or ClassificationTypeNames.ExtensionMethodName => "tk-method",
        ClassificationTypeNames.LocalName or ClassificationTypeNames.ParameterName => "tk-local",
        ClassificationTypeNames.FieldName or ClassificationTypeNames.PropertyName or ClassificationTypeNames.EventName
            or ClassificationTypeNames.ConstantName or ClassificationTypeNames.EnumMemberName => "tk-member",
        _ when classification.StartsWith("xml doc comment", StringComparison.Ordinal) => "tk-doc",
        _ => null,
    };
}
