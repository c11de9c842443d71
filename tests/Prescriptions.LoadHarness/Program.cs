using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Prescriptions.Application.Library;
using Prescriptions.LoadHarness;
using Prescriptions.Storage.Library;
using Prescriptions.Storage.Prescriptions;
using Prescriptions.Testing;

// The load harness: one run, its own stack, every figure side by side. See README "Load harness".
var options = HarnessOptions.Parse(args);
const string Clinic = "clinic-a";
const string PartnerApp = "9a9a0000-0000-4000-8000-0000000a9a0a";
var report = new Report();

await using var azurite = await AzuriteEmulator.StartAsync();
var library = await new LibraryPublisher(
    new BlobLibraryStore(new BlobServiceClient(azurite.ConnectionString), Microsoft.Extensions.Options.Options.Create(new LibraryStorageOptions())),
    TimeProvider.System).PublishAsync(ShippedLibrary.Content, CancellationToken.None);
if (library.Current is null)
{
    throw new InvalidOperationException(string.Join(Environment.NewLine, library.Problems));
}

await using var partner = await PartnerEndpoint.StartAsync();
string[] apiSettings =
[
    "--environment=Development",
    $"--PrescriptionsStorage:connectionString={azurite.ConnectionString}",
    "--Logging:LogLevel:Default=Warning",
    $"--Webhooks:Partners:load-partner:AppId={PartnerApp}",
    $"--Webhooks:Partners:load-partner:Url={partner.Url}",
    $"--Webhooks:Partners:load-partner:Secret={partner.Secret}",
];
await using var api = await ApiProcess.StartAsync(options.ApiAssembly, apiSettings);
// The baseline: the same build in a second process with other environment variables, on the same store and partner.
await using var baselineApi = options.HasBaseline ? await ApiProcess.StartAsync(options.BaselineApiAssembly ?? options.ApiAssembly, apiSettings, options.Baseline) : null;
var baselineName = string.Join(", ", new[] { options.BaselineApiAssembly is { } other ? $"the build at {other}" : null }
    .Concat(options.Baseline.Select(setting => $"{setting.Key}={setting.Value}")).OfType<string>());
report.Line($"local host: start to first 200 on /api/health: {api.StartToFirst200.TotalMilliseconds:F0} ms");

using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
var token = await TokenAsync(http, Clinic);
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
var tables = new TableServiceClient(azurite.ConnectionString);
var storage = Microsoft.Extensions.Options.Options.Create(new PrescriptionStorageOptions());
var table = tables.GetTableClient(storage.Value.TableName);
var outbox = new TableEventOutbox(tables, storage);

using var baselineHttp = baselineApi is null ? null : new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = baselineApi.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
if (baselineHttp is not null)
{
    baselineHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(baselineHttp, Clinic));
    report.Line($"baseline: a second API process: {baselineName}");
}

var templateId = await CreateAsync(http, "p-template") ?? throw new InvalidOperationException("The first create failed.");
var raw = await RawStore.CopyAsync(table, Clinic, templateId);
report.Line($"a create writes {raw.RowsPerCreate} rows in one batch (copied for the raw side to partition {raw.CopyPartition}, which no relay sweeps)");

// Creates, raw and API (and the baseline API) interleaved by every client, so all meet the same store, relay and load.
var sides = baselineHttp is null ? 2 : 3;
var created = new System.Collections.Concurrent.ConcurrentBag<string>();
Task RawCreateAsync(Latencies side)
{
    var batch = raw.NextBatch();
    return side.TimeAsync(() => raw.CreateAsync(batch));
}

Task<TimeSpan> CreatesAsync(int count, Latencies rawSide, Latencies apiSide, Latencies baselineSide) =>
    Clients.RunCountAsync(options.Clients, count * sides, async i => await ((i % sides) switch
    {
        0 => RawCreateAsync(rawSide),
        1 => apiSide.TimeAsync(async () =>
        {
            var id = await CreateAsync(http, $"p-{i % 500}");
            if (id is not null)
            {
                created.Add(id);
            }

            return id is not null;
        }),
        _ => baselineSide.TimeAsync(async () => await CreateAsync(baselineHttp!, $"p-{i % 500}") is not null),
    }));
