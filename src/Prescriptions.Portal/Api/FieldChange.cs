namespace Prescriptions.Portal.Api;

/// <summary>One thing a change touched (openapi.json's FieldChange); From or To absent when it was or became empty.</summary>
public sealed record FieldChange(string Field, string? From, string? To);
