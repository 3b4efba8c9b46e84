using Microsoft.Playwright;
using MolDash.Testing;

namespace MolDash.Browser.Tests.Infrastructure;

/// <summary>
/// One real platform (silo and API processes, serving the built dashboard) and one headless Debian Chromium,
/// shared by the tests of a class; each test opens its own browser context (its own session storage and cookies).
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium, installed by ./moldash; Playwright never downloads a browser here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
        // WebGL (the 3D pose viewer) in software: without a GPU, Chromium only renders it through SwiftShader when asked to.
        "--enable-unsafe-swiftshader",
    ];

    private readonly List<IPage> pages = [];
    private IPlaywright playwright = null!;

    public PlatformUnderTest Platform { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string RootToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Platform = await PlatformUnderTest.StartAsync("browser");
        RootToken = await Platform.LoginAsRootAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    public async Task DisposeAsync()
    {
        // What each page showed last: the first thing to look at when a test failed.
        for (var i = 0; i < pages.Count; i++)
        {
            await pages[i].ScreenshotAsync($"last-{Platform.Database.Name}-{i}");
        }

        await Browser.DisposeAsync();
        playwright.Dispose();
        await Platform.DisposeAsync();
    }

    /// <summary>A new browser context at laptop size (or <paramref name="width"/>) on the dashboard, with short timeouts so a broken page fails fast.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 860)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Platform.ApiAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        pages.Add(page);
        return page;
    }
}
