namespace Prescriptions.Application.Prescriptions;

/// <summary>A stored value with the ETag that a conditional write must present.</summary>
public sealed record Versioned<T>(T Value, string ETag);
