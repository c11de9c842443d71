namespace Prescriptions.Application.Prescriptions;

/// <summary>A create's Idempotency-Key and the fingerprint of the request it was sent with.</summary>
public sealed record IdempotencyClaim(string Key, string Fingerprint)
{
    /// <summary>The name errors about the key are reported under (the header the client sent it in).</summary>
    public const string Field = "Idempotency-Key";
}
