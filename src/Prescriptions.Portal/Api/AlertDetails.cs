namespace Prescriptions.Portal.Api;

/// <summary>An alert of a program, open or acknowledged (openapi.json's Alert).</summary>
public sealed record AlertDetails(
    string Id,
    string PrescriptionId,
    string Kind,
    DateTimeOffset RaisedAt,
    string Message,
    string Status,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy);
