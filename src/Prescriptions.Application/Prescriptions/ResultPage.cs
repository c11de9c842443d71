namespace Prescriptions.Application.Prescriptions;

/// <summary>One page read from storage, with the opaque token for the next one (null on the last).</summary>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, string? ContinuationToken);
