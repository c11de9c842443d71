namespace Prescriptions.Domain.Lifecycle;

/// <summary>One field a change touched, with short readable values before and after.</summary>
public sealed record FieldChange(string Field, string? From = null, string? To = null);
