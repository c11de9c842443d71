using System.Text.Json;
using System.Text.Json.Serialization;
using Prescriptions.Domain.Library;

namespace Prescriptions.Functions.Api.Contracts;

/// <summary>An item of a PUT as GET shows it: exercise, dose and notes are the therapist's; the rest comes from the library and the engine.</summary>
public sealed record ReplaceItemBody
{
    public string? ExerciseId { get; init; }
    public Dose? Dose { get; init; }
    public string? Notes { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherMembers { get; init; }

    public ItemBody ToItemBody() => new() { ExerciseId = ExerciseId, Dose = Dose, Notes = Notes };
}
