using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Prescriptions.Domain.FollowUps;

/// <summary>
/// Signed check-in links for patients without an account: <c>base64url(clinic|prescription|expiry)</c> + "." +
/// <c>base64url(HMAC-SHA256)</c> under a key from configuration. The signature is checked in constant time
/// before anything in the token is trusted.
/// </summary>
public sealed class CheckInTokens
{
    public const int MinKeyBytes = 32;
    private const char Separator = '|';

    private readonly byte[] key;

    public CheckInTokens(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"The check-in signing key needs at least {MinKeyBytes} bytes.", nameof(key));
        }

        this.key = [.. key];
    }

    public string Create(CheckInTokenClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.ClinicId.Contains(Separator, StringComparison.Ordinal) || claims.PrescriptionId.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException("Ids must not contain '|'.", nameof(claims));
        }

        var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{claims.ClinicId}{Separator}{claims.PrescriptionId}{Separator}{claims.ExpiresAt.ToUnixTimeSeconds()}"));
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, payload))}";
    }

    public (CheckInTokenStatus Status, CheckInTokenClaims? Claims) Read(string? token, DateTimeOffset now)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 0 || token.Length > 512)
        {
            return (CheckInTokenStatus.Invalid, null);
        }

        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return (CheckInTokenStatus.Invalid, null);
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload)))
        {
            return (CheckInTokenStatus.Invalid, null);
        }

        var parts = Encoding.UTF8.GetString(payload).Split(Separator);
        if (parts.Length != 3 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry))
        {
            return (CheckInTokenStatus.Invalid, null);
        }

        var claims = new CheckInTokenClaims(parts[0], parts[1], DateTimeOffset.FromUnixTimeSeconds(expiry));
        return now >= claims.ExpiresAt ? (CheckInTokenStatus.Expired, claims) : (CheckInTokenStatus.Valid, claims);
    }
}
