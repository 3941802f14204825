namespace Book.Tests;

/// <summary>
/// Which Chromium the browser tests pick in which situation, decided from a made-up environment over a temporary
/// folder tree (nothing is installed or launched).
/// </summary>
[Trait("Part", "book")]
public sealed class BrowserFinderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("browser-finder").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Playwrights_own_chromium_comes_first_and_the_newest_revision_wins()
    {
        var home = Dir("home");
        File(home, ".cache/ms-playwright/chromium-1100/chrome-linux/chrome");
        var newest = File(home, ".cache/ms-playwright/chromium-1140/chrome-linux64/chrome");
        File(home, ".cache/ms-playwright/chromium_headless_shell-1200/chrome-linux/headless_shell");
        var bin = Dir("bin");
        File(bin, "chromium");

        Decide(path: bin, home: home).Should().Be(new BrowserChoice(BrowserAction.Use, newest));
    }

    [Fact]
    public void PLAYWRIGHT_BROWSERS_PATH_then_XDG_CACHE_HOME_say_where_Playwrights_browsers_are()
    {
        var home = Dir("home");
        File(home, ".cache/ms-playwright/chromium-1140/chrome-linux/chrome");
        var cache = Dir("xdg");
        var inCache = File(cache, "ms-playwright/chromium-1140/chrome-linux/chrome");
        var browsers = Dir("browsers");
        var inBrowsers = File(browsers, "chromium-1000/chrome-linux/chrome");

        Decide(home: home, xdg: cache, browsers: browsers).Detail.Should().Be(inBrowsers);
        Decide(home: home, xdg: cache).Detail.Should().Be(inCache);
        Decide(home: home, xdg: cache, browsers: "0").Detail.Should().Be(inCache, "PLAYWRIGHT_BROWSERS_PATH=0 means the package's own folder, not a path");
    }

    [Fact]
    public void Chromium_on_PATH_is_used_when_Playwright_has_none_the_first_directory_winning()
    {
        var home = Dir("home");
        Dir("home/.cache/ms-playwright/chromium-1140/chrome-linux"); // an interrupted download: no executable
        var empty = Dir("empty");
        var first = Dir("first");
        var second = Dir("second");
        var chromium = File(first, "chromium");
        File(second, "chromium");

        var path = string.Join(Path.PathSeparator, empty, first, second);
        Decide(path: path, home: home, isRoot: true, apt: true).Should().Be(new BrowserChoice(BrowserAction.Use, chromium));
    }

    [Fact]
    public void With_no_browser_root_on_a_Debian_system_installs_Debians_chromium()
    {
        Decide(path: Dir("bin"), home: Dir("home"), isRoot: true, apt: true).Should().Be(new BrowserChoice(BrowserAction.Install, ""));
    }

    [Theory]
    [InlineData(false, true, "not running as root, so not installing it")]
    [InlineData(true, false, "no apt-get to install it with")]
    [InlineData(false, false, "no apt-get to install it with")]
    public void Otherwise_the_tests_stop_with_one_line_saying_what_to_install(bool isRoot, bool apt, string why)
    {
        var home = Dir("home");
        var choice = Decide(path: Dir("bin"), home: home, isRoot: isRoot, apt: apt);

        choice.Action.Should().Be(BrowserAction.Fail);
        choice.Detail.Should().NotContain("\n").And.Contain(why)
            .And.Contain(Path.Combine(home, ".cache", "ms-playwright"))
            .And.EndWith("install Debian's Chromium: sudo apt-get update && sudo apt-get install -y chromium");
    }

    [Fact]
    public void An_unset_PATH_and_home_find_nothing_and_a_missing_environment_is_an_error()
    {
        BrowserFinder.Decide(new BrowserEnvironment(null, null, null, null, IsRoot: false, AptGetPresent: false)).Action.Should().Be(BrowserAction.Fail);
        var act = () => BrowserFinder.Decide(null!);
        act.Should().Throw<ArgumentNullException>();
    }

    private static BrowserChoice Decide(string? path = null, string? home = null, string? xdg = null, string? browsers = null, bool isRoot = false, bool apt = false) =>
        BrowserFinder.Decide(new BrowserEnvironment(path, home, xdg, browsers, isRoot, apt));

    private string Dir(string relative) => Directory.CreateDirectory(Path.Combine(root, relative)).FullName;

    private static string File(string directory, string relative)
    {
        var path = Path.Combine(directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, "");
        return path;
    }
}
