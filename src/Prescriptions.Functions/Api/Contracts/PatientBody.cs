namespace Prescriptions.Functions.Api.Contracts;

/// <summary>The body of POST /api/patients and PUT /api/patients/{patientId}: the patient's details (PUT replaces them all).</summary>
public sealed record PatientBody
{
    /// <summary>Which of the caller's clinics registers the patient (POST); a PUT may only repeat the patient's own.</summary>
    public string? ClinicId { get; init; }
    public string? ExternalId { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public DateOnly? BirthDate { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? PreferredLanguage { get; init; }
}
