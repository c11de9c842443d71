namespace Prescriptions.Functions.Http;

/// <summary>One page of a list: the items and the token for the next page (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);
