namespace Prescriptions.Portal.Api;

/// <summary>The library judged for one request (openapi.json's ExerciseEligibilityList).</summary>
public sealed record LibraryChoices(string LibraryVersion, IReadOnlyList<LibraryChoice> Exercises);
