namespace Prescriptions.Portal.Api;

/// <summary>A registered patient as the search lists them (openapi.json's Patient, the members the list shows).</summary>
public sealed record PatientSummary(string Id, string GivenName, string FamilyName, string? ExternalId, DateOnly? BirthDate);
