using System.Text.Json.Serialization;

namespace Prescriptions.Functions.Http;

/// <summary>One page of a list: the items and the token for the next page (null on the last, and written as null).</summary>
public sealed record Page<T>(
    IReadOnlyList<T> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ContinuationToken);
