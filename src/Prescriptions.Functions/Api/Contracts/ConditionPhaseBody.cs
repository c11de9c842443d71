namespace Prescriptions.Functions.Api.Contracts;

public sealed record ConditionPhaseBody(string? ConditionId, int? Phase);
