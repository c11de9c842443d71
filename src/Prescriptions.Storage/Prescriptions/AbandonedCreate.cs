using Azure.Data.Tables;

namespace Prescriptions.Storage.Prescriptions;

/// <summary>
/// A create whose caller was answered with a failure while its batch may still be committed by storage (the request's
/// budget ran out, or storage stopped answering mid-call): the rows it sent and the token that marks them as its own.
/// </summary>
internal sealed record AbandonedCreate(string ClinicId, string PrescriptionId, string WriteToken, IReadOnlyList<TableEntity> Rows, DateTimeOffset AbandonedAt)
{
    /// <summary>When storage first answered "no such row" after the abandonment; the create is forgotten a settle time later.</summary>
    public DateTimeOffset? FirstSeenMissingAt { get; init; }
}
