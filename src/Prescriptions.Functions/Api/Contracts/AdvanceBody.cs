namespace Prescriptions.Functions.Api.Contracts;

/// <summary>The body of POST .../advance: to advance with unmet criteria, say so and why.</summary>
public sealed record AdvanceBody(bool? Override = null, string? Reason = null);
