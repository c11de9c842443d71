namespace Prescriptions.Domain.Library;

/// <summary>A hard rule an exercise would break, named so a therapist can read it (rule) and see why (detail).</summary>
public sealed record RuleViolation(string Rule, string Detail);
