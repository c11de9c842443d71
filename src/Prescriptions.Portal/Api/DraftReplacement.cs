namespace Prescriptions.Portal.Api;

/// <summary>PUT /api/prescriptions/{id}'s body as the builder sends it: the members a draft's editor changes.</summary>
public sealed record DraftReplacement(
    IReadOnlyList<ItemChoice> Items,
    IReadOnlyList<ItemChoice> ClinicItems,
    ProgramLimits Constraints,
    DateOnly? StartDate,
    int? Weeks,
    FollowUpContact? FollowUp);
