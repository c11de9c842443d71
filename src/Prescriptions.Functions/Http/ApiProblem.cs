using System.Text.Json.Serialization;

namespace Prescriptions.Functions.Http;

/// <summary>An RFC 9457 problem document. <see cref="Errors"/> is keyed by the JSON path of each field at fault.</summary>
public sealed record ApiProblem
{
    public required string Type { get; init; }
    public required string Title { get; init; }
    public required int Status { get; init; }
    public string? Detail { get; init; }
    public string? Instance { get; init; }
    public string? CorrelationId { get; init; }
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>How many reasons there were, when <see cref="Errors"/> is present (it lists at most the first 50).</summary>
    public int? ErrorCount { get; init; }

    /// <summary>Headers that belong with the problem (Retry-After, WWW-Authenticate); not part of the body.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
