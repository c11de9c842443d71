namespace Prescriptions.Domain.FollowUps;

/// <summary>The record of one planned message: sent (when, after how many attempts) or failed for good (with the last error).</summary>
public sealed record FollowUpDelivery(string MessageId, FollowUpKind Kind, DateOnly LocalDate, bool Sent, int Attempts, DateTimeOffset At, string? Error = null);
