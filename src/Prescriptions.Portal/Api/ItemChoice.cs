namespace Prescriptions.Portal.Api;

/// <summary>An item as the builder sends it (openapi.json's ItemRequest / ReplaceItemRequest): the therapist's exercise, dose and note.</summary>
public sealed record ItemChoice(string ExerciseId, Dose Dose, string? Notes);
