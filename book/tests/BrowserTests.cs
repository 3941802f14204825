using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Book.Tests;

/// <summary>
/// Opens the real site from disk in headless Chromium (found or installed by <see cref="BrowserFinder"/>) and uses it as a reader
/// would: sidebar, previous/next links and arrow keys, search, the print page, the theme toggle and a phone-sized
/// window. Every test also checks that the page logged no error and asked for nothing but <c>file://</c> URLs.
/// </summary>
[Trait("Part", "book")]
[Collection(RealSiteCollection.Name)]
public sealed class BrowserTests(RealSiteFixture site, BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly List<string> consoleErrors = [];
    private readonly List<string> requests = [];
    private readonly List<IPage> pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task Sidebar_links_and_arrow_keys_walk_the_book_in_order_to_the_print_page()
    {
        var page = await Open("index.html");
        var chapters = await page.EvalOnSelectorAllAsync<string[]>("#book-sidebar a", "links => links.map(a => a.getAttribute('href'))");
        chapters.First().Should().Be("index.html");
        chapters.Last().Should().Be("print.html");

        for (var i = 1; i < chapters.Length; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
            await Arrived(page, chapters[i]);
            (await page.GetAttributeAsync("#book-sidebar a[aria-current=page]", "href")).Should().Be(chapters[i]);
            (await page.Locator("a[rel=prev]").CountAsync()).Should().Be(1, chapters[i]);
            (await page.Locator("a[rel=next]").CountAsync()).Should().Be(i == chapters.Length - 1 ? 0 : 1, chapters[i]);
        }

        var sections = await page.EvalOnSelectorAllAsync<string[]>("section.print-chapter", "s => s.map(x => x.id)");
        sections.Select(static s => s + ".html").Should().Equal(chapters[1..^1], "the print page holds every chapter in order");

        await page.Keyboard.PressAsync("ArrowLeft");
        await Arrived(page, chapters[^2]);
        await page.ClickAsync("a[rel=prev]");
        await Arrived(page, chapters[^3]);
        AssertCleanRun();
    }

    [Fact]
    public async Task Slash_focuses_search_and_a_result_leads_to_its_section()
    {
        var page = await Open("index.html");
        await page.WaitForFunctionAsync("() => window.book && window.book.searchReady === true");
        await page.Keyboard.PressAsync("/");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("book-search");

        var query = await page.EvaluateAsync<string>(
            "() => window.bookSearchIndex.find(e => e.u.includes('#') && /^[A-Za-z]{5,}/.test(e.s)).s.split(' ')[0]");
        await page.Keyboard.TypeAsync(query);
        var first = page.Locator("#book-search-results a").First;
        await first.WaitForAsync();
        var href = await first.GetAttributeAsync("href");
        href.Should().Contain(".html");
        await first.ClickAsync();
        await Arrived(page, href!);
        var hash = href!.Contains('#', StringComparison.Ordinal) ? href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..] : null;
        if (hash is not null)
        {
            (await page.EvaluateAsync<bool>("id => document.getElementById(id) !== null", hash)).Should().BeTrue($"{href} names a section");
        }

        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("zzqqxxnotaword");
        await page.Locator("#book-search-results .search-none").WaitForAsync();
        AssertCleanRun();
    }

    [Fact]
    public async Task The_theme_toggle_switches_colours_and_the_system_preference_is_followed()
    {
        var page = await Open("index.html");
        await ForgetTheme(page);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
        var light = await Background(page);
        await page.ClickAsync("#book-theme-toggle");
        (await page.GetAttributeAsync("html", "data-theme")).Should().Be("dark");
        var dark = await Background(page);
        dark.Should().NotBe(light);

        await page.ClickAsync("#book-theme-toggle");
        (await page.GetAttributeAsync("html", "data-theme")).Should().Be("light");
        (await Background(page)).Should().Be(light);

        var fresh = await Open("index.html");
        await ForgetTheme(fresh);
        await fresh.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        (await Background(fresh)).Should().Be(dark, "prefers-color-scheme: dark picks the dark theme");
        AssertCleanRun();
    }

    [Fact]
    public async Task At_375_pixels_no_page_scrolls_sideways_and_the_sidebar_opens_from_the_menu()
    {
        var page = await Open("index.html");
        await page.SetViewportSizeAsync(375, 740);
        var names = Directory.EnumerateFiles(site.Output, "*.html").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            await page.GotoAsync(Url(name!));
            await WaitReady(page);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            widths[0].Should().BeLessThanOrEqualTo(widths[1], $"{name} must not scroll sideways at 375 px");
        }

        (await page.IsVisibleAsync("#book-sidebar")).Should().BeFalse();
        await page.ClickAsync("#book-menu-toggle");
        (await page.IsVisibleAsync("#book-sidebar")).Should().BeTrue();
        await page.ClickAsync("#book-menu-toggle");

        var chapter = names.First(static p => p is not "index.html" and not "print.html");
        await page.GotoAsync(Url(chapter!));
        await WaitReady(page);
        await Screenshot(page, "chapter-375px.png");
        await page.SetViewportSizeAsync(1200, 800);
        await Screenshot(page, "chapter-1200px.png");
        if (await page.Locator("figure.code-include").CountAsync() > 0)
        {
            var tops = await page.EvaluateAsync<double[]>(
                "() => [...document.querySelectorAll('figure.code-include .line')].slice(0, 3).map(l => l.getBoundingClientRect().top)");
            tops.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems("each line of a snippet sits below the one before");

            await page.ClickAsync("#book-theme-toggle");
            await page.Locator("figure.code-include").First.ScrollIntoViewIfNeededAsync();
            await page.EvaluateAsync("() => window.scrollBy(0, document.querySelector('figure.code-include').getBoundingClientRect().top - 70)");
            await Screenshot(page, "chapter-code-dark.png");
            await ForgetTheme(page);
        }

        AssertCleanRun();
    }

    [Fact]
    public async Task Folded_lines_of_a_change_open_on_a_click_and_charts_draw()
    {
        using var fixture = new FixtureSite();
        fixture.Build();
        var page = await Open(new Uri(Path.Combine(fixture.Output, "02-second.html")).AbsoluteUri);
        var folded = page.Locator("figure.code-change .fold .line").First;
        (await folded.IsVisibleAsync()).Should().BeFalse("unchanged lines far from the change start folded");
        (await page.Locator("figure.code-change .line.added").IsVisibleAsync()).Should().BeTrue();
        await page.ClickAsync("figure.code-change .fold");
        (await folded.IsVisibleAsync()).Should().BeTrue("a click shows them");

        await page.GotoAsync(new Uri(Path.Combine(fixture.Output, "03-results.html")).AbsoluteUri);
        await WaitReady(page);
        (await page.Locator("figure.bench-chart rect.bar").CountAsync()).Should().Be(2);
        (await page.Locator("figure.bench-chart:not(.bench-lines) svg").BoundingBoxAsync())!.Width.Should().BePositive();
        var lines = page.Locator("figure.bench-lines").First;
        (await lines.Locator("polyline.line").CountAsync()).Should().Be(4);
        (await lines.Locator("svg").BoundingBoxAsync())!.Width.Should().BePositive();
        (await lines.Locator("polyline.line.s1").EvaluateAsync<string>("l => getComputedStyle(l).stroke"))
            .Should().NotBe(await lines.Locator("polyline.line.s0").EvaluateAsync<string>("l => getComputedStyle(l).stroke"), "each series has its colour");
        AssertCleanRun();
    }

    [Fact]
    public async Task Every_figure_and_player_renders_without_errors_and_is_saved_as_a_screenshot()
    {
        var page = await Open("index.html");
        await page.SetViewportSizeAsync(1280, 900);
        var figures = 0;
        await ForEachChapter(page, async name =>
        {
            var count = await page.Locator("figure.scene, figure.player").CountAsync();
            for (var i = 0; i < count; i++)
            {
                var figure = page.Locator("figure.scene, figure.player").Nth(i);
                var id = await figure.GetAttributeAsync("id");
                var box = await figure.Locator("svg.fig:visible").First.BoundingBoxAsync();
                box.Should().NotBeNull($"{name}#{id} shows its picture");
                box!.Width.Should().BeGreaterThan(100, $"{name}#{id} is drawn at a readable size");
                box.Height.Should().BeGreaterThan(20, $"{name}#{id} is drawn at a readable size");
                await ShotOf(figure, $"figure-{Path.GetFileNameWithoutExtension(name)}-{id}.png");
                figures++;
            }
        });

        figures.Should().BeGreaterThan(0, "the book has figures");
        AssertCleanRun();
    }

    [Fact]
    public async Task A_player_steps_forward_and_back_by_buttons_keys_and_slider_and_shows_the_recorded_state()
    {
        var page = await Open("index.html");
        await page.SetViewportSizeAsync(1280, 900);
        var players = 0;
        await ForEachChapter(page, async name =>
        {
            foreach (var id in await page.EvalOnSelectorAllAsync<string[]>("figure.player", "ps => ps.map(p => p.id)"))
            {
                var player = page.Locator($"#{id}");
                var steps = int.Parse((await player.GetAttributeAsync("data-steps"))!, System.Globalization.CultureInfo.InvariantCulture);
                steps.Should().BeGreaterThan(1, $"{id} has something to replay");
                await ExpectStep(player, 0, steps);

                await player.Locator("button[data-action=next]").ClickAsync();
                await ExpectStep(player, 1, steps);
                // Focus is on the button just clicked: the arrow keys now step the player instead of turning the page.
                var second = Math.Min(2, steps - 1);
                await page.Keyboard.PressAsync("ArrowRight");
                await ExpectStep(player, second, steps);
                await Arrived(page, name);
                await page.Keyboard.PressAsync("ArrowLeft");
                await ExpectStep(player, second - 1, steps);
                await player.Locator("button[data-action=first]").ClickAsync();
                await ExpectStep(player, 0, steps);
                await player.Locator("button[data-action=previous]").ClickAsync();
                await ExpectStep(player, 0, steps);

                await player.Locator("input.player-slider").FillAsync((steps - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                await ExpectStep(player, steps - 1, steps);
                await player.Locator("button[data-action=last]").ClickAsync();
                await ExpectStep(player, steps - 1, steps);

                // Three states for the record: the start, the middle and the end.
                foreach (var step in new[] { 0, steps / 2, steps - 1 })
                {
                    await page.EvaluateAsync("([name, step]) => window.book.players[name].show(step)", new object[] { id["player-".Length..], step });
                    await ExpectStep(player, step, steps);
                    await ShotOf(player, $"{id}-step-{step + 1}.png");
                }

                await player.Locator("button[data-action=play]").ClickAsync();
                await Assertions.Expect(player.Locator(".player-position")).Not.ToHaveTextAsync($"1 / {steps}");
                await player.Locator("button[data-action=play]").ClickAsync();
                players++;
            }
        });

        players.Should().BeGreaterThan(0, "the book has players");
        AssertCleanRun();
    }

    [Fact]
    public async Task Worked_answers_start_collapsed_and_open_on_a_click_to_highlighted_code()
    {
        var page = await Open("03-sorted.html");
        var answers = page.Locator("details.answer");
        (await answers.CountAsync()).Should().BeGreaterThanOrEqualTo(2, "chapter 3 ends with exercises");
        var first = answers.First;
        (await first.GetAttributeAsync("open")).Should().BeNull("a worked answer starts collapsed");
        var code = first.Locator("figure.code-include").First;
        (await code.IsVisibleAsync()).Should().BeFalse("its code is hidden until the reader asks");
        await first.Locator("summary").ClickAsync();
        (await code.IsVisibleAsync()).Should().BeTrue("a click on the summary opens the answer");
        (await code.Locator("span.tk-keyword").CountAsync()).Should().BePositive("the code inside is highlighted");
        (await code.BoundingBoxAsync())!.Width.Should().BePositive();
        AssertCleanRun();
    }

    [Fact]
    public async Task At_1280_pixels_no_code_line_hides_past_the_code_column()
    {
        var page = await Open("index.html");
        await page.SetViewportSizeAsync(1280, 900);
        var columns = await page.EvaluateAsync<double>(
            "() => parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--code-columns'))");
        columns.Should().Be(CodeColumn.Characters, "the stylesheet and the build agree on the code column");
        await ForEachChapter(page, async name =>
        {
            // Worked answers are collapsed, and a closed <details> lays nothing out: open them all before measuring.
            await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
            var unmeasured = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('figure.code-include pre, figure.sample-output pre')]
                    .filter(pre => pre.clientWidth === 0).map(pre => pre.dataset.source || 'output')
                """);
            unmeasured.Should().BeEmpty($"every code block of {name} is laid out, so its width is measured");
            var hidden = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('figure.code-include pre, figure.sample-output pre')]
                    .filter(pre => pre.scrollWidth > pre.clientWidth + 1)
                    .map(pre => (pre.dataset.source || 'output') + ': ' + pre.scrollWidth + ' > ' + pre.clientWidth)
                """);
            hidden.Should().BeEmpty($"no line of {name} hides behind a sideways scroll at 1280 px");
        });

        AssertCleanRun();
    }

    /// <summary>Opens every chapter page in turn in <paramref name="page"/> and runs <paramref name="check"/> on it.</summary>
    private async Task ForEachChapter(IPage page, Func<string, Task> check)
    {
        var chapters = Directory.EnumerateFiles(site.Output, "*.html").Select(static p => Path.GetFileName(p))
            .Where(static p => p is not "index.html" and not "print.html").Order(StringComparer.Ordinal);
        foreach (var name in chapters)
        {
            await page.GotoAsync(Url(name));
            await WaitReady(page);
            await check(name);
        }
    }

    private static async Task ExpectStep(ILocator player, int step, int steps)
    {
        await Assertions.Expect(player.Locator(".player-position")).ToHaveTextAsync($"{step + 1} / {steps}");
        var shown = player.Locator(".player-frame:not([hidden])");
        await Assertions.Expect(shown).ToHaveCountAsync(1);
        await Assertions.Expect(shown).ToHaveAttributeAsync("data-step", step.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var label = await shown.GetAttributeAsync("data-label");
        await Assertions.Expect(player.Locator(".player-label")).ToHaveTextAsync(label!);
    }

    /// <summary>Saves a screenshot of one element, scrolled to just below the sticky header so nothing covers it.</summary>
    private static async Task ShotOf(ILocator element, string name)
    {
        await element.EvaluateAsync("e => window.scrollBy(0, e.getBoundingClientRect().top - 70)");
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = ArtifactPath(name) });
    }

    private static string ArtifactPath(string name)
    {
        var artifacts = Path.Combine(TestPaths.RepositoryRoot, "book", "tests", "artifacts");
        Directory.CreateDirectory(artifacts);
        return Path.Combine(artifacts, name);
    }

    private async Task<IPage> Open(string name)
    {
        var page = await browser.Context.NewPageAsync();
        pages.Add(page);
        page.Request += (_, request) =>
        {
            lock (requests)
            {
                requests.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (consoleErrors)
                {
                    consoleErrors.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (consoleErrors)
            {
                consoleErrors.Add($"{page.Url}: {error}");
            }
        };
        await page.GotoAsync(name.StartsWith("file://", StringComparison.Ordinal) ? name : Url(name));
        await WaitReady(page);
        return page;
    }

    private string Url(string name) => new Uri(Path.Combine(site.Output, name)).AbsoluteUri;

    /// <summary>Waits until the page shows <paramref name="name"/> and its scripts are ready (polling the URL, which is race-free).</summary>
    private static async Task Arrived(IPage page, string name)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(name) + "$"));
        await WaitReady(page);
    }

    private static async Task WaitReady(IPage page) => await page.WaitForFunctionAsync("() => window.book && window.book.ready === true");

    /// <summary>Drops the reader's stored theme choice (the profile is shared by the tests) so the system preference applies.</summary>
    private static async Task ForgetTheme(IPage page) =>
        await page.EvaluateAsync("() => { localStorage.removeItem('book-theme'); delete document.documentElement.dataset.theme; }");

    private static Task<string> Background(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private static async Task Screenshot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactPath(name) });

    private void AssertCleanRun()
    {
        lock (consoleErrors)
        {
            consoleErrors.Should().BeEmpty("the site logs no errors");
        }

        lock (requests)
        {
            requests.Should().NotBeEmpty().And.OnlyContain(static r => r.StartsWith("file://", StringComparison.Ordinal),
                "the site requests nothing outside itself");
        }
    }

}

/// <summary>
/// One headless Chromium for the browser tests: Playwright's own if installed, else <c>chromium</c> on PATH, else
/// Debian's package installed once (see <see cref="BrowserFinder"/>); a fresh profile; and a route that
/// lets <c>file://</c> requests through and aborts every other one (the tests also record them, and fail on any).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] LaunchArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string userData = Directory.CreateTempSubdirectory("book-chromium-profile").FullName;
    private IPlaywright? playwright;
    private IBrowserContext? context;

    public IBrowserContext Context => context ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        var chromium = await BrowserFinder.ExecutableAsync();
        playwright = await Playwright.CreateAsync();
        context = await playwright.Chromium.LaunchPersistentContextAsync(userData, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = LaunchArguments,
            ViewportSize = new ViewportSize { Width = 1200, Height = 800 },
        });
        await context.RouteAsync("**/*", static async route =>
        {
            if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                await route.AbortAsync();
            }
        });
    }

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.CloseAsync();
        }

        playwright?.Dispose();
        Directory.Delete(userData, recursive: true);
    }
}
