using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using Prescriptions.LocalHost;
using Prescriptions.Testing;

namespace Prescriptions.Browser.Tests;

/// <summary>
/// The local host (Development, timers off) on a free port over a private Azurite, and one headless Chromium: the
/// system's (PRESCRIPTIONS_CHROMIUM or /usr/bin/chromium), since Playwright's own browsers are not downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private AzuriteEmulator? azurite;
    private WebApplication? host;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("PRESCRIPTIONS_CHROMIUM") ?? "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        azurite = await AzuriteEmulator.StartAsync();
        host = LocalFunctionsHost.Build(
        [
            "--environment=Development",
            "--urls=http://127.0.0.1:0",
            $"--PrescriptionsStorage:connectionString={azurite.ConnectionString}",
            "--LocalHost:DisableTimers=true",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await host.StartAsync();
        BaseAddress = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: run scripts/setup.sh (it installs Debian's chromium) or set PRESCRIPTIONS_CHROMIUM.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (host is not null)
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
