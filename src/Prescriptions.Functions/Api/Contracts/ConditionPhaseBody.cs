namespace Prescriptions.Functions.Api.Contracts;

public sealed record ConditionPhaseBody(string? ConditionId = null, int? Phase = null);
