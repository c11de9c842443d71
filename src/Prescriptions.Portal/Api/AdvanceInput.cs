namespace Prescriptions.Portal.Api;

/// <summary>Advance to the next phase (openapi.json's AdvanceRequest): with unmet criteria only as an override with its reason.</summary>
public sealed record AdvanceInput(bool? Override, string? Reason);
