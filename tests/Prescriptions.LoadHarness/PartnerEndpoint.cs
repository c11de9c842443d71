using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Prescriptions.LoadHarness;

/// <summary>
/// A partner's webhook endpoint: checks each Standard Webhooks signature, and records, per webhook-id, when it first
/// arrived, when the event happened, and how many times it came.
/// </summary>
internal sealed class PartnerEndpoint : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Arrival> arrivals = new(StringComparer.Ordinal);
    private int badSignatures;

    private PartnerEndpoint(WebApplication app) => this.app = app;

    public string Secret => "whsec_" + Convert.ToBase64String(key);

    public Uri Url { get; private set; } = null!;

    public int BadSignatures => badSignatures;

    public IReadOnlyCollection<Arrival> Arrivals => [.. arrivals.Values];

    public static async Task<PartnerEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new PartnerEndpoint(app);
        app.MapPost("/hooks", (Delegate)endpoint.ReceiveAsync);
        await app.StartAsync();
        endpoint.Url = new Uri(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/hooks");
        return endpoint;
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var at = DateTimeOffset.UtcNow;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var id = context.Request.Headers["webhook-id"].ToString();
        var timestamp = context.Request.Headers["webhook-timestamp"].ToString();
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        if (!context.Request.Headers["webhook-signature"].ToString().Split(' ').Contains(expected, StringComparer.Ordinal))
        {
            Interlocked.Increment(ref badSignatures);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        using var json = JsonDocument.Parse(body);
        var type = json.RootElement.GetProperty("type").GetString() ?? string.Empty;
        var happened = json.RootElement.GetProperty("timestamp").GetDateTimeOffset();
        var prescriptionId = json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && (data.TryGetProperty("prescriptionId", out var named) || data.TryGetProperty("id", out named)) ? named.GetString() : null;
        arrivals.AddOrUpdate(id, _ => new Arrival(id, type, prescriptionId, happened, at, 1), (_, seen) => seen with { Times = seen.Times + 1 });
        return Results.NoContent();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One webhook-id as the partner saw it.</summary>
internal sealed record Arrival(string Id, string Type, string? PrescriptionId, DateTimeOffset HappenedAt, DateTimeOffset FirstArrivedAt, int Times);
