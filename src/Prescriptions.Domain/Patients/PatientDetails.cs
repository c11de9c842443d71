namespace Prescriptions.Domain.Patients;

/// <summary>What the clinic says about a patient: the fields a create sets and an update replaces.</summary>
public sealed record PatientDetails(string GivenName, string FamilyName)
{
    /// <summary>The EHR's id (the MRN); unique within the clinic.</summary>
    public string? ExternalId { get; init; }
    public DateOnly? BirthDate { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }

    /// <summary>A BCP 47 language tag such as nb-NO or de.</summary>
    public string? PreferredLanguage { get; init; }
}
