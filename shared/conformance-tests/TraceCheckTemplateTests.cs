using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Traces.Conformance.Tests;

/// <summary>
/// The <c>trace-check</c> template (<c>templates/trace-check</c>) as a reader uses it: installed, instantiated
/// outside and inside the clone, and run with <c>dotnet test</c>, first with its skeleton trace, then with a
/// correct one; and what a bad name or a missing clone gets.
/// </summary>
/// <remarks>
/// The tests start real <c>dotnet</c> processes (restore from the local package cache, build, test), one after
/// another, and share one installation of the template in a private hive, so the user's own <c>dotnet new</c>
/// state is untouched. Every folder they create is deleted at the end. Builds run with <c>-nodeReuse:false</c>, so
/// no MSBuild node outlives them; like every <c>dotnet build</c>, they share the compiler server (without it, each
/// build starts a cold compiler, and the class takes twice as long).
/// </remarks>
[Trait("Part", "shared")]
public sealed partial class TraceCheckTemplateTests(InstalledTraceCheckTemplate template)
    : IClassFixture<InstalledTraceCheckTemplate>
{
    [Fact]
    public void Outside_the_clone_the_skeleton_fails_with_its_message_and_a_correct_trace_then_passes()
    {
        string project = template.Create("HashTrace", outsideTheClone: true, "--series", Repository.Root);

        var skeleton = Dotnet.Run(project, "test", "-nodeReuse:false");
        skeleton.ExitCode.Should().NotBe(0, skeleton.Output);
        skeleton.Output.Should().Contain("System.NotImplementedException : HashTrace.Add is not written yet: ");
        var (failed, passed, total) = Totals(skeleton.Output);
        total.Should().BeGreaterThan(30, "the whole suite runs against the skeleton");
        (failed, passed).Should().Be((total, 0), "every case calls a member the skeleton has not written");

        // Part 1's trace, renamed: what a reader who has written a correct trace has.
        string hashMapTrace = File.ReadAllText(Path.Combine(Repository.Root, "part1-hashmap/src/HashMapTrace.cs"));
        hashMapTrace.Should().Contain("namespace Traces.HashMap;");
        File.WriteAllText(
            Path.Combine(project, "HashTrace.cs"),
            hashMapTrace
                .Replace("namespace Traces.HashMap;", "using Traces;\n\nnamespace TraceCheck;", StringComparison.Ordinal)
                .Replace("HashMapTrace", "HashTrace", StringComparison.Ordinal));

        var written = Dotnet.Run(project, "test", "-nodeReuse:false");
        written.ExitCode.Should().Be(0, written.Output);
        Totals(written.Output).Should().Be((0, total, total));
    }

    [Fact]
    public void Inside_the_clone_the_project_finds_the_suite_without_series_and_builds()
    {
        // The root's Directory.Build.props (warnings as errors) and Directory.Packages.props (central versions)
        // must not reach it: the project's own two files stop the search.
        string project = template.Create("MyTrace", outsideTheClone: false);

        var build = Dotnet.Run(project, "build", "-nodeReuse:false");

        build.ExitCode.Should().Be(0, build.Output);
    }

    [Theory]
    [InlineData("1bad", "_1bad")]
    [InlineData("my-trace", "my_trace")]
    public void A_name_that_is_not_a_class_name_fails_the_first_build_with_one_line_naming_it(
        string name, string suggestion)
    {
        // The template engine cannot refuse a name; it writes a safe form of it into the code, and the build
        // refuses before the compiler runs.
        string project = template.Create(name, outsideTheClone: false);

        var build = Dotnet.Run(project, "build", "-nodeReuse:false");

        build.ExitCode.Should().NotBe(0);
        ErrorLines(build.Output).Should().ContainSingle().Which.Should().Contain(
            $"'{name}' is not a valid C# class name: use letters, digits and '_', not starting with a digit; "
            + $"delete this folder and run dotnet new trace-check -n {suggestion} (or another valid name).");
    }

    [Fact]
    public void Outside_the_clone_without_series_the_first_build_names_the_parameter()
    {
        string project = template.Create("MyTrace", outsideTheClone: true);

        var build = Dotnet.Run(project, "build", "-nodeReuse:false");

        build.ExitCode.Should().NotBe(0);
        ErrorLines(build.Output).Should().ContainSingle().Which.Should().Contain(
            "is not inside a clone of the series: run dotnet new trace-check with --series /path/to/the/clone");
    }

    [Fact]
    public void A_series_that_is_not_a_clone_fails_the_first_build_naming_the_folder()
    {
        string project = template.Create("MyTrace", outsideTheClone: true, "--series", Path.GetTempPath());

        var build = Dotnet.Run(project, "build", "-nodeReuse:false");

        build.ExitCode.Should().NotBe(0);
        ErrorLines(build.Output).Should().ContainSingle().Which.Should().Contain(
            "is not a clone of the series (it has no shared/conformance/Traces.Conformance.csproj)");
    }

    /// <summary>The failed, passed and total counts of the one summary line <c>dotnet test</c> prints.</summary>
    private static (int Failed, int Passed, int Total) Totals(string output)
    {
        var summaries = Summary().Matches(output);
        summaries.Should().ContainSingle(output);
        var groups = summaries[0].Groups;
        return (int.Parse(groups[1].Value), int.Parse(groups[2].Value), int.Parse(groups[4].Value));
    }

    /// <summary>The distinct error lines of a build (MSBuild prints each twice: as it happens and in the summary).</summary>
    private static string[] ErrorLines(string output) =>
        output.Split('\n').Select(line => line.Trim()).Where(line => line.Contains(": error ", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"(?:Passed|Failed)! +- +Failed: +(\d+), Passed: +(\d+), Skipped: +(\d+), Total: +(\d+)")]
    private static partial Regex Summary();
}