Task<TimeSpan> ReadsAsync(int count, string[] ids, Latencies rawSide, Latencies apiSide, Latencies baselineSide) =>
    Clients.RunCountAsync(options.Clients, count * sides, async i =>
    {
        var id = ids[i / sides % ids.Length];
        await ((i % sides) switch
        {
            0 => rawSide.TimeAsync(() => raw.ReadAsync(id)),
            1 => apiSide.TimeAsync(() => ReadAsync(http, id)),
            _ => baselineSide.TimeAsync(() => ReadAsync(baselineHttp!, id)),
        });
    });

// The warm-up: rounds of the same creates and reads first, kept out of the figures below, until every API process's JIT
// has settled. A new process's tiered JIT recompiles its hot code in the background during the first seconds of load
// (half the API's CPU in the first ten seconds on 2 cores), which is start-up, not the cost of a request: the figures
// below are the steady state either side reaches.
ApiProcess[] apis = baselineApi is null ? [api] : [api, baselineApi];
if (options.Warmup > 0)
{
    for (var round = 1; ; round++)
    {
        var jitBefore = apis.Select(a => a.Cpu.TierUp).ToArray();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var warmCreates = new[] { new Latencies("warm-up create: raw"), new Latencies("warm-up create: API"), new Latencies("warm-up create: baseline") };
        await CreatesAsync(options.Warmup, warmCreates[0], warmCreates[1], warmCreates[2]);
        var warmReads = new[] { new Latencies("warm-up read: raw"), new Latencies("warm-up read: API"), new Latencies("warm-up read: baseline") };
        await ReadsAsync(options.Warmup, [.. created], warmReads[0], warmReads[1], warmReads[2]);
        var jitShares = apis.Select((a, i) => (a.Cpu.TierUp - jitBefore[i]) / watch.Elapsed).ToArray();
        string Medians(int side) => string.Create(CultureInfo.InvariantCulture,
            $"x{warmCreates[side].Percentile(50) / warmCreates[0].Percentile(50):F2} creates, x{warmReads[side].Percentile(50) / warmReads[0].Percentile(50):F2} reads, JIT {jitShares[side - 1] * 100:F0}% of a core");
        var settled = round > 1 && jitShares.All(share => share <= HarnessOptions.SettledJitShare);
        report.Line(string.Create(CultureInfo.InvariantCulture, $"warm-up round {round} ({options.Warmup} creates and reads per side, {watch.Elapsed.TotalSeconds:F1} s, not in the figures below): API / raw median {Medians(1)}")
            + (baselineApi is null ? string.Empty : $"; baseline / raw {Medians(2)}"));
        if (settled)
        {
            break;
        }

        if (round == options.WarmupRounds)
        {
            report.Line(string.Create(CultureInfo.InvariantCulture, $"warm-up: the JIT had not settled (at most {HarnessOptions.SettledJitShare * 100:F0}% of a core) after {round} rounds; the figures below include its work"));
            break;
        }
    }
}

// What the API process spent in a phase: its CPU per request of its own (the relay's work included) and its JIT.
string ApiCpu(string phase, ApiProcess side, TimeSpan cpuBefore, TimeSpan jitBefore, int requests) => string.Create(CultureInfo.InvariantCulture,
    $"    API process during the {phase}: {(side.Cpu.Total - cpuBefore).TotalMilliseconds / Math.Max(requests, 1):F2} ms CPU per request, JIT {(side.Cpu.TierUp - jitBefore).TotalMilliseconds:F0} ms");

var (createCpu, createJit) = (api.Cpu.Total, api.Cpu.TierUp);
var rawCreates = new Latencies("create: raw Azurite batch of the same rows");
var apiCreates = new Latencies("create: POST /api/prescriptions");
var baselineCreates = new Latencies("create: POST /api/prescriptions (baseline)");
var createWall = await CreatesAsync(options.Creates, rawCreates, apiCreates, baselineCreates);
var lastCreateAt = DateTimeOffset.UtcNow;
rawCreates.Elapsed = apiCreates.Elapsed = baselineCreates.Elapsed = createWall / sides;
report.Compare(rawCreates, apiCreates, baselineHttp is null ? null : baselineCreates);
report.Line(ApiCpu("creates (with their webhook deliveries)", api, createCpu, createJit, apiCreates.Count));

