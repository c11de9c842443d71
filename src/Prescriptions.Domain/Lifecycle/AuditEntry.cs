using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Domain.Lifecycle;

/// <summary>Who changed a prescription, when, what (a summary and the fields) and from where. Written with the change itself.</summary>
public sealed record AuditEntry(
    string PrescriptionId,
    DateTimeOffset At,
    string Subject,
    CallerKind SubjectKind,
    string Action,
    string Summary,
    IReadOnlyList<FieldChange> Changes,
    string Source,
    int Version);