/// <summary>
/// The <c>trace-check</c> template installed from the clone into a private template hive in a temporary folder,
/// and the projects created from it; all deleted on disposal.
/// </summary>
public sealed class InstalledTraceCheckTemplate : IDisposable
{
    private readonly string _hive = Path.Combine(Path.GetTempPath(), "trace-check-hive-" + Guid.NewGuid().ToString("N"));

    // Every folder a project was created in, to delete on disposal.
    private readonly List<string> _folders = [];

    /// <summary>Installs the template from the clone into the private hive.</summary>
    public InstalledTraceCheckTemplate()
    {
        var install = Dotnet.Run(
            Repository.Root, "new", "install", Path.Combine(Repository.Root, "templates/trace-check"),
            "--debug:custom-hive", _hive);
        install.ExitCode.Should().Be(0, install.Output);
    }

    /// <summary>
    /// Runs <c>dotnet new trace-check -n NAME</c> into a new folder, in the system's temporary folder or under this
    /// test assembly's output folder (inside the clone), and returns the project's folder.
    /// </summary>
    /// <param name="name">The name given with <c>-n</c>.</param>
    /// <param name="outsideTheClone">Whether to create the project outside the clone.</param>
    /// <param name="arguments">Further template arguments.</param>
    public string Create(string name, bool outsideTheClone, params string[] arguments)
    {
        string folder = Path.Combine(
            outsideTheClone ? Path.GetTempPath() : AppContext.BaseDirectory, "trace-check-" + Guid.NewGuid().ToString("N"));
        _folders.Add(folder);
        string project = Path.Combine(folder, name);

        var create = Dotnet.Run(
            Path.GetTempPath(),
            ["new", "trace-check", "-n", name, "-o", project, "--debug:custom-hive", _hive, .. arguments]);

        create.ExitCode.Should().Be(0, create.Output);
        return project;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (string folder in (string[])[.. _folders, _hive])
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}

/// <summary>Runs the <c>dotnet</c> command line as a reader would, apart from this test run's own build.</summary>
internal static class Dotnet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> and returns its exit code and its output.</summary>
    /// <param name="workingDirectory">The folder to run in.</param>
    /// <param name="arguments">The arguments.</param>
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test run's own MSBuild settings (set by the dotnet test that runs this) must not leak in.
        foreach (string variable in start.Environment.Keys.ToArray())
        {
            if (variable.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || variable.StartsWith("VSTest", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(variable);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";

        // These runs check the template, not the trace in it (part 1's own tests run the full suite against it):
        // the checkpoint's cap on sequences per family keeps them to seconds.
        start.Environment["TRACES_SEQUENCES_CAP"] = "100";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} took over {Timeout}.");
        }

        return (process.ExitCode, output.GetAwaiter().GetResult() + error.GetAwaiter().GetResult());
    }
}
