namespace Prescriptions.Portal.Api;

/// <summary>One safe swap for an item (openapi.json's ItemAlternative).</summary>
public sealed record SwapOption(string ExerciseId, string Name, string Category, string Delivery, int Difficulty, Dose Dose, string Rationale);
