namespace Prescriptions.Domain.FollowUps;

/// <summary>What a check-in link is bound to: one prescription of one clinic, until an expiry.</summary>
public sealed record CheckInTokenClaims(string ClinicId, string PrescriptionId, DateTimeOffset ExpiresAt);
