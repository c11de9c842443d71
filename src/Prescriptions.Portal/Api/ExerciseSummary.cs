namespace Prescriptions.Portal.Api;

/// <summary>An exercise of the library as the list shows it (openapi.json's Exercise, the members the list shows).</summary>
public sealed record ExerciseSummary(string Id, string Name, string Summary, string Category, int Difficulty);
