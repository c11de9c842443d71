using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Prescriptions.Application.FollowUps;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Testing;
using Xunit.Abstractions;

namespace Prescriptions.Functions.Tests.Faults;

/// <summary>
/// One fault experiment: a private Azurite (which the test freezes, thaws or empties), the library published to it, and
/// an API host over it with a short storage budget and every log line (Information and up) kept for the secrets scan.
/// </summary>
internal sealed partial class FaultStage : IAsyncDisposable
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    private readonly List<string> secrets = [];

    private FaultStage(AzuriteEmulator azurite, ApiHost api, ListLoggerProvider logs, ITestOutputHelper output)
    {
        Azurite = azurite;
        Api = api;
        Logs = logs;
        Output = output;
    }

    public AzuriteEmulator Azurite { get; }

    public ApiHost Api { get; }

    public ListLoggerProvider Logs { get; }

    public ITestOutputHelper Output { get; }

    public static async Task<FaultStage> StartAsync(ITestOutputHelper output)
    {
        var azurite = await AzuriteEmulator.StartAsync();
        await ApiHost.PublishRepositoryLibraryAsync(azurite.ConnectionString);
        var logs = new ListLoggerProvider();
        var api = await ApiHost.StartAsync(azurite.ConnectionString, builder => builder.Logging.AddProvider(logs),
            $"--PrescriptionsStorage:RequestBudget={Budget}",
            "--PrescriptionsStorage:NetworkTimeout=00:00:01",
            "--Logging:LogLevel:Default=Information");
        return new FaultStage(azurite, api, logs, output);
    }

    /// <summary>A therapist's token; remembered as a secret the logs must not hold.</summary>
    public string Token(string clinicId = "clinic-a") => Remember(Api.Token(Roles.Therapist, clinicId, "therapist-faults"));

    /// <summary>A patient's check-in link token; remembered as a secret the logs must not hold.</summary>
    public string CheckInToken(string prescriptionId) =>
        Remember(Api.Services.GetRequiredService<CheckInLinks>().Issue("clinic-a", prescriptionId, DateTimeOffset.UtcNow));

    public static object CreateRequest(string patientId, bool followUp = false) => new
    {
        patientId,
        conditionId = "lateral-ankle-sprain",
        phase = 2,
        side = "left",
        constraints = new { weightBearing = "partial", equipment = new[] { "band", "chair" }, maxMinutesPerSession = 20, maxExercises = 4 },
        weeks = 2,
        followUp = followUp ? new { email = $"{patientId}@example.org", timeZone = "Europe/Berlin", reminderTime = "18:00", checkInEveryDays = 7, firstName = "Ana" } : null,
    };

    public async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> TimedAsync(HttpRequestMessage request)
    {
        var watch = Stopwatch.StartNew();
        var response = await Api.Client.SendAsync(request);
        return (response, watch.Elapsed);
    }

    public HttpRequestMessage Create(string patientId, string? idempotencyKey = null, bool followUp = false)
    {
        var request = ApiHost.Request(HttpMethod.Post, "/api/prescriptions", Token(), CreateRequest(patientId, followUp));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    public async Task<(string Id, EntityTagHeaderValue ETag)> CreateAndActivateAsync(string patientId)
    {
        using var created = await Api.Client.SendAsync(Create(patientId, followUp: true));
        var id = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        using var activate = ApiHost.Request(HttpMethod.Post, $"/api/prescriptions/{id}/activate", Token());
        activate.Headers.IfMatch.Add(created.Headers.ETag!);
        using var activated = await Api.Client.SendAsync(activate);
        await activated.JsonAsync();
        return (id, activated.Headers.ETag!);
    }

    /// <summary>The prescriptions stored for a patient (as the API lists them).</summary>
    public async Task<IReadOnlyList<string>> StoredForAsync(string patientId)
    {
        using var response = await Api.SendAsync(HttpMethod.Get, $"/api/patients/{patientId}/prescriptions", Token());
        var body = await response.JsonAsync();
        return [.. body.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!)];
    }

    /// <summary>Polls health every 50 ms until it answers 200; the time that took.</summary>
    public async Task<TimeSpan> TimeUntilHealthyAsync(TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            using var health = await Api.SendAsync(HttpMethod.Get, "/api/health");
            if (health.StatusCode == HttpStatusCode.OK)
            {
                return watch.Elapsed;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Health did not answer 200 within {limit}.");
    }

    public void Figure(string name, TimeSpan value) => Output.WriteLine($"FAULT FIGURE {name}: {value.TotalMilliseconds:F0} ms");

    public void Figure(string name, string value) => Output.WriteLine($"FAULT FIGURE {name}: {value}");

    /// <summary>No log line (message or exception text) holds a bearer token, a check-in token or an email address.</summary>
    public void AssertNoSecretsLogged()
    {
        Assert.NotEmpty(Logs.Entries);
        foreach (var entry in Logs.Entries)
        {
            var text = $"{entry.Message} {entry.Exception}";
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"A secret was logged: {text}");
            }

            Assert.DoesNotMatch(BearerPattern(), text);
            Assert.DoesNotMatch(EmailPattern(), text);
            Assert.DoesNotMatch(JwtPattern(), text);
        }

        Figure("log lines scanned for secrets", $"{Logs.Entries.Count}");
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    private string Remember(string secret)
    {
        lock (secrets)
        {
            secrets.Add(secret);
        }

        return secret;
    }

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9\-_.]{10,}", RegexOptions.IgnoreCase)]
    private static partial Regex BearerPattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"eyJ[A-Za-z0-9\-_]{10,}\.[A-Za-z0-9\-_]{10,}")]
    private static partial Regex JwtPattern();
}