// The partner's side: every prescription.created of the API's creates, signed, once per webhook-id.
var expected = created.Count + 1;
List<Arrival> apiEvents = [];
var waited = System.Diagnostics.Stopwatch.StartNew();
while (waited.Elapsed < TimeSpan.FromSeconds(120))
{
    apiEvents = [.. partner.Arrivals.Where(a => a.Type == "prescription.created" && a.PrescriptionId is { } id && (id == templateId || created.Contains(id)))];
    if (apiEvents.Count >= expected)
    {
        break;
    }

    await Task.Delay(100);
}

var lastArrival = apiEvents.Count == 0 ? lastCreateAt : apiEvents.Max(a => a.FirstArrivedAt);
var lags = apiEvents.Select(a => (a.FirstArrivedAt - a.HappenedAt).TotalSeconds).Order().ToArray();
report.Line($"webhooks: {apiEvents.Count} of {expected} prescription.created delivered; last one {(lastArrival - lastCreateAt).TotalSeconds:F1} s after the last create"
    + $" (target: all within 30 s); commit to delivery median {Median(lags):F2} s, p99 {Percentile(lags, 99):F2} s, max {(lags.Length == 0 ? 0 : lags[^1]):F2} s (target: median <= 5 s)");
var dueQuery = await TimeDueQueryAsync();
report.Line(string.Create(CultureInfo.InvariantCulture, $"azurite: the relay's due-event query alone takes {dueQuery:F0} ms now (Azurite scans the whole table for it; Table Storage reads an index range)"));
report.Line($"webhooks: deliveries of one webhook-id more than once: {apiEvents.Sum(a => a.Times - 1)}; bad signatures: {partner.BadSignatures}; events of the raw copies delivered (expected 0): {partner.Arrivals.Count(a => raw.CopiedEventIds.Contains(a.Id))}");

// Reads, raw and API (and the baseline API) interleaved.
var ids = created.ToArray();
var (readCpu, readJit) = (api.Cpu.Total, api.Cpu.TierUp);
var rawReads = new Latencies("read: raw point read");
var apiReads = new Latencies("read: GET /api/prescriptions/{id}");
var baselineReads = new Latencies("read: GET /api/prescriptions/{id} (baseline)");
var readWall = await ReadsAsync(options.Reads, ids, rawReads, apiReads, baselineReads);
rawReads.Elapsed = apiReads.Elapsed = baselineReads.Elapsed = readWall / sides;
report.Compare(rawReads, apiReads, baselineHttp is null ? null : baselineReads);
report.Line(ApiCpu("reads", api, readCpu, readJit, apiReads.Count));

var previews = new Latencies("preview: POST /api/prescriptions/preview");
previews.Elapsed = await Clients.RunForAsync(options.Clients, TimeSpan.FromSeconds(options.PreviewSeconds), _ => previews.TimeAsync(() => PreviewAsync(http)));
report.Single(previews);

// The mixed load: 60% preview, 20% create, 20% read.
var memoryBefore = api.ResidentMiB();
var mixed = new[] { new Latencies("mixed: preview"), new Latencies("mixed: create"), new Latencies("mixed: read") };
var mixedWall = await Clients.RunForAsync(options.MixedClients, TimeSpan.FromSeconds(options.MixedSeconds), i => (i % 10) switch
{
    < 6 => mixed[0].TimeAsync(() => PreviewAsync(http)),
    < 8 => mixed[1].TimeAsync(async () => await CreateAsync(http, $"p-mixed-{i % 500}") is not null),
    _ => mixed[2].TimeAsync(async () =>
    {
        using var response = await http.GetAsync(new Uri($"/api/prescriptions/{ids[i % ids.Length]}", UriKind.Relative));
        return response.IsSuccessStatusCode;
    }),
});
foreach (var route in mixed)
{
    route.Elapsed = mixedWall;
    report.Single(route);
}

report.Line($"mixed load ({options.MixedClients} clients, {options.MixedSeconds} s): {mixed.Sum(m => m.Count) / mixedWall.TotalSeconds:F0} requests/s; longest request {mixed.Max(m => m.Max):F0} ms (target: none over 500 ms); errors {mixed.Sum(m => m.Errors)}; API memory {memoryBefore:F0} MiB before, {api.ResidentMiB():F0} MiB after");
dueQuery = await TimeDueQueryAsync();
report.Line(string.Create(CultureInfo.InvariantCulture, $"azurite: the relay's due-event query alone takes {dueQuery:F0} ms after the mixed load"));
report.Print(options);
return 0;

