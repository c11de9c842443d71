using System.Net.Http.Headers;
using System.Text;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Prescriptions.Application.Webhooks;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Functions.Webhooks;

/// <summary>
/// Posts one signed event to one partner. The HttpClient's resilience handler (see <see cref="WebhookServiceCollectionExtensions"/>)
/// adds the timeouts, the quick retries and a circuit breaker per partner; whatever still fails is reported, not thrown.
/// </summary>
public sealed class WebhookSender(HttpClient http, TimeProvider time)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task<WebhookDelivery> SendAsync(WebhookPartner partner, PrescriptionEvent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(@event);
        var body = WebhookPayload.Serialize(@event);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, partner.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, Json),
        };
        request.Headers.Add(WebhookHeaders.Id, @event.Id);
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, WebhookSigner.Sign(partner.Key.Span, @event.Id, timestamp, body));

        var started = time.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new WebhookDelivery(true, status, time.GetElapsedTime(started), null)
                : new WebhookDelivery(false, status, time.GetElapsedTime(started), $"The endpoint answered {status}.");
        }
        catch (Exception e) when (Describe(e, cancellationToken) is { } error)
        {
            return new WebhookDelivery(false, null, time.GetElapsedTime(started), error);
        }
    }

    private static string? Describe(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        BrokenCircuitException => "The circuit to this partner is open after repeated failures.",
        TimeoutRejectedException => "The endpoint did not answer in time.",
        HttpRequestException http => $"No answer: {http.Message}",
        OperationCanceledException when !cancellationToken.IsCancellationRequested => "The endpoint did not answer in time.",
        _ => null,
    };
}
