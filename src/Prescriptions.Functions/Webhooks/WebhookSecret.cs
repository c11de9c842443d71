namespace Prescriptions.Functions.Webhooks;

/// <summary>Standard Webhooks secrets: <c>whsec_</c> followed by the base64 of the signing key.</summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    // The specification asks for keys of 24 to 64 bytes.
    private const int MinBytes = 24;
    private const int MaxBytes = 64;

    /// <summary>The key bytes, or <see langword="null"/> with the reason when <paramref name="secret"/> is not a usable secret.</summary>
    public static byte[]? TryDecode(string? secret, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(secret))
        {
            problem = "is missing";
            return null;
        }

        var encoded = secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret;
        byte[] key;
        try
        {
            key = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            problem = $"is not '{Prefix}' followed by base64";
            return null;
        }

        if (key.Length is < MinBytes or > MaxBytes)
        {
            problem = $"decodes to {key.Length} bytes; use {MinBytes}-{MaxBytes} random bytes";
            return null;
        }

        return key;
    }

    public static byte[] Decode(string? secret) =>
        TryDecode(secret, out var problem) ?? throw new FormatException($"The webhook secret {problem}.");
}
