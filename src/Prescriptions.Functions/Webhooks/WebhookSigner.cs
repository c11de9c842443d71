using System.Security.Cryptography;
using System.Text;

namespace Prescriptions.Functions.Webhooks;

/// <summary>
/// Standard Webhooks signatures: <c>v1,</c> + base64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}")).
/// Receivers recompute it over the raw body and compare in constant time.
/// </summary>
public static class WebhookSigner
{
    public const string Version = "v1";

    public static string Sign(ReadOnlySpan<byte> key, string webhookId, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        ArgumentNullException.ThrowIfNull(body);
        var content = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.{body}");
        return $"{Version},{Convert.ToBase64String(HMACSHA256.HashData(key, content))}";
    }

    /// <summary>Whether one of the space-separated signatures of a <c>webhook-signature</c> header matches.</summary>
    public static bool Verify(ReadOnlySpan<byte> key, string webhookId, long timestamp, string body, string signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(signatureHeader);
        var expected = Encoding.ASCII.GetBytes(Sign(key, webhookId, timestamp, body));
        return signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(candidate)));
    }
}
