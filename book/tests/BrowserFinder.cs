using System.Diagnostics;
using System.Globalization;

namespace Book.Tests;

/// <summary>What the browser tests can see of the machine when they look for a Chromium.</summary>
/// <param name="Path">The <c>PATH</c> variable, or <see langword="null"/> if unset.</param>
/// <param name="Home">The home directory, or <see langword="null"/> if unknown.</param>
/// <param name="XdgCacheHome">The <c>XDG_CACHE_HOME</c> variable (Playwright's cache lives under it on Linux), or <see langword="null"/>.</param>
/// <param name="PlaywrightBrowsersPath">The <c>PLAYWRIGHT_BROWSERS_PATH</c> variable, or <see langword="null"/>.</param>
/// <param name="IsRoot">Whether the process runs as root (so it may run the package manager).</param>
/// <param name="AptGetPresent">Whether <c>/usr/bin/apt-get</c> exists (a Debian-like system).</param>
internal sealed record BrowserEnvironment(
    string? Path, string? Home, string? XdgCacheHome, string? PlaywrightBrowsersPath, bool IsRoot, bool AptGetPresent)
{
    /// <summary>The package manager the tests may run, when <see cref="AptGetPresent"/> and <see cref="IsRoot"/>.</summary>
    public const string AptGet = "/usr/bin/apt-get";

    /// <summary>Reads this process's environment.</summary>
    public static BrowserEnvironment Current() => new(
        Environment.GetEnvironmentVariable("PATH"),
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? home : null,
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME"),
        Environment.GetEnvironmentVariable("PLAYWRIGHT_BROWSERS_PATH"),
        EffectiveUserIsRoot(),
        File.Exists(AptGet));

    /// <summary>The folder Playwright installs its browsers into, as Playwright itself chooses it on Linux.</summary>
    public string? PlaywrightBrowsers =>
        PlaywrightBrowsersPath is { Length: > 0 } and not "0" ? PlaywrightBrowsersPath
        : XdgCacheHome is { Length: > 0 } ? System.IO.Path.Combine(XdgCacheHome, "ms-playwright")
        : Home is not null ? System.IO.Path.Combine(Home, ".cache", "ms-playwright")
        : null;

    /// <summary>Whether the effective user id is 0, from <c>/proc/self/status</c> (false where there is none).</summary>
    private static bool EffectiveUserIsRoot()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return false;
        }

        // "Uid:\treal\teffective\tsaved\tfilesystem"
        var uid = File.ReadLines(status).FirstOrDefault(static l => l.StartsWith("Uid:", StringComparison.Ordinal));
        var fields = uid?.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 2 } && fields[2] == "0";
    }
}

/// <summary>What the browser tests do for a browser: use one, install Debian's, or stop with what to install.</summary>
/// <param name="Action">Which of the three.</param>
/// <param name="Detail">The executable to use, or the one-line message to stop with (empty for an install).</param>
internal sealed record BrowserChoice(BrowserAction Action, string Detail);

/// <summary>The three outcomes of <see cref="BrowserFinder.Decide"/>.</summary>
internal enum BrowserAction
{
    /// <summary>Launch the executable in <see cref="BrowserChoice.Detail"/>.</summary>
    Use,

    /// <summary>Install Debian's <c>chromium</c> with apt-get, then decide again.</summary>
    Install,

    /// <summary>Stop: <see cref="BrowserChoice.Detail"/> says what to install.</summary>
    Fail,
}

/// <summary>
/// Finds the Chromium the browser tests drive, never downloading one: Playwright's own if the reader installed it,
/// else <c>chromium</c> on <c>PATH</c>, else Debian's package installed by apt-get (as root, once per machine at a
/// time), else a failure that says what to install.
/// </summary>
internal static class BrowserFinder
{
    /// <summary>The one-line instruction a failure ends with.</summary>
    public const string InstallHint = "install Debian's Chromium: sudo apt-get update && sudo apt-get install -y chromium";

