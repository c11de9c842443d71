using System.Security.Cryptography;
using System.Text;
using StandardWebhooks;

namespace Prescriptions.Functions.Webhooks;

/// <summary>
/// Standard Webhooks signatures: <c>v1,</c> + base64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}")),
/// computed by the maintained <c>StandardWebhooks</c> package. Receivers recompute it over the raw body and compare in
/// constant time.
/// </summary>
public static class WebhookSigner
{
    public const string Version = "v1";

    public static string Sign(ReadOnlySpan<byte> key, string webhookId, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        ArgumentNullException.ThrowIfNull(body);
        return new StandardWebhook(key.ToArray()).Sign(webhookId, DateTimeOffset.FromUnixTimeSeconds(timestamp), body);
    }

    /// <summary>
    /// Whether one of the space-separated signatures of a <c>webhook-signature</c> header matches. The package's own
    /// <c>Verify</c> also rejects timestamps five minutes from the wall clock, as a receiver should; this check is for
    /// signatures of any time (our test receivers and the documented vectors), so it compares the signatures only.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> key, string webhookId, long timestamp, string body, string signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(signatureHeader);
        var expected = Encoding.ASCII.GetBytes(Sign(key, webhookId, timestamp, body));
        return signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(candidate)));
    }
}
