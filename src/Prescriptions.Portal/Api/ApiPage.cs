namespace Prescriptions.Portal.Api;

/// <summary>One page of a list route; a null continuation token is the last page.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? ContinuationToken);
