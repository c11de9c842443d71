namespace Prescriptions.Domain.Patients;

/// <summary>The record of a completed erasure: no name, no id, no contact of the patient; only who erased how much, when.</summary>
public sealed record ErasureTombstone(string Id, string ErasedBy, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, int Prescriptions, int Rows);
