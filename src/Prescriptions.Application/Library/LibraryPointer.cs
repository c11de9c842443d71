namespace Prescriptions.Application.Library;

/// <summary>What the <c>current</c> pointer says: the version in force, when it was published, and its size.</summary>
public sealed record LibraryPointer(string Version, DateTimeOffset PublishedAt, int ExerciseCount, int ConditionCount);
