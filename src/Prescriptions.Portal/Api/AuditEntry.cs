namespace Prescriptions.Portal.Api;

/// <summary>Who changed a program, when and what, in a therapist's words (openapi.json's AuditEntry).</summary>
public sealed record AuditEntry(DateTimeOffset At, string Subject, string SubjectKind, string Action, string Summary, IReadOnlyList<FieldChange> Changes, int Version);
