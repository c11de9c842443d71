namespace Prescriptions.Portal.Api;

/// <summary>A condition as the list shows it (openapi.json's ConditionSummary): its name and ICD-10 codes to search by.</summary>
public sealed record ConditionListing(string Id, string Name, IReadOnlyList<ConditionCodeEntry> Icd10Codes);
