namespace Prescriptions.Portal.Api;

/// <summary>An ICD-10-CM code of a condition (openapi.json's ConditionCode).</summary>
public sealed record ConditionCodeEntry(string Code, string? Side);
