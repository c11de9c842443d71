using System.Reflection;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Prescriptions.Application.Library;
using Prescriptions.LocalHost;
using Prescriptions.Storage.Library;
using Prescriptions.Testing;

namespace Prescriptions.Browser.Tests;

/// <summary>
/// The local host (Development, timers off: tests run a timer function through <c>POST /admin/functions/{name}</c>) on a
/// free port over a private Azurite, its emails sent to a private maildev (links point at the host itself), and one
/// headless Chromium: the system's (PRESCRIPTIONS_CHROMIUM or /usr/bin/chromium), since Playwright's own browsers are not
/// downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private AzuriteEmulator? azurite;
    private MaildevServer? maildev;
    private WebApplication? host;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The emails the host sent: maildev's REST API (GET api/email).</summary>
    public Uri MailApi => maildev?.ApiBase ?? throw new InvalidOperationException("maildev has not started.");

    /// <summary>Where the clinic's alert emails go.</summary>
    public const string ClinicAlertAddress = "alerts@clinic-a.example";

    /// <summary>The local host's services, for what a test does outside the browser (a patient's signed check-in link).</summary>
    public IServiceProvider Services => host?.Services ?? throw new InvalidOperationException("The local host has not started.");

    /// <summary>The portal this project's build published (its PublishPortal target), as the local host serves it.</summary>
    public static string PortalRoot { get; } = typeof(BrowserFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "PortalRoot").Value!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("PRESCRIPTIONS_CHROMIUM") ?? "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        azurite = await AzuriteEmulator.StartAsync();
        maildev = await MaildevServer.StartAsync();
        await PublishRepositoryLibraryAsync(azurite.ConnectionString);
        // A port known before the start, so the emails' links (FollowUps:PublicBaseUrl) and the portal's (Portal:BaseUrl) point here.
        var origin = $"http://127.0.0.1:{FreePorts.Next()}";
        host = LocalFunctionsHost.Build(
        [
            "--environment=Development",
            $"--urls={origin}",
            $"--PrescriptionsStorage:connectionString={azurite.ConnectionString}",
            "--LocalHost:DisableTimers=true",
            "--Logging:LogLevel:Default=Warning",
            $"--LocalHost:PortalRoot={PortalRoot}",
            "--Smtp:Host=127.0.0.1",
            $"--Smtp:Port={maildev.SmtpPort}",
            "--Smtp:Security=None",
            $"--FollowUps:PublicBaseUrl={origin}",
            $"--Portal:BaseUrl={origin}",
            $"--FollowUps:ClinicAlertEmails:clinic-a={ClinicAlertAddress}",
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

    /// <summary>The repository's exercise library, published to the emulator as ./run.sh publishes it, so prescriptions can be assembled.</summary>
    private static async Task PublishRepositoryLibraryAsync(string connectionString)
    {
        var store = new BlobLibraryStore(new BlobServiceClient(connectionString), Options.Create(new LibraryStorageOptions()));
        var publication = await new LibraryPublisher(store, TimeProvider.System).PublishAsync(ShippedLibrary.Content, CancellationToken.None);
        if (publication.Current is null)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, publication.Problems));
        }
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

        if (maildev is not null)
        {
            await maildev.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
