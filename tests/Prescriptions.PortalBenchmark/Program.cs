using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using Prescriptions.Application.Library;
using Prescriptions.LocalHost;
using Prescriptions.PortalBenchmark;
using Prescriptions.Storage.Library;
using Prescriptions.Testing;

// The portal benchmark: figures, not assertions (README, "Portal benchmark"). run.sh publishes the portal and passes
// its wwwroot: --portal <wwwroot> [--runs 5] [--chromium /usr/bin/chromium]
var options = BenchmarkOptions.Parse(args);

await using var azurite = await AzuriteEmulator.StartAsync();
var library = await new LibraryPublisher(
    new BlobLibraryStore(new BlobServiceClient(azurite.ConnectionString), Microsoft.Extensions.Options.Options.Create(new LibraryStorageOptions())),
    TimeProvider.System).PublishAsync(ShippedLibrary.Content, CancellationToken.None);
if (library.Current is null)
{
    throw new InvalidOperationException(string.Join(Environment.NewLine, library.Problems));
}

await using var host = LocalFunctionsHost.Build(
[
    "--environment=Development",
    "--urls=http://127.0.0.1:0",
    $"--PrescriptionsStorage:connectionString={azurite.ConnectionString}",
    "--LocalHost:DisableTimers=true",
    "--Logging:LogLevel:Default=Warning",
    $"--LocalHost:PortalRoot={options.PortalRoot}",
]);
await host.StartAsync();
var baseAddress = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
await SeedWorklistAsync(baseAddress);

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = options.ChromiumPath, Headless = true });
var viewport = new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } };

// Cold: a new browser profile each run (empty HTTP cache and Cache Storage). Warm: one profile, visited again and again.
FirstVisit? download = null;
var cold = new List<VisitTimes>();
for (var run = 0; run < options.Runs; run++)
{
    await using var context = await browser.NewContextAsync(viewport);
    var page = await context.NewPageAsync();
    var fetched = FirstVisit.Record(page, baseAddress);
    cold.Add(await VisitTimes.MeasureAsync(page, baseAddress));
    download ??= fetched;
}

var warm = new List<VisitTimes>();
await using (var context = await browser.NewContextAsync(viewport))
{
    var page = await context.NewPageAsync();
    await VisitTimes.MeasureAsync(page, baseAddress);
    for (var run = 0; run < options.Runs; run++)
    {
        warm.Add(await VisitTimes.MeasureAsync(page, baseAddress));
    }
}

await host.StopAsync();

Console.WriteLine();
Console.WriteLine($"Portal benchmark: {options.PortalRoot}");
Console.WriteLine($"served by the local host at {baseAddress}; headless Chromium {browser.Version}; {Environment.ProcessorCount} cores; {options.Runs} runs each");
Console.WriteLine();
download!.Print(options.PortalRoot);
Console.WriteLine();
VisitTimes.Print("cold (new profile)", cold);
VisitTimes.Print("warm (same profile)", warm);

// One draft on clinic-a's worklist, so the worklist renders a row as a therapist's would.
static async Task SeedWorklistAsync(Uri baseAddress)
{
    using var http = new HttpClient { BaseAddress = baseAddress };
    using var issued = await http.PostAsJsonAsync("/dev/token", new { role = "Therapist", clinicId = "clinic-a", subject = "therapist-1" });
    issued.EnsureSuccessStatusCode();
    var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
    using var create = new HttpRequestMessage(HttpMethod.Post, "/api/prescriptions")
    {
        Content = JsonContent.Create(new
        {
            patientId = "benchmark-" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture),
            conditionId = "lateral-ankle-sprain",
            phase = 2,
            side = "left",
            constraints = new { weightBearing = "partial", equipment = new[] { "band", "chair" }, maxMinutesPerSession = 20, maxExercises = 6 },
        }),
    };
    create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var created = await http.SendAsync(create);
    if (!created.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"Seeding the worklist failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
    }
}
