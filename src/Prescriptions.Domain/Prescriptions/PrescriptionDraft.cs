using Prescriptions.Domain.Assembly;

namespace Prescriptions.Domain.Prescriptions;

/// <summary>What a new prescription is asked for: the clinic and patient, the engine's request, the schedule and the contact.</summary>
public sealed record PrescriptionDraft(string ClinicId, string PatientId, AssemblyRequest Request)
{
    public DateOnly? StartDate { get; init; }
    public int? Weeks { get; init; }
    public string? ExternalId { get; init; }
    public FollowUp? FollowUp { get; init; }

    /// <summary>Why the program is created although the evidence shows the phase's entry criteria unmet; null: no override.</summary>
    public string? OverrideReason { get; init; }
}
