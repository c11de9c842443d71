using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Prescriptions.Functions.Tests;

/// <summary>A partner's webhook endpoint on 127.0.0.1: records every delivery and answers 500 to the first <c>failFirst</c>, 204 after.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private int failuresLeft;

    private WebhookReceiver(WebApplication app, int failFirst)
    {
        this.app = app;
        failuresLeft = failFirst;
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedWebhook> Received => [.. received];

    public static async Task<WebhookReceiver> StartAsync(int failFirst)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, failFirst);
        app.MapPost("/hooks", receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hooks");
        return receiver;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var status = Interlocked.Decrement(ref failuresLeft) >= 0 ? StatusCodes.Status500InternalServerError : StatusCodes.Status204NoContent;
        received.Enqueue(new ReceivedWebhook(
            context.Request.Headers["webhook-id"].ToString(),
            context.Request.Headers["webhook-timestamp"].ToString(),
            context.Request.Headers["webhook-signature"].ToString(),
            body,
            status,
            context.Request.Headers.UserAgent.ToString()));
        context.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One delivery as the receiver saw it, and what it answered.</summary>
internal sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, int AnsweredStatus, string UserAgent)
{
    public bool Acknowledged => AnsweredStatus is >= 200 and < 300;
}
