namespace Prescriptions.Portal.Api;

/// <summary>A patient's details as POST registers and PUT replaces them (openapi.json's PatientInput); null members are left out.</summary>
public sealed record PatientInput(
    string? ClinicId,
    string GivenName,
    string FamilyName,
    string? ExternalId,
    DateOnly? BirthDate,
    string? Email,
    string? Phone,
    string? PreferredLanguage);
