using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prescriptions.Portal.Api;

/// <summary>
/// How much of an exercise (openapi.json's Dose). Members the portal does not edit (heart-rate reserve, and any the API
/// adds later) are kept in <see cref="Other"/> so a draft sent back carries the dose it read.
/// </summary>
public sealed record Dose
{
    public int? Sets { get; init; }
    public int? Reps { get; init; }
    public int? DurationSeconds { get; init; }
    public int? HoldSeconds { get; init; }
    public int? RestSeconds { get; init; }
    public DoseLoad? Load { get; init; }
    public int? Rpe { get; init; }
    public string? Tempo { get; init; }
    public string? Side { get; init; }
    public int? SessionsPerDay { get; init; }
    public int? DaysPerWeek { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}
