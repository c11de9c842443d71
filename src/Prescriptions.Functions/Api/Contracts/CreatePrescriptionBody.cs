namespace Prescriptions.Functions.Api.Contracts;

/// <summary>The body of POST /api/prescriptions: the preview request plus an optional edited item list, schedule, follow-up and the EHR's id.</summary>
public sealed record CreatePrescriptionBody : AssembleBody
{
    public IReadOnlyList<ItemBody>? Items { get; init; }
    public DateOnly? StartDate { get; init; }
    public int? Weeks { get; init; }
    public FollowUpBody? FollowUp { get; init; }
    public string? ExternalId { get; init; }

    /// <summary>Create even though the evidence shows the phase's entry criteria unmet; needs a <see cref="Reason"/>.</summary>
    public bool? Override { get; init; }
    public string? Reason { get; init; }
}
