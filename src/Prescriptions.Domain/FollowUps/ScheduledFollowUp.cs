namespace Prescriptions.Domain.FollowUps;

/// <summary>
/// One message to send: what, when (UTC), and a stable id that every send of it carries, so a message
/// repeated after a crash can be recognised as the same one.
/// </summary>
public sealed record ScheduledFollowUp(string Id, FollowUpKind Kind, DateTimeOffset DueAt, DateOnly LocalDate);
