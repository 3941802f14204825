using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Traces.Conformance.Tests;

/// <summary>
/// The README's "Check your own trace" section works as pasted: its C# compiles in a fresh project beside the
/// template's skeleton trace, and the package versions it and the template name are the ones the series tests with.
/// </summary>
[Trait("Part", "shared")]
public sealed partial class ReadmeSnippetTests
{
    private const string Heading = "## Check your own trace";

    [Fact]
    public void The_csharp_under_check_your_own_trace_compiles_against_the_suite_beside_the_skeleton_trace()
    {
        string[] snippets = Blocks(Section(), "csharp");
        snippets.Should().NotBeEmpty($"the README shows the subclass of the suite under \"{Heading}\"");

        // What a fresh SDK project with implicit usings has, the code as pasted, and the trace it refers to.
        string implicitUsings = string.Concat(
            ((string[])["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http",
                "System.Threading", "System.Threading.Tasks"])
            .Select(name => $"global using global::{name};\n"));
        const string Skeleton = "templates/trace-check/MyTrace.cs";
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        SyntaxTree[] trees =
        [
            CSharpSyntaxTree.ParseText(implicitUsings, options, "ImplicitUsings.cs"),
            CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(Repository.Root, Skeleton)), options, Skeleton),
            .. snippets.Select((text, i) => CSharpSyntaxTree.ParseText(text, options, $"README.md, C# block {i + 1}")),
        ];

        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);

        var errors = result.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .Select(diagnostic => diagnostic.ToString());
        errors.Should().BeEmpty("the README's code must compile as pasted");
        result.Success.Should().BeTrue();
    }

    [Fact]
    public void The_template_and_the_readme_name_the_test_packages_at_the_series_own_versions()
    {
        var central = XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(package => (string)package.Attribute("Include")!, package => (string)package.Attribute("Version")!);
        var template = PackageVersions(
            XDocument.Load(Path.Combine(Repository.Root, "templates/trace-check/MyTrace.csproj")));
        var readme = PackageVersions(XDocument.Parse(Blocks(Section(), "xml").Should().ContainSingle().Subject));

        string[] testPackages = ["Microsoft.NET.Test.Sdk", "xunit", "xunit.runner.visualstudio", "FluentAssertions"];
        var expected = testPackages.ToDictionary(name => name, name => central[name]);
        template.Should().Equal(expected);
        readme.Should().Equal(expected);
    }

    /// <summary>The README's text from <see cref="Heading"/> to the next second-level heading.</summary>
    private static string Section()
    {
        string readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).ReplaceLineEndings("\n");
        int start = readme.IndexOf(Heading + "\n", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"README.md has the heading \"{Heading}\"");
        int end = readme.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    /// <summary>The contents of the fenced blocks of <paramref name="language"/> in <paramref name="markdown"/>.</summary>
    private static string[] Blocks(string markdown, string language) =>
        Fence().Matches(markdown).Where(match => match.Groups["language"].Value == language)
            .Select(match => match.Groups["code"].Value).ToArray();

    /// <summary>Each package reference's version, by package name.</summary>
    private static Dictionary<string, string> PackageVersions(XDocument project) =>
        project.Descendants("PackageReference")
            .ToDictionary(package => (string)package.Attribute("Include")!, package => (string)package.Attribute("Version")!);

    /// <summary>The framework's assemblies, the suite's, the contract's and xUnit's.</summary>
    private static List<MetadataReference> References()
    {
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == framework)
            .Concat([
                typeof(TraceConformance).Assembly.Location,
                typeof(ITrace<,,,>).Assembly.Location,
                typeof(FactAttribute).Assembly.Location,
                typeof(Assert).Assembly.Location,
                typeof(Xunit.Abstractions.ITestOutputHelper).Assembly.Location,
            ]);
        return [.. paths.Select(path => MetadataReference.CreateFromFile(path))];
    }

    [GeneratedRegex(@"^```(?<language>\w+)\n(?<code>.*?)\n```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
