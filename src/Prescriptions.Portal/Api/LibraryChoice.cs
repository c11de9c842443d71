namespace Prescriptions.Portal.Api;

/// <summary>An exercise of the library judged under the builder's limits (openapi.json's ExerciseEligibility).</summary>
public sealed record LibraryChoice(string ExerciseId, string Name, string Category, string Delivery, int Difficulty, Dose Dose, IReadOnlyList<string> Reasons, bool Allowed, bool ForCondition);