// The relay's own query for the clinic's due events (a partition and row-key range), timed alone: the median of five, in
// ms. Table Storage answers it from its index; Azurite scans every row of the table, and answers nothing else meanwhile.
async Task<double> TimeDueQueryAsync()
{
    var times = new List<double>();
    for (var i = 0; i < 5; i++)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await outbox.ListDueAsync(Clinic, DateTimeOffset.UtcNow, 100, CancellationToken.None);
        times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    return times.Order().ElementAt(2);
}

static async Task<string> TokenAsync(HttpClient http, string clinicId)
{
    using var response = await http.PostAsJsonAsync(new Uri("/dev/token", UriKind.Relative), new { role = "Therapist", clinicId, subject = "load-harness" });
    response.EnsureSuccessStatusCode();
    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    return body.RootElement.GetProperty("accessToken").GetString()!;
}

static object Program(string patientId) => new
{
    patientId,
    conditionId = "lateral-ankle-sprain",
    phase = 2,
    side = "left",
    constraints = new { weightBearing = "partial", equipment = new[] { "band", "chair" }, maxMinutesPerSession = 20, maxExercises = 4 },
    weeks = 2,
};

static object Preview() => new
{
    patientId = "p-preview",
    conditionId = "lateral-ankle-sprain",
    phase = 2,
    side = "left",
    constraints = new { weightBearing = "partial", equipment = new[] { "band", "chair" }, maxMinutesPerSession = 20, maxExercises = 4 },
};

static async Task<string?> CreateAsync(HttpClient http, string patientId)
{
    using var response = await http.PostAsync(new Uri("/api/prescriptions", UriKind.Relative), Json(Program(patientId)));
    if (!response.IsSuccessStatusCode)
    {
        return null;
    }

    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    return body.RootElement.GetProperty("id").GetString();
}

// A body with its length, as a partner's client sends one (PostAsJsonAsync streams it in chunks).
static ByteArrayContent Json(object body)
{
    var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    return content;
}

static async Task<bool> ReadAsync(HttpClient http, string id)
{
    using var response = await http.GetAsync(new Uri($"/api/prescriptions/{id}", UriKind.Relative));
    return response.IsSuccessStatusCode;
}

static async Task<bool> PreviewAsync(HttpClient http)
{
    using var response = await http.PostAsync(new Uri("/api/prescriptions/preview", UriKind.Relative), Json(Preview()));
    if (!response.IsSuccessStatusCode && Interlocked.Exchange(ref Failures.Shown, 1) == 0)
    {
        Console.Error.WriteLine($"preview answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    return response.IsSuccessStatusCode;
}

static double Median(double[] sorted) => Percentile(sorted, 50);

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

/// <summary>The figures, printed together at the end (and as they come).</summary>
internal sealed class Report
{
    private readonly List<string> lines = [];

    public void Line(string text)
    {
        lines.Add(text);
        Console.WriteLine(text);
    }

    public void Single(Latencies route) => Line(Row(route));

    public void Compare(Latencies raw, Latencies api, Latencies? baseline)
    {
        Line(Row(raw));
        Line(Row(api));
        Line(Ratio("API / raw", api, raw));
        if (baseline is not null)
        {
            Line(Row(baseline));
            Line(Ratio("baseline / raw", baseline, raw));
        }
    }

    private static string Ratio(string name, Latencies side, Latencies raw) => string.Create(CultureInfo.InvariantCulture,
        $"    {name}: median x{side.Percentile(50) / raw.Percentile(50):F2} (target <= 1.2), p99 x{side.Percentile(99) / raw.Percentile(99):F2} (target <= 2), throughput x{side.Throughput / raw.Throughput:F2}");

    public void Print(HarnessOptions options)
    {
        Console.WriteLine();
        Console.WriteLine($"LOAD FIGURES ({options.Clients} clients, Azurite in memory, API Release on the local host, {Environment.ProcessorCount} cores)");
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }
    }

    private static string Row(Latencies route) => string.Create(CultureInfo.InvariantCulture,
        $"{route.Name,-48} n {route.Count,6}  {route.Throughput,7:F0}/s  p50 {route.Percentile(50),7:F1} ms  p99 {route.Percentile(99),7:F1} ms  max {route.Max,7:F0} ms  errors {route.Errors}");
}

/// <summary>Whether the first failure's answer has been shown.</summary>
internal static class Failures
{
    public static int Shown;
}