    // One decision (and at most one install) per test run, however many fixtures ask.
    private static readonly Lazy<Task<string>> Found = new(FindOrInstallAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Returns the Chromium to launch, installing Debian's first if that is the only way; throws with what to install otherwise.</summary>
    public static Task<string> ExecutableAsync() => Found.Value;

    /// <summary>Decides, from <paramref name="environment"/> alone, which browser to use or what to do instead.</summary>
    public static BrowserChoice Decide(BrowserEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (PlaywrightChromium(environment.PlaywrightBrowsers) is { } playwright)
        {
            return new(BrowserAction.Use, playwright);
        }

        if (OnPath(environment.Path, "chromium") is { } chromium)
        {
            return new(BrowserAction.Use, chromium);
        }

        if (environment.AptGetPresent && environment.IsRoot)
        {
            return new(BrowserAction.Install, "");
        }

        var why = environment.AptGetPresent ? "not running as root, so not installing it" : "no apt-get to install it with";
        return new(BrowserAction.Fail,
            $"The browser tests found no Chromium (no Playwright chromium under {environment.PlaywrightBrowsers ?? "~/.cache/ms-playwright"}, " +
            $"no chromium on PATH; {why}): {InstallHint}");
    }

    /// <summary>
    /// The newest <c>chromium-REVISION/chrome-linux*/chrome</c> under Playwright's browser folder, or
    /// <see langword="null"/>. Older Playwright builds name the folder <c>chrome-linux</c>, newer ones <c>chrome-linux64</c>.
    /// </summary>
    private static string? PlaywrightChromium(string? browsers)
    {
        if (browsers is null || !Directory.Exists(browsers))
        {
            return null;
        }

        return Directory.EnumerateDirectories(browsers, "chromium-*")
            .Select(static d => (Directory: d, Revision: int.TryParse(Path.GetFileName(d)["chromium-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : -1))
            .Where(static d => d.Revision >= 0)
            .OrderByDescending(static d => d.Revision)
            .SelectMany(static d => Directory.EnumerateDirectories(d.Directory, "chrome-linux*").Order(StringComparer.Ordinal))
            .Select(static d => Path.Combine(d, "chrome"))
            .FirstOrDefault(File.Exists);
    }

    private static string? OnPath(string? path, string name) =>
        (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    private static async Task<string> FindOrInstallAsync()
    {
        var choice = Decide(BrowserEnvironment.Current());
        if (choice.Action == BrowserAction.Install)
        {
            await InstallOnceAsync();
            // Decide again without apt-get, so a package that installed no chromium fails instead of looping.
            choice = Decide(BrowserEnvironment.Current() with { AptGetPresent = false });
            if (choice.Action == BrowserAction.Fail)
            {
                choice = choice with { Detail = "apt-get installed chromium, yet there is no chromium on PATH (is /usr/bin on it?)" };
            }
        }

        return choice.Action == BrowserAction.Use ? choice.Detail : throw new InvalidOperationException(choice.Detail);
    }

    /// <summary>
    /// Installs Debian's <c>chromium</c>, holding a file lock so that two test processes on the machine do not run
    /// apt-get at once; the second finds the first one's browser on PATH and installs nothing.
    /// </summary>
    private static async Task InstallOnceAsync()
    {
        var lockPath = Path.Combine(Path.GetTempPath(), "book-tests-chromium-install.lock");
        using var held = await LockAsync(lockPath);
        if (OnPath(Environment.GetEnvironmentVariable("PATH"), "chromium") is not null)
        {
            return;
        }

        await Console.Error.WriteLineAsync("Installing Debian's chromium for the book's browser tests (apt-get, once)...");
        await RunAptGetAsync("update", "-qq");
        await RunAptGetAsync("install", "-y", "-qq", "chromium");
    }

    private static async Task<FileStream> LockAsync(string path)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromMinutes(10))
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task RunAptGetAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(BrowserEnvironment.AptGet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {BrowserEnvironment.AptGet}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var last = ((await error) + "\n" + (await output)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault() ?? "no output";
            throw new InvalidOperationException(
                $"apt-get {string.Join(' ', arguments)} failed with exit code {process.ExitCode} ({last}): {InstallHint}");
        }
    }
}
