namespace Prescriptions.Portal.Api;

/// <summary>A registered patient in full (openapi.json's Patient).</summary>
public sealed record PatientDetails(
    string Id,
    string ClinicId,
    string GivenName,
    string FamilyName,
    string? ExternalId,
    DateOnly? BirthDate,
    string? Email,
    string? Phone,
    string? PreferredLanguage,
    int Version);
