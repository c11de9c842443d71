using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescriptions.Application.FollowUps;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Functions.Auth;
using Prescriptions.LocalHost.DevTokens;

namespace Prescriptions.Functions.Tests.FollowUps;

/// <summary>
/// An API host for follow-up tests: its own tables in the shared Azurite, a fake clock and a recording email sender
/// (or the real SMTP sender when given settings for one), and helpers to create, activate and sweep.
/// </summary>
public sealed class FollowUpHost : IAsyncDisposable
{
    private FollowUpHost(ApiHost api, FakeTimeProvider? clock, RecordingEmailSender? email)
    {
        Api = api;
        Clock = clock;
        Email = email;
    }

    public ApiHost Api { get; }

    public FakeTimeProvider? Clock { get; }

    public RecordingEmailSender? Email { get; }

    public static async Task<FollowUpHost> StartAsync(string storage, DateTimeOffset? fakeNow, params string[] settings)
    {
        var clock = fakeNow is { } start ? new FakeTimeProvider(start) : null;
        var email = clock is null ? null : new RecordingEmailSender(clock);
        var api = await ApiHost.StartAsync(storage, builder =>
        {
            if (clock is not null)
            {
                builder.Services.RemoveAll<TimeProvider>();
                builder.Services.AddSingleton<TimeProvider>(clock);
                // The JWT handler checks token lifetimes against the real clock, so dev tokens are issued by it too.
                builder.Services.RemoveAll<DevTokenIssuer>();
                builder.Services.AddSingleton(services => new DevTokenIssuer(
                    services.GetRequiredService<IOptions<DevTokenOptions>>(),
                    services.GetRequiredService<IConfiguration>(),
                    services.GetRequiredService<IOptionsMonitor<TenancyOptions>>(),
                    TimeProvider.System));
                builder.Services.RemoveAll<IEmailSender>();
                builder.Services.AddSingleton<IEmailSender>(email!);
            }
        },
        [
            $"--Prescriptions:TableName=fu{Guid.NewGuid():N}",
            $"--FollowUps:TableName=fs{Guid.NewGuid():N}",
            "--FollowUps:Lookback=03:00:00",
            // clinic-a's desk receives its alerts, so their events are written (events nobody receives never are).
            "--FollowUps:ClinicAlertEmails:clinic-a=desk@clinic-a.example",
            .. settings,
        ]);
        return new FollowUpHost(api, clock, email);
    }

    public string Token(string clinicId = "clinic-a") => Api.Token(Roles.Therapist, clinicId, "therapist-follow-ups");

    public static object FollowUpRequest(string patientId, int weeks = 2, string reminderTime = "18:00", string timeZone = "Europe/Berlin") => new
    {
        patientId,
        conditionId = "lateral-ankle-sprain",
        phase = 2,
        side = "left",
        constraints = new { weightBearing = "partial", equipment = new[] { "band", "chair" }, maxMinutesPerSession = 20, maxExercises = 4 },
        weeks,
        followUp = new { email = $"{patientId}@example.org", timeZone, reminderTime, checkInEveryDays = 7, firstName = "Ana" },
    };

    /// <summary>Creates and activates a prescription with a follow-up contact; returns its id and ETag.</summary>
    public async Task<(string Id, EntityTagHeaderValue ETag)> CreateAndActivateAsync(object request, string clinicId = "clinic-a")
    {
        var token = Token(clinicId);
        using var created = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", token, request);
        var id = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var etag = await ChangeAsync(id, "activate", created.Headers.ETag!, clinicId);
        return (id, etag);
    }

    public async Task<EntityTagHeaderValue> ChangeAsync(string id, string action, EntityTagHeaderValue etag, string clinicId = "clinic-a")
    {
        using var request = ApiHost.Request(HttpMethod.Post, $"/api/prescriptions/{id}/{action}", Token(clinicId));
        request.Headers.IfMatch.Add(etag);
        using var response = await Api.Client.SendAsync(request);
        await response.JsonAsync();
        return response.Headers.ETag!;
    }

    public async Task<JsonElement> GetAsync(string path, string clinicId = "clinic-a")
    {
        using var response = await Api.SendAsync(HttpMethod.Get, path, Token(clinicId));
        return await response.JsonAsync();
    }

    public async Task<IReadOnlyList<ScheduledFollowUp>> PlanAsync(string id, string clinicId = "clinic-a")
    {
        var stored = await Api.Services.GetRequiredService<Application.Prescriptions.IPrescriptionRepository>().FindAsync(clinicId, id, CancellationToken.None);
        return await Api.Services.GetRequiredService<FollowUpScheduler>().PlanAsync(stored!.Value, CancellationToken.None);
    }

    public Task<FollowUpSweep> SweepAsync() => Api.Services.GetRequiredService<FollowUpSweeper>().SweepAsync(CancellationToken.None);

    /// <summary>Runs a timer function as an operator would: through the local host's admin route.</summary>
    public async Task RunFunctionAsync(string name)
    {
        using var response = await Api.Client.PostAsync(new Uri($"/admin/functions/{name}", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
