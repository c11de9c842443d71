namespace Prescriptions.Domain.Prescriptions;

/// <summary>
/// The first answer to a create with an Idempotency-Key: the same caller and key with the same request
/// (by hash) replays it; with another request it is refused.
/// </summary>
public sealed record IdempotencyRecord(string Caller, string Key, string RequestHash, string PrescriptionId, int Status, DateTimeOffset CreatedAt);
