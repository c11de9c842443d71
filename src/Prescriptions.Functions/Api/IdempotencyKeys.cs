using System.Security.Cryptography;
using System.Text.Json;
using Prescriptions.Domain.Serialization;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>The Idempotency-Key header of creating POSTs, and the fingerprint of a request it is bound to.</summary>
public static class IdempotencyKeys
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxLength = 255;

    /// <summary>The key, or null when none was sent; 400 when it is not 1-255 visible ASCII characters.</summary>
    public static string? From(ApiRequest call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!call.Http.Headers.TryGetValue(HeaderName, out var values))
        {
            return null;
        }

        var key = values.ToString();
        return key.Length is > 0 and <= MaxLength && key.All(c => c is > ' ' and <= '~')
            ? key
            : throw new ApiProblemException(Problems.Validation(HeaderName, $"must be 1-{MaxLength} visible ASCII characters"));
    }

    /// <summary>A hash of the parsed request, so the same request with other spacing or member order still matches.</summary>
    public static string Fingerprint<T>(string route, T body) =>
        Convert.ToHexStringLower(SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(route + "\n"), .. JsonSerializer.SerializeToUtf8Bytes(body, DomainJson.Options)]));
}
